package org.gradnote.kernel.export;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class TextMatcherTest {
    @Test
    void numbersWithinToleranceMatch() {
        TextMatcher m = new TextMatcher(1e-3, 0);
        assertTrue(m.matches("loss 0.1234 acc 97%", "loss 0.1239 acc 97%"));
        assertFalse(m.matches("loss 0.1234 acc 97%", "loss 0.1254 acc 97%"));
        assertFalse(m.matches("loss 0.1234", "gain 0.1234"), "text around numbers must be equal");
    }

    @Test
    void defaultToleranceIsRelative() {
        TextMatcher m = new TextMatcher(Double.NaN, Double.NaN);
        assertTrue(m.matches("1000000.0", "1000001.0"));
        assertFalse(m.matches("1.0", "1.001"));
    }

    @Test
    void sanitizersHideTimingsAndAddresses() {
        TextMatcher m = new TextMatcher(0, 0);
        assertTrue(m.matches("Wall time: 0.153 ms\nObject@1b6d3586", "Wall time: 12.9 ms  \nObject@4554617c"));
        assertFalse(m.matches("epoch 1", "epoch 2"));
    }
}
