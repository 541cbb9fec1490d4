package org.gradnote.magics;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** {@code %%loadFromPOM} is a cell magic that checks its POM up front and exports like {@code %maven}. */
class LoadFromPomMagicTest {
    private final MagicRegistry registry = MagicRegistry.standard();

    private Magic.Invocation prepare(String cell) throws MagicUsageException {
        return registry.prepare(((CellPart.MagicPart) MagicParser.parse(cell).get(0)).call());
    }

    @Test
    void exportsAsADocumentedDependencyBlockLikeMaven() throws Exception {
        var eq = prepare("%%loadFromPOM\n<dependency><groupId>org.apache.commons</groupId>"
                        + "<artifactId>commons-text</artifactId><version>1.12.0</version></dependency>")
                .javaEquivalent();
        var maven = prepare("%maven org.apache.commons:commons-text:1.12.0").javaEquivalent();
        assertEquals(maven.dependencies(), eq.dependencies());
        assertEquals(java.util.List.of("org.apache.commons:commons-text:1.12.0"), eq.dependencies());
        assertTrue(
                eq.code().orElseThrow().contains("notebooks-exported/pom.xml"),
                eq.code().orElseThrow());
    }

    @Test
    void badPomOrArgumentsStopTheCellBeforeAnythingRuns() {
        String bad = assertThrows(MagicUsageException.class, () -> prepare("%%loadFromPOM\n<dependency>"))
                .getMessage();
        assertTrue(bad.startsWith("UsageError: not well-formed XML"), bad);
        assertTrue(assertThrows(MagicUsageException.class, () -> prepare("%%loadFromPOM x\n<dependency/>"))
                .getMessage()
                .contains("takes no arguments"));
        assertTrue(assertThrows(MagicUsageException.class, () -> prepare("%loadFromPOM"))
                .getMessage()
                .contains("must be written as %%loadFromPOM"));
    }
}
