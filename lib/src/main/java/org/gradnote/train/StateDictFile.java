package org.gradnote.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gradnote.nn.Module;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;

/**
 * Saves and loads a model's {@code stateDict()} (Module has no file format of its own yet), in a small binary
 * format read by {@link #load}. Java's {@link DataOutputStream} encoding, big-endian:
 * <pre>
 * "GNSD" (4 ASCII bytes), int version (1), int entry count, then per entry in stateDict order:
 *   UTF name, UTF dtype ("float32", "float64", "int64", "int32", "bool"), int rank, long[rank] shape,
 *   numel values in row-major order: float for float32, double for float64, long for the other types.
 * </pre>
 * Restore with {@code model.loadStateDict(StateDictFile.load(path))}.
 */
public final class StateDictFile {
    private static final byte[] MAGIC = {'G', 'N', 'S', 'D'};

    private StateDictFile() {}

    public static Path save(Module model, Path file) {
        return save(model.stateDict(), file);
    }

    /** Writes the tensors, creating parent directories; returns {@code file}. */
    public static Path save(Map<String, Tensor> state, Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                out.write(MAGIC);
                out.writeInt(1);
                out.writeInt(state.size());
                for (var e : state.entrySet()) {
                    Tensor t = e.getValue();
                    out.writeUTF(e.getKey());
                    out.writeUTF(t.dtype().toString());
                    long[] shape = t.shape();
                    out.writeInt(shape.length);
                    for (long s : shape) out.writeLong(s);
                    switch (t.dtype()) {
                        case FLOAT32 -> { for (float v : t.toFloatArray()) out.writeFloat(v); }
                        case FLOAT64 -> { for (double v : t.toDoubleArray()) out.writeDouble(v); }
                        default -> { for (double v : t.toDoubleArray()) out.writeLong((long) v); }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save state dict to " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** Reads a file written by {@link #save}; the map keeps the saved order. */
    public static Map<String, Tensor> load(Path file) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] magic = in.readNBytes(4);
            if (!Arrays.equals(magic, MAGIC)) throw new IllegalArgumentException(file + " is not a gradnote state dict (bad magic bytes)");
            int version = in.readInt();
            if (version != 1) throw new IllegalArgumentException(file + ": state dict format version " + version + " is not supported (expected 1)");
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                DType type = dtype(in.readUTF(), file);
                long[] shape = new long[in.readInt()];
                long numel = 1;
                for (int d = 0; d < shape.length; d++) numel *= shape[d] = in.readLong();
                double[] values = new double[Math.toIntExact(numel)];
                for (int k = 0; k < values.length; k++) {
                    values[k] = switch (type) {
                        case FLOAT32 -> in.readFloat();
                        case FLOAT64 -> in.readDouble();
                        default -> in.readLong();
                    };
                }
                out.put(name, Tensor.fromArray(type, values, shape));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load state dict from " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static DType dtype(String label, Path file) {
        for (DType d : DType.values()) if (d.toString().equals(label)) return d;
        throw new IllegalArgumentException(file + ": unknown dtype '" + label + "'");
    }
}
