package org.gradnote.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class DatasetsTest {
    @Test
    void weather() {
        Table w = Datasets.weather();
        assertEquals(2922, w.rowCount());
        assertEquals(
                List.of("location", "date", "precipitation", "temp_max", "temp_min", "wind", "weather"),
                w.columnNames());
        assertEquals(ColumnType.LOCAL_DATE, w.column("date").type());
        assertEquals(LocalDate.of(2012, 1, 1), w.dateColumn("date").get(0));
        assertEquals(12.8, w.doubleColumn("temp_max").get(0));
        assertEquals(
                0,
                Missing.count(w).values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void penguinsKeepTheirGaps() {
        Table p = Datasets.penguins();
        assertEquals(344, p.rowCount());
        assertEquals(ColumnType.DOUBLE, p.column("Body Mass (g)").type());
        assertEquals(ColumnType.STRING, p.column("Species").type());
        assertEquals(2, p.column("Beak Length (mm)").countMissing());
        assertEquals(11, p.column("Sex").countMissing(), "10 empty cells and one '.'");
        assertEquals(List.of("FEMALE", "MALE"), TableTensors.classes(p, "Sex"));
    }

    @Test
    void digits() {
        Table d = Datasets.digits();
        assertEquals(1797, d.rowCount());
        assertEquals(65, d.columnCount());
        assertEquals("p0", d.columnNames().get(0));
        assertEquals("label", d.columnNames().get(64));
        assertEquals(0.0, d.doubleColumn("label").get(0));
        assertEquals(13.0, d.doubleColumn("p3").get(0));
        assertEquals(16.0, d.doubleColumn("p3").max());
    }
}
