package org.gradnote.data;

import java.time.LocalDate;
import java.util.List;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * An inclusive range of dates that selects a table's rows, for the labs' "train on one year, test on the next":
 * {@code Table train = DateRange.year(2014).filter(seattle);}.
 */
public final class DateRange {
    private final LocalDate from;
    private final LocalDate to;

    private DateRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) throw new IllegalArgumentException("date range: " + to + " is before " + from);
        this.from = from;
        this.to = to;
    }

    /** From {@code from} to {@code to}, both included. */
    public static DateRange of(LocalDate from, LocalDate to) {
        return new DateRange(from, to);
    }

    /** January 1st to December 31st of a year. */
    public static DateRange year(int year) {
        return new DateRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The first date of the range, included. */
    public LocalDate from() {
        return from;
    }

    /** The last date of the range, included. */
    public LocalDate to() {
        return to;
    }

    /** The rows whose date is in range, using the table's only date column. */
    public Table filter(Table table) {
        List<Column<?>> dateCols =
                table.columns().stream().filter(c -> c instanceof DateColumn).toList();
        if (dateCols.size() != 1) {
            throw new IllegalArgumentException(
                    table.name() + ": cannot choose the date column to filter on, there are " + dateCols.size() + " ("
                            + dateCols.stream().map(Column::name).toList() + "); use filter(table, column)");
        }
        return filter(table, dateCols.get(0).name());
    }

    /**
     * The rows whose date in {@code column} is in range (rows with a missing date are left out). An empty result is
     * an error that shows the dates the table does cover, since training on nothing is never what was meant.
     */
    public Table filter(Table table, String column) {
        Tables.require(table, column);
        if (!(table.column(column) instanceof DateColumn dates)) {
            throw new IllegalArgumentException(table.name() + ": column '" + column + "' holds "
                    + table.column(column).type() + ", not dates");
        }
        Table out = table.where(dates.isBetweenIncluding(from, to));
        if (out.rowCount() == 0) {
            throw new IllegalArgumentException(table.name() + ": no rows with column '" + column + "' in " + this
                    + (dates.countMissing() == dates.size()
                            ? ""
                            : " (the table covers " + dates.min() + " to " + dates.max() + ")"));
        }
        return out;
    }

    @Override
    public String toString() {
        return from + " to " + to;
    }
}
