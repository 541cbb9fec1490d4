package org.gradnote.kernel;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** gradnote's own types come back as rich MIME bundles (through the Renderer plug-ins) in execute_result. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KernelDisplayTest extends KernelTestBase {

    private JsonObject resultData(String code) throws Exception {
        var ex = client.execute(code);
        assertEquals("ok", ex.status(), () -> ex.reply().content().toString());
        var results = ex.ofType("execute_result");
        assertEquals(1, results.size(), "one execute_result");
        return results.get(0).content().getAsJsonObject("data");
    }

    private static int count(String haystack, String needle) {
        return haystack.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void onlyALastExpressionIsShownAndItsValueIsTheOneShown() throws Exception {
        var ex = client.execute("1 + 1;\nvoid noop() { }");
        assertEquals("ok", ex.status());
        assertEquals(0, ex.ofType("execute_result").size(), "the earlier expression's value is not the cell's");
        assertEquals("null", resultData("(String) null").get("text/plain").getAsString());
        client.execute("int shown = 5;");
        assertEquals("5", resultData("shown").get("text/plain").getAsString(), "a variable on its own");
        assertEquals("[1, 2]", resultData("new int[]{1, 2}").get("text/plain").getAsString());
    }

    @Test
    void tensorHasTextAndHtmlWithShapeAndDtype() throws Exception {
        JsonObject data = resultData("Tensor.ones(2, 2)");
        assertTrue(data.get("text/plain").getAsString().startsWith("tensor([[1., 1.],"), data.toString());
        String html = data.get("text/html").getAsString();
        assertTrue(html.contains("shape (2, 2)") && html.contains("float32"), html);
        assertEquals(4, count(html, "<td"), html);
    }

    /** One formatter for text and HTML: the table shows the text form's digits (4 decimals here), right-aligned. */
    @Test
    void tensorHtmlShowsTheTextFormsNumbers() throws Exception {
        JsonObject data = resultData("Tensor.of(new double[][]{{1.5, -20.25, 0.333333}, {0.125, 3, 123.5}})");
        String text = data.get("text/plain").getAsString();
        String html = data.get("text/html").getAsString();
        java.util.List<String> cells = new java.util.ArrayList<>();
        var m = java.util.regex.Pattern.compile("<td style=\"text-align:right[^\"]*\">([^<]*)</td>")
                .matcher(html);
        while (m.find()) cells.add(m.group(1));
        assertEquals(List.of("1.5000", "-20.2500", "0.3333", "0.1250", "3.0000", "123.5000"), cells, html);
        for (String c : cells) assertTrue(text.contains(c), c + " in " + text);
    }

    @Test
    void bigTensorHtmlIsSummarisedLikePyTorch() throws Exception {
        String html = resultData("Tensor.zeros(100, 50)").get("text/html").getAsString();
        assertEquals(7 * 7, count(html, "<td"), "3 + ellipsis + 3 per dimension");
        assertTrue(html.contains("&hellip;"));
        String small = resultData("Tensor.arange(10)").get("text/html").getAsString();
        assertEquals(10, count(small, "<td"), "under 1000 elements nothing is cut");
    }

    @Test
    void tablesawTableIsTruncatedHtml() throws Exception {
        JsonObject data = resultData("tech.tablesaw.api.Table.create(\"squares\",\n"
                + "    tech.tablesaw.api.IntColumn.create(\"n\", IntStream.range(0, 50).toArray()),\n"
                + "    tech.tablesaw.api.IntColumn.create(\"sq\", IntStream.range(0, 50).map(i -> i * i).toArray()))");
        String html = data.get("text/html").getAsString();
        assertTrue(html.contains("50 rows &times; 2 columns"), html);
        assertEquals(21, count(html.substring(html.indexOf("<tbody>")), "<tr>"), "10 + ellipsis + 10 body rows");
        assertTrue(html.contains("<td>2401</td>"), "last row shown");
        assertTrue(data.get("text/plain").getAsString().contains("squares"));
    }

    /** Item: charts were blank in nbconvert's HTML, which prefers SVG: a chart is a 2x PNG with its size, no SVG. */
    @Test
    void chartsComeBackAsSharpPngWithSizeAndNoSvg() throws Exception {
        String build =
                "Plots.line().title(\"sq\").x(new double[]{1, 2, 3}).series(\"y\", new double[]{1, 4, 9}).build()";
        for (String code : List.of(build, build + ".size(600, 300)", build + ".jfree()")) {
            var ex = client.execute(code);
            assertEquals("ok", ex.status(), ex.reply().content().toString());
            JsonObject content = ex.ofType("execute_result").get(0).content();
            JsonObject data = content.getAsJsonObject("data");
            assertEquals(java.util.Set.of("text/plain", "image/png"), data.keySet(), code);
            byte[] png = Base64.getDecoder().decode(data.get("image/png").getAsString());
            assertEquals("PNG", new String(png, 1, 3), code);
            int width = code.contains("600") ? 600 : 800, height = code.contains("600") ? 300 : 500;
            JsonObject size = content.getAsJsonObject("metadata").getAsJsonObject("image/png");
            assertEquals(width, size.get("width").getAsInt(), code);
            assertEquals(height, size.get("height").getAsInt(), code);
            assertEquals(2 * width, pngInt(png, 16), "rasterised at twice the shown width: " + code);
            assertEquals(2 * height, pngInt(png, 20), code);
        }
    }

    /** SVG on request: per chart with withSvg(), or for the session with Display.chartsWithSvg(true). */
    @Test
    void svgOnlyOnRequest() throws Exception {
        String build = "Plots.line().x(new double[]{1, 2, 3}).series(\"y\", new double[]{1, 4, 9}).build()";
        JsonObject perChart = resultData(build + ".withSvg()");
        assertTrue(perChart.get("image/svg+xml").getAsString().contains("<svg"));
        assertTrue(perChart.has("image/png"));
        try {
            assertEquals("ok", client.execute("Display.chartsWithSvg(true);").status());
            assertTrue(resultData(build).has("image/svg+xml"), "session-wide option");
        } finally {
            assertEquals("ok", client.execute("Display.chartsWithSvg(false);").status());
        }
        assertFalse(resultData(build).has("image/svg+xml"));
    }

    private static int pngInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    @Test
    void chartShowIsAnInlineDisplayNotAResult() throws Exception {
        var ex = client.execute("Plots.line().x(new double[]{1, 2}).series(\"y\", new double[]{3, 4}).build().show();");
        assertEquals("ok", ex.status());
        assertEquals(0, ex.ofType("execute_result").size());
        var shown = ex.ofType("display_data");
        assertEquals(1, shown.size());
        assertTrue(shown.get(0).content().getAsJsonObject("data").has("image/png"));
    }

    @Test
    void rendererInAJarAddedWithClasspathIsFound(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path jar = PluginJar.build(
                dir,
                "demo.Point",
                "demo.PointRenderer",
                "package demo; public record Point(int x, int y) {}",
                "package demo; import org.gradnote.kernel.display.*; import java.util.Optional;\n"
                        + "public class PointRenderer implements Renderer {\n"
                        + "  public Optional<MimeBundle> render(Object v) {\n"
                        + "    return v instanceof Point p ? Optional.of(MimeBundle.text(\"P\").with(\"text/html\","
                        + " \"<i>point \" + p.x() + \",\" + p.y() + \"</i>\")) : Optional.empty();\n"
                        + "  }\n"
                        + "  public int priority() { return 5; }\n"
                        + "}");
        JsonObject data = resultData("%classpath " + jar + "\nnew demo.Point(3, 4)");
        assertEquals("<i>point 3,4</i>", data.get("text/html").getAsString(), data.toString());
    }

    @Test
    void moduleShowsItsArchitectureAndSummary() throws Exception {
        JsonObject data = resultData("new Linear(3, 2)");
        assertEquals(
                "Linear(in_features=3, out_features=2, bias=True)",
                data.get("text/plain").getAsString(),
                data.toString());
        String html = data.get("text/html").getAsString();
        assertTrue(html.contains("<td>weight</td><td>[2, 3]</td>"), html);
        assertTrue(html.contains("<td>bias</td><td>[2]</td>"), html);
    }

    @Test
    void liveCurvesUpdateOneProgressLineAndOneChartInPlace() throws Exception {
        var ex = client.execute("Gradnote.seed(1);\n"
                + "var lx = Tensor.randn(32, 2);\n"
                + "var ly = lx.sum(1, true);\n"
                + "var lm = new Linear(2, 1);\n"
                + "Trainer.of(lm).loss(Loss.mse()).optimizer(new SGD(lm.parameters(), 0.1)).epochs(3)"
                + ".listener(LiveCurves.create()).fit(DataLoader.of(new TensorDataset(lx, ly), 8)).epochs()");
        assertEquals("ok", ex.status(), ex.toString());
        var shown = ex.ofType("display_data");
        assertEquals(2, shown.size(), "one progress line and one chart");
        assertTrue(shown.get(0)
                .content()
                .getAsJsonObject("data")
                .get("text/plain")
                .getAsString()
                .startsWith("epoch 1/3"));
        assertTrue(shown.get(1).content().getAsJsonObject("data").has("image/png"));
        var updates = ex.ofType("update_display_data");
        assertTrue(updates.size() >= 4, "progress and curves updated in place: " + updates.size());
        var last = updates.get(updates.size() - 1)
                .content()
                .getAsJsonObject("data")
                .get("text/plain")
                .getAsString();
        assertTrue(last.startsWith("epoch 3/3 [####################]") && last.endsWith("done"), last);
    }

    @Test
    void historyShowsItsCurves() throws Exception {
        JsonObject data = resultData("var hist = new History();\n"
                + "hist.append(java.util.Map.of(\"train_loss\", 1.0, \"dev_loss\", 1.2));\n"
                + "hist.append(java.util.Map.of(\"train_loss\", 0.5, \"dev_loss\", 0.8));\n"
                + "hist");
        assertTrue(data.has("image/png"), data.keySet().toString());
    }
}
