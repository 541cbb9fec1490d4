package org.gradnote.magics;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The lab magics check their arguments up front and export to plain Java. */
class LabMagicsTest {
    private final MagicRegistry registry = MagicRegistry.standard();

    private Magic.Invocation prepare(String line) throws MagicUsageException {
        var part = (CellPart.MagicPart) MagicParser.parse(line).get(0);
        return registry.prepare(part.call());
    }

    private String java(String line) throws MagicUsageException {
        return prepare(line).javaEquivalent().code().orElseThrow();
    }

    private String usageError(String line) {
        return assertThrows(MagicUsageException.class, () -> prepare(line)).getMessage();
    }

    @Test
    void gridExportsGridRun() throws Exception {
        assertEquals(
                "org.gradnote.plots.notebook.GridRun.show(\"notebooks/13-mlp-grid.ipynb\", \"--param\", \"LR=0.01,0.1\","
                        + " \"--seeds\", \"0..2\");",
                java("%grid notebooks/13-mlp-grid.ipynb --param LR=0.01,0.1 --seeds 0..2"));
        assertTrue(
                usageError("%grid --param LR=1").contains("needs a NOTEBOOK.ipynb or CLASS first"),
                usageError("%grid --param LR=1"));
    }

    @Test
    void seedExportsGradnoteSeed() throws Exception {
        assertEquals("org.gradnote.Gradnote.seed(42L);", java("%seed 42"));
        assertEquals("UsageError: the seed must be a whole number, got 'x'. Usage: %seed N", usageError("%seed x"));
        assertTrue(usageError("%seed").endsWith("Usage: %seed N"));
    }

    @Test
    void summaryPrintsTheModuleSummary() throws Exception {
        assertEquals("System.out.println(model.summary());", java("%summary model"));
        assertTrue(usageError("%summary model.x()").contains("Usage: %summary MODEL"));
    }

    @Test
    void dataReadsTheShippedCsvWithTablesaw() throws Exception {
        String code = java("%data weather");
        assertTrue(code.startsWith("tech.tablesaw.api.Table weather = tech.tablesaw.api.Table.read()"), code);
        assertTrue(code.contains("\"/org/gradnote/data/weather.csv\""), code);
        assertTrue(java("%data penguins birds").startsWith("tech.tablesaw.api.Table birds ="));
        assertTrue(java("%data digits").contains("GZIPInputStream"));
        assertTrue(usageError("%data iris").contains("unknown data set 'iris'"));
        assertTrue(usageError("%data weather 1x").contains("not a Java name"));
    }

    @Test
    void plotNeedsATensorOrATableWithColumns() throws Exception {
        assertTrue(java("%plot loss").contains("Plots.line().title(\"loss\")"));
        String table = java("%plot weather date temp_max temp_min");
        assertTrue(table.contains("instanceof tech.tablesaw.api.DateColumn"), table);
        assertTrue(table.contains(".series(\"temp_min\", weather.numberColumn(\"temp_min\").asDoubleArray())"), table);
        assertTrue(usageError("%plot weather date").contains("Usage: %plot TENSOR"));
    }

    @Test
    void mavenChecksCoordinatesAndExportsAsADependency() throws Exception {
        assertTrue(usageError("%maven commons-text").contains("'commons-text' is not GROUP:ARTIFACT:VERSION"));
        assertTrue(usageError("%maven").contains("Usage: %maven"));
        var equivalent =
                prepare("%maven org.apache.commons:commons-text:1.12.0").javaEquivalent();
        assertEquals(
                "// %maven org.apache.commons:commons-text:1.12.0: a dependency in notebooks-exported/pom.xml\n",
                equivalent.code().orElseThrow());
        assertEquals(java.util.List.of("org.apache.commons:commons-text:1.12.0"), equivalent.dependencies());
        var repo = prepare("%mavenRepo jitpack https://jitpack.io").javaEquivalent();
        assertEquals(java.util.List.of("jitpack https://jitpack.io"), repo.repositories());
        assertTrue(usageError("%mavenRepo local notaurl").contains("not an http(s) or file URL"));
        assertTrue(usageError("%mavenRepo onlyid").contains("Usage: %mavenRepo [ID URL]"));
    }

    @Test
    void labMagicsAreRegisteredForCompletion() {
        assertTrue(registry.names(false)
                .containsAll(java.util.List.of("seed", "data", "summary", "plot", "maven", "mavenRepo")));
    }
}
