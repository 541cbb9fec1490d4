package org.gradnote.kernel.export;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputComparatorTest {
    private final OutputComparator c = new OutputComparator();

    private static StepResult actual(String out, List<StepResult.Shown> shown, String exception) {
        return new StepResult("c", out, "", shown, exception, "boom", 5, false);
    }

    @Test
    void textValuesAndStdoutAreComparedWithADiff() {
        var expected = new ExpectedOutput("a\nb\n", List.of(new StepResult.Shown("4.5", 0, 0, false)), null);
        assertNull(c.compare(
                Directives.NONE, expected, actual("a\nb\n", List.of(new StepResult.Shown("4.5", 0, 0, false)), null)));
        String failure = c.compare(
                Directives.NONE, expected, actual("a\nc\n", List.of(new StepResult.Shown("4.5", 0, 0, false)), null));
        assertEquals("stdout differs (- expected, + actual):\n  a\n- b\n+ c", failure);
    }

    @Test
    void imagesAreComparedBySizeAndBlanknessNotBytes() {
        var expected = new ExpectedOutput("", List.of(new StepResult.Shown(null, 800, 500, false)), null);
        assertNull(c.compare(
                Directives.NONE, expected, actual("", List.of(new StepResult.Shown(null, 800, 500, false)), null)));
        assertEquals(
                "value 1: the image is blank",
                c.compare(
                        Directives.NONE,
                        expected,
                        actual("", List.of(new StepResult.Shown(null, 800, 500, true)), null)));
        assertEquals(
                "value 1: expected a 800x500 image, got 640x400",
                c.compare(
                        Directives.NONE,
                        expected,
                        actual("", List.of(new StepResult.Shown(null, 640, 400, false)), null)));
    }

    @Test
    void expectedExceptionsFromDirectiveOrStoredError() {
        Directives raises = new Directives(
                false, false, Optional.empty(), false, Double.NaN, Double.NaN, Optional.of("IllegalStateException"), 0);
        var none = new ExpectedOutput("", List.of(), null);
        assertNull(c.compare(raises, none, actual("", List.of(), "java.lang.IllegalStateException")));
        assertEquals(
                "expected IllegalStateException to be thrown, nothing was",
                c.compare(raises, none, actual("", List.of(), null)));
        assertEquals(
                "threw java.lang.RuntimeException: boom",
                c.compare(Directives.NONE, none, actual("", List.of(), "java.lang.RuntimeException")));
        var stored = new ExpectedOutput("", List.of(), "java.lang.ArithmeticException");
        assertNull(c.compare(Directives.NONE, stored, actual("", List.of(), "java.lang.ArithmeticException")));
    }

    @Test
    void pngSizeIsReadFromTheHeader() {
        String png = java.util.Base64.getEncoder()
                .encodeToString(org.gradnote.plots.Plots.line()
                        .series("y", new double[] {1, 2, 3})
                        .build()
                        .png(320, 200));
        assertArrayEquals(new int[] {320, 200}, ExpectedOutput.pngSize(png));
    }
}
