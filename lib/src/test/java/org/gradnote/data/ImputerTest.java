package org.gradnote.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ImputerTest {
    private static final String MASS = "Body Mass (g)";

    @Test
    void meanMedianAndMostFrequentOnPenguins() {
        Table p = Datasets.penguins();
        Table mean = Imputer.mean().fit(p, MASS).transform(p);
        assertEquals(0, mean.column(MASS).countMissing());
        assertEquals(4201.754385964912, mean.doubleColumn(MASS).get(3), 1e-9);
        assertEquals(2, p.column(MASS).countMissing(), "the input table is left alone");
        Table median = Imputer.median().fit(p, MASS).transform(p);
        assertEquals(4050, median.doubleColumn(MASS).get(339));
        Imputer sex = Imputer.mostFrequent().fit(p, "Sex");
        assertEquals(Map.of("Sex", "MALE"), sex.values());
        assertEquals("MALE", sex.transform(p).stringColumn("Sex").get(3));
        // Fitted on every incomplete column, then the penguins become tensors without a gap.
        Table all = Imputer.mostFrequent().fit(p).transform(p);
        assertEquals(
                0,
                Missing.count(all).values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(
                344,
                TableTensors.from(OneHot.encode(all, "Species", "Island", "Sex"))
                        .toTensor()
                        .size(0));
    }

    @Test
    void fitOnTrainApplyToTest() {
        Table p = Datasets.penguins();
        Table train = p.first(200), test = p.dropRange(0, 200);
        Imputer imp = Imputer.mean().fit(train, MASS);
        double trainMean = Missing.drop(train, MASS).doubleColumn(MASS).mean();
        assertEquals(trainMean, imp.transform(test).doubleColumn(MASS).get(339 - 200), 1e-9);
    }

    @Test
    void dropAndErrors() {
        Table p = Datasets.penguins();
        assertEquals(333, Missing.drop(p).rowCount());
        assertEquals(342, Missing.drop(p, MASS).rowCount());
        assertEquals(11, Missing.count(p).get("Sex"));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Imputer.median().fit(p, "Sex"));
        assertEquals(
                "penguins.csv: column 'Sex' is STRING, not numeric; median needs numbers, use Imputer.mostFrequent()",
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> Imputer.mean().transform(p));
    }
}
