package org.gradnote.data;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The checking half of {@link Csv}: validates the header, infers column types, then parses cell by cell. */
final class CsvTable {
    private enum Kind {
        DATE,
        NUMBER,
        TEXT
    }

    // Stricter than Double.parseDouble, which also accepts "1f", "0x1p3" and "Infinity".
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final String file;
    private final String[] header;
    private final List<String[]> rows;
    private final List<Integer> lines;
    private final Set<String> dates, numbers, texts, missing;
    private final DateTimeFormatter dateFormat;
    private final String datePattern;

    CsvTable(
            String file,
            String[] header,
            List<String[]> rows,
            List<Integer> lines,
            Set<String> dates,
            Set<String> numbers,
            Set<String> texts,
            Set<String> missing,
            DateTimeFormatter dateFormat,
            String datePattern) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.lines = lines;
        this.dates = dates;
        this.numbers = numbers;
        this.texts = texts;
        this.missing = missing;
        // STRICT resolving rejects 2015-02-30 instead of quietly moving it to 02-28.
        this.dateFormat = dateFormat.withResolverStyle(ResolverStyle.STRICT);
        this.datePattern = datePattern;
    }

    Table build() {
        checkHeader();
        int n = header.length;
        for (int r = 0; r < rows.size(); r++) checkWidth(rows.get(r), lines.get(r));
        Kind[] kinds = new Kind[n];
        for (int j = 0; j < n; j++) kinds[j] = kind(j);
        Column<?>[] cols = new Column<?>[n];
        for (int j = 0; j < n; j++) {
            cols[j] = switch (kinds[j]) {
                case DATE -> DateColumn.create(header[j]);
                case NUMBER -> DoubleColumn.create(header[j]);
                case TEXT -> StringColumn.create(header[j]);
            };
        }
        // Row by row, so the first bad cell reported is the first one in the file.
        for (int r = 0; r < rows.size(); r++) {
            String[] f = rows.get(r);
            for (int j = 0; j < n; j++) {
                String cell = f[j];
                boolean miss = missing.contains(cell);
                switch (kinds[j]) {
                    case DATE -> {
                        if (miss) ((DateColumn) cols[j]).appendMissing();
                        else ((DateColumn) cols[j]).append(parseDate(cell, lines.get(r), header[j]));
                    }
                    case NUMBER -> {
                        if (miss) ((DoubleColumn) cols[j]).appendMissing();
                        else ((DoubleColumn) cols[j]).append(parseNumber(cell, lines.get(r), header[j]));
                    }
                    case TEXT -> {
                        if (miss) ((StringColumn) cols[j]).appendMissing();
                        else ((StringColumn) cols[j]).append(cell);
                    }
                }
            }
        }
        return Table.create(file, cols);
    }

    private void checkHeader() {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < header.length; j++) {
            if (header[j].isEmpty())
                throw new CsvFormatException(
                        file, 1, null, "header field " + (j + 1) + " is empty (every column needs a name)");
            if (!seen.add(header[j]))
                throw new CsvFormatException(file, 1, header[j], "the name appears twice in the header");
        }
        for (Set<String> forced : List.of(dates, numbers, texts)) {
            for (String c : forced) {
                if (!seen.contains(c))
                    throw new CsvFormatException(
                            file, 0, c, "no such column (columns: " + String.join(", ", header) + ")");
            }
        }
    }

    private void checkWidth(String[] f, int line) {
        if (f.length < header.length) {
            throw new CsvFormatException(
                    file,
                    line,
                    header[f.length],
                    "missing: the line has " + f.length + " fields but the header has " + header.length + " columns");
        }
        if (f.length > header.length) {
            throw new CsvFormatException(
                    file,
                    line,
                    header[header.length - 1],
                    "extra value '" + f[header.length] + "' after this last column: the line has " + f.length
                            + " fields but the header has " + header.length + " columns");
        }
    }

    private Kind kind(int j) {
        String name = header[j];
        if (dates.contains(name)) return Kind.DATE;
        if (numbers.contains(name)) return Kind.NUMBER;
        if (texts.contains(name)) return Kind.TEXT;
        int present = 0, nums = 0, ds = 0;
        for (String[] f : rows) {
            if (missing.contains(f[j])) continue;
            present++;
            if (NUMBER.matcher(f[j]).matches()) nums++;
            else if (isDate(f[j])) ds++;
        }
        if (present == 0) return Kind.NUMBER; // an all-missing column: NaNs, which to-tensor code will report
        if (2 * ds > present) return Kind.DATE;
        return 2 * nums > present ? Kind.NUMBER : Kind.TEXT;
    }

    private boolean isDate(String s) {
        try {
            LocalDate.parse(s, dateFormat);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private double parseNumber(String cell, int line, String column) {
        if (!NUMBER.matcher(cell).matches())
            throw new CsvFormatException(file, line, column, "cannot parse '" + cell + "' as a number");
        return Double.parseDouble(cell);
    }

    private LocalDate parseDate(String cell, int line, String column) {
        try {
            return LocalDate.parse(cell, dateFormat);
        } catch (DateTimeParseException e) {
            throw new CsvFormatException(
                    file, line, column, "cannot parse '" + cell + "' as a date (expected " + datePattern + ")");
        }
    }
}
