package org.gradnote.magics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class MagicParserTest {
    private final MagicRegistry registry = MagicRegistry.standard();

    @Test
    void lineMagicsSplitJavaAndKeepLineNumbers() {
        List<CellPart> parts = MagicParser.parse("int a = 1;\n%time a++;\nint b = 2;\nint c = 3;");
        assertEquals(3, parts.size());
        assertEquals(new CellPart.Java("int a = 1;", 1), parts.get(0));
        MagicCall time = ((CellPart.MagicPart) parts.get(1)).call();
        assertEquals("time", time.name());
        assertEquals("a++;", time.args());
        assertEquals(new CellPart.Java("int b = 2;\nint c = 3;", 3), parts.get(2));
    }

    @Test
    void cellMagicTakesTheWholeBody() {
        List<CellPart> parts = MagicParser.parse("%%writefile -a out.txt\nline1\nline2");
        MagicCall call = ((CellPart.MagicPart) parts.get(0)).call();
        assertTrue(call.cellMagic());
        assertEquals("-a out.txt", call.args());
        assertEquals("line1\nline2", call.body());
    }

    @Test
    void moduloContinuationIsJava() {
        assertEquals(1, MagicParser.parse("int r = 7\n  % 3;").size());
    }

    @Test
    void unknownMagicAndBadArgumentsGiveOneLineUsage() {
        var unknown = assertThrows(
                MagicUsageException.class, () -> registry.prepare(new MagicCall("nope", "", null, false, 1)));
        assertTrue(unknown.getMessage().contains("%lsmagic"));
        var bad = assertThrows(
                MagicUsageException.class,
                () -> registry.prepare(new MagicCall("timeit", "-n zero x()", null, false, 1)));
        assertTrue(bad.getMessage().contains("Usage: %timeit"), bad.getMessage());
        assertFalse(bad.getMessage().contains("\n"));
        assertThrows(MagicUsageException.class, () -> registry.prepare(new MagicCall("html", "", "<b>", false, 1)));
    }

    @Test
    void everyMagicHasUsageAndJavaEquivalentAnswer() throws Exception {
        var time = registry.prepare(new MagicCall("time", "", "int x = 1;", true, 1));
        assertTrue(time.javaEquivalent().code().orElseThrow().contains("System.nanoTime()"));
        var who = registry.prepare(new MagicCall("who", "", null, false, 1));
        assertTrue(who.javaEquivalent().code().isEmpty());
        assertFalse(who.javaEquivalent().reasonIfNone().isEmpty());
        var write = registry.prepare(new MagicCall("writefile", "a.txt", "x\"y", true, 1));
        assertTrue(write.javaEquivalent().code().orElseThrow().contains("\"x\\\"y\\n\""));
        for (Magic m : registry.all()) assertTrue(m.usage().startsWith("%"), m.name());
    }

    @Test
    void timeitHarnessCompilesShape() throws Exception {
        String harness = TimeitMagic.harness("Math.sqrt(2)", 10, 3);
        assertTrue(harness.contains("Math.sqrt(2);"));
        assertTrue(harness.contains("int timeitLoops = 10;"));
    }
}
