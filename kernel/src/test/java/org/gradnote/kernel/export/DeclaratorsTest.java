package org.gradnote.kernel.export;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Declarations are read as JShell reads them: local form first, class-member form for top-level modifiers. */
class DeclaratorsTest {
    private final Declarators declarators = new Declarators();

    @Test
    void localDeclarationsWithSeveralDeclarators() {
        var d = declarators.parse("int a = 1, b, c = a + 2;");
        assertEquals("1", d.get("a").initializer());
        assertNull(d.get("b").initializer());
        assertEquals("a + 2", d.get("c").initializer());
    }

    @Test
    void topLevelStaticFinalIsAcceptedLikeJShellDoes() {
        var d = declarators.parse("static final double DN = 50.0;");
        assertEquals("50.0", d.get("DN").initializer());
    }

    @Test
    void arrayLiteralsAreFlagged() {
        assertTrue(declarators.parse("double[] w = {1, 2};").get("w").arrayLiteral());
    }
}
