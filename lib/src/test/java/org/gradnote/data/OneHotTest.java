package org.gradnote.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class OneHotTest {
    @Test
    void penguinsSpeciesAndIsland() {
        Table p = Datasets.penguins();
        OneHot enc = OneHot.fit(p, "Species", "Island");
        assertEquals(List.of("Adelie", "Chinstrap", "Gentoo"), enc.categories("Species"));
        Table t = enc.transform(p);
        assertEquals(
                List.of(
                        "Species=Adelie",
                        "Species=Chinstrap",
                        "Species=Gentoo",
                        "Island=Biscoe",
                        "Island=Dream",
                        "Island=Torgersen",
                        "Beak Length (mm)",
                        "Beak Depth (mm)",
                        "Flipper Length (mm)",
                        "Body Mass (g)",
                        "Sex"),
                t.columnNames());
        Tensor x = TableTensors.from(t)
                .columns("Species=Adelie", "Species=Chinstrap", "Species=Gentoo", "Island=Torgersen")
                .toTensor();
        assertArrayEquals(new double[] {1, 0, 0, 1}, x.select(0, 0).toDoubleArray(), 0);
        assertArrayEquals(new double[] {0, 0, 1, 0}, x.select(0, 343).toDoubleArray(), 0);
        assertEquals(344, x.slice(1, 0, 3).sum().item(), 1e-9, "exactly one species per row");
        assertEquals(152, x.select(1, 0).sum().item(), 1e-9);
    }

    @Test
    void unseenAndMissingValuesNameTheColumn() {
        Table train = Table.create("train", StringColumn.create("city", "Nancy", "Metz"));
        Table test = Table.create("test", StringColumn.create("city", "Metz", "Paris"));
        OneHot enc = OneHot.fit(train, "city");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> enc.transform(test));
        assertEquals(
                "test: column 'city' row 1 has the value 'Paris', not seen when fitting (known: Metz, Nancy)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OneHot.encode(Datasets.penguins(), "Sex"));
        assertEquals(
                "penguins.csv: column 'Sex' row 3 is missing; fill it first (e.g. Imputer.mostFrequent()) or drop the row (Missing.drop)",
                e.getMessage());
    }
}
