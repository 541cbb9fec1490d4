package org.gradnote.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gradnote.Gradnote;
import org.gradnote.data.DataLoader;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Loss;
import org.gradnote.nn.StateDicts;
import org.gradnote.optim.SGD;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
    @TempDir
    Path dir;

    @Test
    void everyNEpochsAndBest() throws IOException {
        Linear model = TrainerTest.scalar(0);
        List<Double> weights = new ArrayList<>();
        Checkpoints ck = Checkpoints.to(dir.resolve("ckpt")).every(2).best();
        History h = Trainer.of(model)
                .loss(Loss.mse())
                .optimizer(new SGD(model.parameters(), 0.3))
                .epochs(9)
                .checkpoints(ck)
                .listener(new TrainingListener() {
                    @Override
                    public void onEpochEnd(int epoch, History history) {
                        weights.add(model.weight().item());
                    }
                })
                .fit(DataLoader.of(TrainerTest.line(2), 10), DataLoader.of(TrainerTest.line(1), 10));
        try (Stream<Path> files = Files.list(ck.directory())) {
            assertEquals(
                    List.of("best.gnsd", "epoch-0002.gnsd", "epoch-0004.gnsd", "epoch-0006.gnsd", "epoch-0008.gnsd"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(
                weights.get(3), StateDicts.read(ck.epochFile(4)).get("weight").item(), 0);
        int best = h.bestEpoch("dev_loss");
        assertEquals(
                weights.get(best - 1),
                StateDicts.read(ck.bestFile()).get("weight").item(),
                0);
        Linear restored = TrainerTest.scalar(5);
        restored.loadStateDict(StateDicts.read(ck.bestFile()));
        assertEquals(weights.get(best - 1), restored.weight().item(), 0);
    }

    @Test
    void stateDictFileRoundTrip() throws IOException {
        Gradnote.seed(1);
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("layer.weight", Tensor.randn(3, 4));
        state.put("layer.bias", Tensor.randn(DType.FLOAT64, 4));
        state.put("steps", Tensor.of(new long[] {7, 1L << 40}));
        Path file = dir.resolve("a/b/state.gnsd");
        StateDicts.save(state, file);
        Map<String, Tensor> back = StateDicts.read(file);
        assertEquals(List.copyOf(state.keySet()), List.copyOf(back.keySet()));
        for (String k : state.keySet()) {
            assertEquals(state.get(k).dtype(), back.get(k).dtype(), k);
            assertArrayEquals(state.get(k).shape(), back.get(k).shape(), k);
            assertArrayEquals(state.get(k).toDoubleArray(), back.get(k).toDoubleArray(), 0, k);
        }
    }

    @Test
    void notAStateDict() throws IOException {
        Path f = Files.writeString(dir.resolve("x.gnsd"), "hello");
        assertEquals(
                f + " is not a gradnote state file (bad magic)",
                assertThrows(IOException.class, () -> StateDicts.read(f)).getMessage());
    }
}
