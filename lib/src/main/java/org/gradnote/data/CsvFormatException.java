package org.gradnote.data;

/**
 * A CSV file that cannot be read as a table, with where it went wrong: the message always starts with the file
 * name and, when known, the line (counted from 1, header included) and the column, e.g.
 * {@code weather.csv line 17, column 'temp_max': cannot parse 'abc' as a number}.
 */
public final class CsvFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String column;

    CsvFormatException(String file, int line, String column, String problem) {
        super(file + (line > 0 ? " line " + line : "") + (column != null ? ", column '" + column + "'" : "") + ": "
                + problem);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The file name as given to the reader (for resources, the resource name). */
    public String file() {
        return file;
    }

    /** The 1-based line in the file (the header is line 1), or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }

    /** The column's header name, or null when the problem is not in one column. */
    public String column() {
        return column;
    }
}
