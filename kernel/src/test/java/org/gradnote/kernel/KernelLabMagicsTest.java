package org.gradnote.kernel;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The lab magics run in a real kernel: seed, data sets, summary, plot and Maven dependencies. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KernelLabMagicsTest extends KernelTestBase {

    private TestClient.Execution ok(String code) throws Exception {
        var ex = client.execute(code);
        assertEquals("ok", ex.status(), () -> ex.reply().content() + "\nstdout: " + ex.stdout());
        return ex;
    }

    @Test
    void seedSetsGradnotesGenerator() throws Exception {
        assertEquals("7", ok("%seed 7\norg.gradnote.Gradnote.lastSeed()").result());
        String a = ok("%seed 3\nTensor.rand(3).toString()").result();
        String b = ok("%seed 3\nTensor.rand(3).toString()").result();
        assertEquals(a, b, "same seed, same draws");
    }

    @Test
    void dataDefinesTablesFromShippedCsvs() throws Exception {
        var ex = ok("%data weather\nweather.rowCount() + \" \" + weather.column(\"date\").type()");
        assertEquals("2922 LOCAL_DATE", ex.result());
        assertTrue(ex.stdout().contains("2922 rows X 7 cols"), ex.stdout());
        assertEquals("344", ok("%data penguins birds\nbirds.rowCount()").result());
        assertEquals(
                "1797 65 label",
                ok("%data digits\ndigits.rowCount() + \" \" + digits.columnCount() + \" \""
                                + " + digits.column(64).name()")
                        .result());
    }

    @Test
    void summaryPrintsTheParameterTable() throws Exception {
        var ex = ok("var tiny = new Linear(4, 3);\n%summary tiny");
        assertTrue(ex.stdout().contains("total: 15 parameters (15 trainable)"), ex.stdout());
        assertEquals("error", client.execute("%summary notDefined").status());
    }

    @Test
    void plotShowsTensorsAndTableColumnsInline() throws Exception {
        for (String code : List.of(
                "var curve = Tensor.arange(10);\n%plot curve",
                "var cols = Tensor.ones(5, 2);\n%plot cols", "%data weather w\n%plot w date temp_max temp_min")) {
            var shown = ok(code).ofType("display_data");
            assertEquals(1, shown.size(), code);
            assertTrue(shown.get(0).content().getAsJsonObject("data").has("image/png"), code);
        }
    }

    @Test
    void mavenAddsAnArtifactAndReportsConflicts() throws Exception {
        Assumptions.assumeTrue(centralReachable(), "Maven Central is not reachable from here: %maven not tested");
        var ex = ok("%maven org.apache.commons:commons-text:1.12.0\n"
                + "org.apache.commons.text.WordUtils.capitalizeFully(\"hello WORLD\")");
        assertEquals("Hello World", ex.result());
        assertTrue(ex.stdout().contains("+ org.apache.commons:commons-text:1.12.0"), ex.stdout());
        // commons-text wants commons-lang3 3.14.0; the kernel already has another version, which is reported.
        assertTrue(
                ex.stdout().contains("version conflict (kept the loaded one): org.apache.commons:commons-lang3:3.14.0"),
                ex.stdout());
        var again = ok("%maven org.apache.commons:commons-text:1.12.0");
        assertTrue(again.stdout().contains("added 0 jars, 1 already on the class path"), again.stdout());
        var clash = client.execute("%maven org.apache.commons:commons-lang3:3.14.0");
        assertEquals("error", clash.status());
        assertTrue(clash.reply().content().get("evalue").getAsString().contains("already on the class path"));
    }

    private static boolean centralReachable() {
        try {
            var c = (HttpURLConnection)
                    URI.create("https://repo.maven.apache.org/maven2/").toURL().openConnection();
            c.setConnectTimeout(5000);
            c.setReadTimeout(5000);
            c.setRequestMethod("HEAD");
            return c.getResponseCode() < 500;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void badArgumentsGiveOneLineUsage() throws Exception {
        var ex = client.execute("%data nope");
        JsonObject c = ex.reply().content();
        assertEquals("UsageError", c.get("ename").getAsString());
        assertEquals(
                "UsageError: unknown data set 'nope'. Usage: %data weather|penguins|digits [VARIABLE]",
                c.get("evalue").getAsString());
    }
}
