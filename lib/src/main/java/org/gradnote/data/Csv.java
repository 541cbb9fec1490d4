package org.gradnote.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Reads CSV files of records (e.g. daily meteo data) into Tablesaw tables, checking every cell so that a bad file
 * fails with its name, line and column. Column types are dates, numbers or text: forced by name, or inferred
 * (a column is numeric when most of its non-missing cells are numbers; the others are then errors, not text).
 *
 * <pre>{@code
 * Table t = Csv.read(Path.of("weather.csv"));                     // infer every column
 * Table m = Csv.meteo(Path.of("my-station.csv"));                 // a 'date' column is required
 * Table u = Csv.options().dateColumn("day").dateFormat("dd/MM/yyyy").missing("", "NA", "-").parse(path);
 * }</pre>
 * Missing cells (empty, NA, NaN, null, ? by default) stay missing: NaN in numeric columns, missing dates and
 * empty strings in Tablesaw's sense.
 */
public final class Csv {
    private final Set<String> dateColumns = new LinkedHashSet<>();
    private final Set<String> numericColumns = new LinkedHashSet<>();
    private final Set<String> textColumns = new LinkedHashSet<>();
    private Set<String> missing = new LinkedHashSet<>(List.of("", "NA", "N/A", "NaN", "nan", "null", "?"));
    private String datePattern = "yyyy-MM-dd";
    private char separator = ',';
    private String[] names;

    private Csv() {}

    /** A reader to configure. */
    public static Csv options() {
        return new Csv();
    }

    /** Reads a file with inferred column types. */
    public static Table read(Path file) {
        return options().parse(file);
    }

    /** Reads daily records: the column {@code date} must exist and hold yyyy-MM-dd dates; the rest is inferred. */
    public static Table meteo(Path file) {
        return options().dateColumn("date").parse(file);
    }

    /** Columns parsed as dates (an error if absent from the header). */
    public Csv dateColumn(String... columns) {
        dateColumns.addAll(Arrays.asList(columns));
        return this;
    }

    /** Columns parsed as numbers even if most cells are not numbers (so each bad cell is reported). */
    public Csv numeric(String... columns) {
        numericColumns.addAll(Arrays.asList(columns));
        return this;
    }

    /** Columns kept as text even if they look numeric (e.g. station codes). */
    public Csv text(String... columns) {
        textColumns.addAll(Arrays.asList(columns));
        return this;
    }

    /** The date pattern of {@link DateTimeFormatter}, yyyy-MM-dd by default. */
    public Csv dateFormat(String pattern) {
        var unused = DateTimeFormatter.ofPattern(pattern); // fail now on a bad pattern, not at the first row
        this.datePattern = pattern;
        return this;
    }

    /** The cell values meaning "missing" (compared after trimming spaces), replacing the defaults. */
    public Csv missing(String... tokens) {
        this.missing = new LinkedHashSet<>(Arrays.asList(tokens));
        return this;
    }

    /** The field separator, ',' by default. */
    public Csv separator(char c) {
        this.separator = c;
        return this;
    }

    /** Column names for a file without a header line (its first line is then data). */
    public Csv columnNames(String... names) {
        this.names = names.clone();
        return this;
    }

    /** Reads a file; the table is named after the file. */
    public Table parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a stream (UTF-8); {@code name} is used in error messages and as the table name. */
    public Table parse(InputStream in, String name) {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String[] header = names;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int lineNo = 0;
            while ((text = r.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && text.startsWith("\uFEFF")) text = text.substring(1); // UTF-8 byte order mark
                if (text.isBlank()) continue;
                String[] fields = CsvLines.split(text, separator, name, lineNo);
                if (header == null) {
                    header = fields;
                    continue;
                }
                rows.add(fields);
                lines.add(lineNo);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
        if (header == null) throw new CsvFormatException(name, 0, null, "the file is empty (expected a header line)");
        return new CsvTable(
                        name,
                        header,
                        rows,
                        lines,
                        dateColumns,
                        numericColumns,
                        textColumns,
                        missing,
                        // STRICT resolving (in CsvTable) needs the proleptic year 'u' instead of the year-of-era 'y'.
                        DateTimeFormatter.ofPattern(datePattern.replace('y', 'u')),
                        datePattern)
                .build();
    }
}
