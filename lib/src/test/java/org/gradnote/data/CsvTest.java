package org.gradnote.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class CsvTest {
    @TempDir
    Path dir;

    /** A meteo file of {@code rows} good days, with one line replaced (1-based file line; the header is line 1). */
    private Path meteo(String name, int rows, int badLine, String badText) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("location,date,precipitation,temp_max,temp_min,wind,weather");
        for (int i = 0; i < rows; i++) {
            lines.add("Nancy," + LocalDate.of(2020, 1, 1).plusDays(i) + "," + (i % 3) + ".0," + (5 + i) + ".5," + i
                    + ",2.1,rain");
        }
        if (badLine > 0) lines.set(badLine - 1, badText);
        return Files.write(dir.resolve(name), lines);
    }

    @Test
    void readsTypesAndKeepsMissingValues() throws IOException {
        Path f = meteo("ok.csv", 20, 4, "Nancy,2020-01-03,,7.5,NA,2.1,");
        Table t = Csv.meteo(f);
        assertEquals(20, t.rowCount());
        assertEquals("ok.csv", t.name());
        assertEquals(ColumnType.LOCAL_DATE, t.column("date").type());
        assertEquals(ColumnType.DOUBLE, t.column("temp_max").type());
        assertEquals(ColumnType.STRING, t.column("weather").type());
        assertEquals(LocalDate.of(2020, 1, 20), t.dateColumn("date").get(19));
        assertEquals(1, t.column("precipitation").countMissing());
        assertEquals(1, t.column("temp_min").countMissing());
        assertEquals(1, t.column("weather").countMissing());
        assertTrue(t.doubleColumn("temp_min").isMissing(2));
        assertTrue(Double.isNaN(t.doubleColumn("temp_min").getDouble(2)), "missing numbers read as NaN");
        assertEquals(24.5, t.doubleColumn("temp_max").get(19));
    }

    @Test
    void badNumberNamesFileLineAndColumn() throws IOException {
        Path f = meteo("weather.csv", 30, 17, "Nancy,2020-01-16,0.0,abc,3,2.1,sun");
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> Csv.meteo(f));
        assertEquals("weather.csv line 17, column 'temp_max': cannot parse 'abc' as a number", e.getMessage());
        assertEquals(17, e.line());
        assertEquals("temp_max", e.column());
        // Java's own parser accepts these; a CSV of measurements should not.
        Path g = meteo("suffix.csv", 30, 5, "Nancy,2020-01-04,0.0,12f,3,2.1,sun");
        assertEquals(
                "suffix.csv line 5, column 'temp_max': cannot parse '12f' as a number",
                assertThrows(CsvFormatException.class, () -> Csv.read(g)).getMessage());
    }

    @Test
    void badDateNamesFileLineAndColumn() throws IOException {
        Path f = meteo("dates.csv", 10, 3, "Nancy,2020-02-30,0.0,4,3,2.1,sun");
        assertEquals(
                "dates.csv line 3, column 'date': cannot parse '2020-02-30' as a date (expected yyyy-MM-dd)",
                assertThrows(CsvFormatException.class, () -> Csv.meteo(f)).getMessage());
        Path g = meteo("format.csv", 10, 0, null);
        CsvFormatException e = assertThrows(
                CsvFormatException.class,
                () -> Csv.options().dateColumn("date").dateFormat("dd/MM/yyyy").parse(g));
        assertEquals(
                "format.csv line 2, column 'date': cannot parse '2020-01-01' as a date (expected dd/MM/yyyy)",
                e.getMessage());
    }

    @Test
    void otherDateFormatsAndSeparators() throws IOException {
        Path f = Files.writeString(
                dir.resolve("fr.csv"), "jour;tmax\n01/02/2020;3,5\n02/02/2020;\n".replace("3,5", "3.5"));
        Table t = Csv.options()
                .separator(';')
                .dateColumn("jour")
                .dateFormat("dd/MM/yyyy")
                .parse(f);
        assertEquals(LocalDate.of(2020, 2, 1), t.dateColumn("jour").get(0));
        assertEquals(3.5, t.doubleColumn("tmax").get(0));
        assertEquals(1, t.column("tmax").countMissing());
    }

    @Test
    void wrongColumnCountNamesTheColumn() throws IOException {
        Path f = meteo("short.csv", 10, 6, "Nancy,2020-01-05,0.0,4,3,2.1");
        assertEquals(
                "short.csv line 6, column 'weather': missing: the line has 6 fields but the header has 7 columns",
                assertThrows(CsvFormatException.class, () -> Csv.meteo(f)).getMessage());
        Path g = meteo("long.csv", 10, 9, "Nancy,2020-01-08,0.0,4,3,2.1,sun,oops");
        assertEquals(
                "long.csv line 9, column 'weather': extra value 'oops' after this last column: the line has 8 fields but the header has 7 columns",
                assertThrows(CsvFormatException.class, () -> Csv.meteo(g)).getMessage());
    }

    @Test
    void quotedFieldsAndHeaderProblems() throws IOException {
        Path q = Files.writeString(dir.resolve("q.csv"), "name,value\n\"Smith, J.\",1\n\"say \"\"hi\"\"\",2\n");
        Table t = Csv.read(q);
        assertEquals("Smith, J.", t.stringColumn("name").get(0));
        assertEquals("say \"hi\"", t.stringColumn("name").get(1));
        Path dup = Files.writeString(dir.resolve("dup.csv"), "a,b,a\n1,2,3\n");
        assertEquals(
                "dup.csv line 1, column 'a': the name appears twice in the header",
                assertThrows(CsvFormatException.class, () -> Csv.read(dup)).getMessage());
        Path noDate = Files.writeString(dir.resolve("nodate.csv"), "day,t\n2020-01-01,1\n");
        assertEquals(
                "nodate.csv, column 'date': no such column (columns: day, t)",
                assertThrows(CsvFormatException.class, () -> Csv.meteo(noDate)).getMessage());
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertEquals(
                "empty.csv: the file is empty (expected a header line)",
                assertThrows(CsvFormatException.class, () -> Csv.read(empty)).getMessage());
        Path open = Files.writeString(dir.resolve("open.csv"), "a,b\n\"x,1\n");
        assertEquals(
                "open.csv line 2: unterminated double quote",
                assertThrows(CsvFormatException.class, () -> Csv.read(open)).getMessage());
    }

    @Test
    void forcedNumericColumnReportsEveryBadCell() throws IOException {
        // Mostly text: inference would keep it as text, numeric() makes the first non-number an error.
        Path f = Files.writeString(dir.resolve("codes.csv"), "station,code\nA,x1\nB,x2\n");
        assertEquals(ColumnType.STRING, Csv.read(f).column("code").type());
        assertEquals(
                "codes.csv line 2, column 'code': cannot parse 'x1' as a number",
                assertThrows(
                                CsvFormatException.class,
                                () -> Csv.options().numeric("code").parse(f))
                        .getMessage());
        Path g = Files.writeString(dir.resolve("zip.csv"), "zip,t\n54000,1\n");
        assertEquals(
                ColumnType.STRING,
                Csv.options().text("zip").parse(g).column("zip").type());
    }
}
