package org.gradnote.kernel.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IdentifiersTest {
    @Test
    void renamesVariableTokensOnly() {
        assertEquals(
                "a_v1 = a_v1 + p.a + \"a\" + 'a'; // a\nab = a_v1;",
                Identifiers.rename("a = a + p.a + \"a\" + 'a'; // a\nab = a;", "a", "a_v1"));
    }
}
