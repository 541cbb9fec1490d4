package org.gradnote.examples;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import org.gradnote.Fixtures;
import org.junit.jupiter.api.Test;

/** The seeds' MLP lab reaches PyTorch's dev accuracy on the same protocol (fixture from mlp_toy.py). */
class MlpLabTest {
    @Test
    void reachesPyTorchDevAccuracy() {
        JsonObject ref = Fixtures.load("mlp_toy.json");
        int epochs = ref.get("epochs").getAsInt();
        MlpLab.Curves c = MlpLab.run(epochs, 0.01, 1000, 0);
        assertEquals(epochs, c.trainLoss().size());
        assertTrue(
                c.trainLoss().get(epochs - 1) < c.trainLoss().get(0) / 20,
                "train loss must fall: " + c.trainLoss().get(0) + " -> "
                        + c.trainLoss().get(epochs - 1));
        assertEquals(
                ref.get("dev_acc").getAsDouble(),
                c.finalDev().value(),
                0.01,
                "dev accuracy vs PyTorch's " + ref.get("dev_acc"));
    }

    @Test
    void sameSeedSameCurves() {
        assertEquals(
                MlpLab.run(5, 0.01, 200, 7).trainLoss(),
                MlpLab.run(5, 0.01, 200, 7).trainLoss());
    }

    @Test
    void textCurvesShowBothSeries() {
        String plot = TextCurves.plot("t", java.util.List.of(3.0, 2.0, 1.0), java.util.List.of(0.1, 0.5, 0.9), 20, 5);
        assertTrue(plot.contains("*") && plot.contains("o"), plot);
        assertTrue(TextCurves.table(java.util.List.of(3.0, 2.0), java.util.List.of(0.1, 0.5), 1)
                .contains("2.00000"));
    }
}
