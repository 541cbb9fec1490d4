package org.gradnote;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;

/** Reads the PyTorch parity fixtures made by lib/src/test/python/make_fixtures.py. */
public final class Fixtures {
    private Fixtures() {}

    public static JsonObject load(String name) {
        var in = Fixtures.class.getResourceAsStream("/fixtures/" + name);
        if (in == null) throw new IllegalStateException("missing fixture " + name);
        return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    public static double[] doubles(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).getAsDouble();
        return out;
    }

    public static long[] longs(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).getAsLong();
        return out;
    }

    public static Tensor tensor(JsonElement values, JsonElement shape) {
        return Tensor.fromArray(DType.FLOAT64, doubles(values), longs(shape));
    }

    /** Asserts element-wise agreement to a relative tolerance (with an absolute floor for values near zero). */
    public static void assertClose(String what, double[] expected, double[] actual, double rel) {
        if (expected.length != actual.length)
            throw new AssertionError(what + ": " + expected.length + " expected values, got " + actual.length);
        for (int i = 0; i < expected.length; i++) {
            double tol = rel * Math.max(Math.abs(expected[i]), 1e-3);
            if (!(Math.abs(expected[i] - actual[i]) <= tol)) {
                throw new AssertionError(
                        what + "[" + i + "]: expected " + expected[i] + " (PyTorch), got " + actual[i]);
            }
        }
    }
}
