package org.gradnote.magics;

import java.util.List;
import java.util.Map;
import javax.lang.model.SourceVersion;

/**
 * {@code %data weather|penguins|digits [VAR]}: defines a Tablesaw table from a data set shipped in gradnote's lib
 * (resources under {@code /org/gradnote/data/}). Generated code reads the CSV with Tablesaw directly, so it works
 * without the {@code Datasets} helper that lives on another branch.
 */
final class DataMagic implements Magic {
    /** Data set name to the Java expression of its CSV read options. */
    private static final Map<String, String> OPTIONS = Map.of(
            "weather", csv("weather.csv", "weather"),
            "penguins", csv("penguins.csv", "penguins"),
            // digits: 64 pixel columns then the label, no header line.
            "digits",
                    "tech.tablesaw.io.csv.CsvReadOptions.builder(new java.util.zip.GZIPInputStream("
                            + resource("digits.csv.gz") + ")).tableName(\"digits\").header(false)");

    public String name() {
        return "data";
    }

    public Kind kind() {
        return Kind.LINE;
    }

    public String usage() {
        return "%data weather|penguins|digits [VARIABLE]";
    }

    public String summary() {
        return "Load a shipped data set as a Tablesaw table (weather, penguins, digits).";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        List<String> args = MagicArgs.split(call.args());
        if (args.isEmpty() || args.size() > 2) throw MagicUsageException.of(this, "needs a data set name");
        String set = args.get(0);
        if (!OPTIONS.containsKey(set)) throw MagicUsageException.of(this, "unknown data set '" + set + "'");
        String variable = args.size() == 2 ? args.get(1) : set;
        if (!SourceVersion.isName(variable))
            throw MagicUsageException.of(this, "'" + variable + "' is not a Java name");
        String read = "tech.tablesaw.api.Table " + variable + " = tech.tablesaw.api.Table.read().usingOptions("
                + OPTIONS.get(set) + ");";
        if (set.equals("digits")) {
            read += "\nfor (int c = 0; c < 64; c++) " + variable + ".column(c).setName(\"p\" + c);\n" + variable
                    + ".column(64).setName(\"label\");";
        }
        return JavaInvocation.of(read + "\nSystem.out.println(" + variable + ".shape());");
    }

    private static String resource(String file) {
        return "org.gradnote.Gradnote.class.getResourceAsStream(\"/org/gradnote/data/" + file + "\")";
    }

    private static String csv(String file, String name) {
        return "tech.tablesaw.io.csv.CsvReadOptions.builder(" + resource(file) + ").tableName(\"" + name + "\")";
    }
}
