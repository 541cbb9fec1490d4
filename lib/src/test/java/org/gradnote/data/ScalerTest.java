package org.gradnote.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ScalerTest {
    private static double[] temps(int year) {
        Table w = Datasets.weather();
        Table s = DateRange.year(year).filter(w.where(w.stringColumn("location").isEqualTo("Seattle")));
        return TableTensors.from(s).columns("temp_max").toSeries();
    }

    @Test
    void standardFittedOnTrainAppliedToTestAndInverted() {
        double[] train = temps(2014), test = temps(2015);
        Scaler s = Scaler.standard().fit(train);
        assertEquals(16.995890410958904, s.center()[0], 1e-9);
        assertEquals(7.25876019369934, s.scale()[0], 1e-9);
        double[] z = s.transform(train);
        double mean = 0, sq = 0;
        for (double v : z) mean += v / z.length;
        for (double v : z) sq += (v - mean) * (v - mean) / z.length;
        assertEquals(0, mean, 1e-12);
        assertEquals(1, sq, 1e-12);
        double[] zt = s.transform(test);
        assertEquals((test[0] - 16.995890410958904) / 7.25876019369934, zt[0], 1e-12, "test uses train statistics");
        assertArrayEquals(test, s.inverse(zt), 1e-9);
    }

    @Test
    void minMaxOnTensorsPerColumn() {
        Tensor x = Tensor.of(new double[][] {{1, 10}, {3, 30}, {2, 20}}).to(DType.FLOAT64);
        Scaler s = Scaler.minMax().fit(x);
        Tensor y = s.transform(x);
        assertArrayEquals(new double[] {0, 0, 1, 1, 0.5, 0.5}, y.toDoubleArray(), 1e-12);
        assertEquals(DType.FLOAT64, y.dtype());
        assertArrayEquals(x.toDoubleArray(), s.inverse(y).toDoubleArray(), 1e-12);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> s.transform(Tensor.zeros(4, 3)));
        assertEquals(
                "Scaler: fitted on 2 features, cannot transform a tensor of shape [4, 3] (its last dimension must be 2)",
                e.getMessage());
    }

    @Test
    void seriesScalerAppliesToAnyShapeAndConstantsGetScaleOne() {
        Scaler s = Scaler.minMax().fit(new double[] {0, 50});
        assertArrayEquals(
                new double[] {0.2, 0.4, 0.6, 1},
                s.transform(Tensor.of(new double[][] {{10, 20}, {30, 50}})).toDoubleArray(),
                1e-6);
        Scaler c = Scaler.standard().fit(new double[] {4, 4, 4});
        assertArrayEquals(new double[] {0, 1}, c.transform(new double[] {4, 5}), 0);
    }

    @Test
    void unfittedAndBadData() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> Scaler.standard().transform(new double[] {1}));
        assertTrue(e.getMessage().startsWith("Scaler.transform: not fitted yet"), e.getMessage());
        IllegalArgumentException b = assertThrows(
                IllegalArgumentException.class, () -> Scaler.standard().fit(new double[] {1, Double.NaN}));
        assertEquals(
                "Scaler.fit: feature 0 has the value NaN at row 1 (drop or impute missing values first)",
                b.getMessage());
        assertEquals("Scaler.standard() (not fitted)", Scaler.standard().toString());
    }
}
