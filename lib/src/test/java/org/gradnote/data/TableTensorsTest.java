package org.gradnote.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TableTensorsTest {
    private static Table seattle() {
        Table w = Datasets.weather();
        return w.where(w.stringColumn("location").isEqualTo("Seattle"));
    }

    @Test
    void seattleTrainOnOneYearTestOnTheNext() {
        Table train = DateRange.year(2014).filter(seattle());
        Table test = DateRange.year(2015).filter(seattle());
        assertEquals(365, train.rowCount());
        assertEquals(365, test.rowCount());
        assertEquals(LocalDate.of(2014, 1, 1), train.dateColumn("date").get(0));
        assertEquals(LocalDate.of(2015, 12, 31), test.dateColumn("date").get(364));
        Tensor x = TableTensors.from(train).columns("temp_max", "temp_min").toTensor();
        assertArrayEquals(new long[] {365, 2}, x.shape());
        assertEquals(7.2, x.get(0, 0), 1e-6);
        assertEquals(3.3, x.get(0, 1), 1e-6);
        double[] s = TableTensors.from(test).columns("temp_max").toSeries();
        assertEquals(5.6, s[0], 1e-12);
    }

    @Test
    void dateRangeErrors() {
        Table s = seattle();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> DateRange.year(2019).filter(s));
        assertEquals(
                "weather.csv: no rows with column 'date' in 2019-01-01 to 2019-12-31 (the table covers 2012-01-01 to 2015-12-31)",
                e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> DateRange.year(2014).filter(s, "temp_max"));
        assertEquals("weather.csv: column 'temp_max' holds DOUBLE, not dates", e.getMessage());
        assertEquals(
                31,
                DateRange.of(LocalDate.of(2014, 3, 1), LocalDate.of(2014, 3, 31))
                        .filter(s)
                        .rowCount());
    }

    @Test
    void errorsNameTheColumn() {
        Table p = Datasets.penguins();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> TableTensors.from(p).columns("Beak Length (mm)").toTensor());
        assertEquals(
                "penguins.csv: column 'Beak Length (mm)' has 2 missing values (rows 3, 339); drop them (Missing.drop) or fill them (Imputer) first",
                e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> TableTensors.from(p).columns("Species").toTensor());
        assertEquals(
                "penguins.csv: column 'Species' is STRING, not numeric; one-hot encode it (OneHot) or use toLabels()",
                e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> TableTensors.from(p).columns("beak"));
        assertEquals(
                "penguins.csv: no column 'beak' (columns: Species, Island, Beak Length (mm), Beak Depth (mm), Flipper Length (mm), Body Mass (g), Sex)",
                e.getMessage());
    }

    @Test
    void datasetsFromTables() {
        Table p = Missing.drop(
                Datasets.penguins(), "Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)");
        assertEquals(342, p.rowCount());
        TensorDataset cls = TableTensors.from(p)
                .columns("Beak Length (mm)", "Flipper Length (mm)", "Species")
                .toClassification("Species");
        assertArrayEquals(new long[] {342, 2}, cls.tensor(0).shape());
        assertEquals(0, cls.tensor(1).get(0), "Adelie is the first class");
        assertEquals(2, cls.tensor(1).get(341), "the last penguin is a Gentoo");
        TensorDataset reg = TableTensors.from(p)
                .columns("Beak Length (mm)", "Body Mass (g)")
                .toDataset("Body Mass (g)");
        assertArrayEquals(new long[] {342, 1}, reg.tensor(0).shape());
        assertArrayEquals(new long[] {342, 1}, reg.tensor(1).shape());
        assertEquals(3750, reg.tensor(1).get(0, 0), 1e-9);

        Table d = Datasets.digits();
        TensorDataset digits = TableTensors.from(d).toClassification("label");
        assertArrayEquals(new long[] {1797, 64}, digits.tensor(0).shape());
        assertArrayEquals(new long[] {1797}, digits.tensor(1).shape());
        assertArrayEquals(
                new long[] {1797, 63},
                TableTensors.from(d).except("label", "p0").toTensor().shape());
    }
}
