package org.gradnote.magics;

import java.util.List;
import javax.lang.model.SourceVersion;

/**
 * {@code %plot TENSOR} draws a 1-D tensor, or each column of a 2-D one, over its index; {@code %plot TABLE X Y...}
 * draws table columns Y over column X (a time series when X holds dates). The chart is shown inline.
 */
final class PlotMagic implements Magic {
    public String name() {
        return "plot";
    }

    public Kind kind() {
        return Kind.LINE;
    }

    public String usage() {
        return "%plot TENSOR  |  %plot TABLE X_COLUMN Y_COLUMN...";
    }

    public String summary() {
        return "Line chart of a tensor, or of table columns over another column.";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        List<String> args = MagicArgs.split(call.args());
        if (args.isEmpty() || args.size() == 2) {
            throw MagicUsageException.of(this, "give a tensor, or a table with an X column and at least one Y column");
        }
        String source = args.get(0);
        if (!SourceVersion.isName(source))
            throw MagicUsageException.of(this, "'" + source + "' is not a variable name");
        return JavaInvocation.of(
                args.size() == 1 ? tensor(source) : table(source, args.get(1), args.subList(2, args.size())));
    }

    static String tensor(String t) {
        String title = MagicArgs.javaLiteral(t);
        return String.join(
                "\n",
                "{",
                "    double[][] plotRows = (" + t + ".dim() == 1 ? " + t + ".reshape(" + t + ".numel(), 1) : " + t
                        + ").toDoubleMatrix();",
                "    var plot = org.gradnote.plots.Plots.line().title(" + title + ");",
                "    for (int j = 0; j < plotRows[0].length; j++) {",
                "        double[] column = new double[plotRows.length];",
                "        for (int i = 0; i < column.length; i++) column[i] = plotRows[i][j];",
                "        plot.series(plotRows[0].length == 1 ? " + title + " : " + title
                        + " + \"[:, \" + j + \"]\", column);",
                "    }",
                "    plot.build().show();",
                "}");
    }

    static String table(String t, String x, List<String> ys) {
        StringBuilder series = new StringBuilder();
        for (String y : ys) {
            series.append("        .series(")
                    .append(MagicArgs.javaLiteral(y))
                    .append(", ")
                    .append(t)
                    .append(".numberColumn(")
                    .append(MagicArgs.javaLiteral(y))
                    .append(").asDoubleArray())\n");
        }
        String xName = MagicArgs.javaLiteral(x);
        return String.join(
                "\n",
                "if (" + t + ".column(" + xName + ") instanceof tech.tablesaw.api.DateColumn plotDates) {",
                "    org.gradnote.plots.Plots.timeSeries().title(" + MagicArgs.javaLiteral(t) + ").xLabel(" + xName
                        + ")",
                "        .dates(plotDates.asObjectArray())",
                series + "        .build().show();",
                "} else {",
                "    org.gradnote.plots.Plots.line().title(" + MagicArgs.javaLiteral(t) + ").xLabel(" + xName + ")",
                "        .x(" + t + ".numberColumn(" + xName + ").asDoubleArray())",
                series + "        .build().show();",
                "}");
    }
}
