package org.gradnote.kernel.export;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a cell's {@code //| ...} lines; an unknown or malformed directive is an error naming the cell. */
public final class DirectiveParser {
    private static final Pattern CLASS_NAME = Pattern.compile("([a-z_][\\w]*\\.)*[A-Z][\\w]*");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");
    private static final Pattern TOLERANCE = Pattern.compile("(abs|rel)=([0-9.eE+-]+)");

    public Directives parse(String file, NotebookCell cell) throws ExportException {
        boolean export = false, skip = false, parameters = false;
        Optional<String> className = Optional.empty(), raises = Optional.empty();
        double abs = Double.NaN, rel = Double.NaN;
        long timeout = 0;
        for (String line : cell.source().split("\n", -1)) {
            if (!Directives.isDirective(line)) continue;
            String body = line.stripLeading().substring(3).strip();
            String word = body.split("\\s+", 2)[0];
            String arg = body.length() > word.length()
                    ? body.substring(word.length()).strip()
                    : "";
            switch (word) {
                case "export" -> export = true;
                case "skip" -> skip = true;
                case "parameters" -> parameters = true;
                case "class" -> {
                    if (!CLASS_NAME.matcher(arg).matches())
                        throw bad(file, cell, line, "expected //| class com.example.Name");
                    className = Optional.of(arg);
                }
                case "raises" -> {
                    if (!arg.matches("[\\w.$]+")) throw bad(file, cell, line, "expected //| raises ExceptionType");
                    raises = Optional.of(arg);
                }
                case "timeout" -> {
                    Matcher m = DURATION.matcher(arg);
                    if (!m.matches()) throw bad(file, cell, line, "expected //| timeout 30s (ms, s or m)");
                    long n = Long.parseLong(m.group(1));
                    timeout = switch (m.group(2)) {
                        case "ms" -> n;
                        case "s" -> n * 1000;
                        default -> n * 60_000;
                    };
                }
                case "tolerance" -> {
                    for (String part : arg.split("\\s+")) {
                        Matcher m = TOLERANCE.matcher(part);
                        if (!m.matches()) throw bad(file, cell, line, "expected //| tolerance abs=1e-6 rel=1e-4");
                        try {
                            double v = Double.parseDouble(m.group(2));
                            if (m.group(1).equals("abs")) abs = v;
                            else rel = v;
                        } catch (NumberFormatException e) {
                            throw bad(file, cell, line, "not a number: " + m.group(2));
                        }
                    }
                }
                default ->
                    throw bad(
                            file,
                            cell,
                            line,
                            "unknown directive '" + word
                                    + "' (known: export, skip, class, parameters, tolerance, raises, timeout)");
            }
        }
        if (export && skip) throw ExportException.atCell(file, cell, "both //| export and //| skip");
        return new Directives(export, skip, className, parameters, abs, rel, raises, timeout);
    }

    private static ExportException bad(String file, NotebookCell cell, String line, String problem) {
        return ExportException.atCell(file, cell, "bad directive '" + line.strip() + "': " + problem);
    }
}
