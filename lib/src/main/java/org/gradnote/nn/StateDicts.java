package org.gradnote.nn;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;

/**
 * Writes and reads state dicts (parameters and buffers by name) as files, the format behind {@link Module#save} and
 * {@link Module#load}.
 *
 * <p>Format, version 1: the 8 ASCII bytes {@code GNSTATE1}; a big-endian int32 n; n bytes of UTF-8 JSON
 * {@code {"tensors": [{"name": ..., "dtype": "float32"|"float64"|"int64"|"int32"|"bool", "shape": [...]}, ...]}};
 * then each tensor's values in that order, row-major, little-endian (bool as one byte). No Java serialization:
 * any language can read it with a JSON parser and a byte buffer.
 */
public final class StateDicts {
    private static final byte[] MAGIC = "GNSTATE1".getBytes(StandardCharsets.US_ASCII);

    private StateDicts() {}

    /** Writes the tensors to a file (creating its directory); {@link #read} gives them back. */
    public static void save(Map<String, Tensor> state, Path file) throws IOException {
        JsonArray entries = new JsonArray();
        for (var e : state.entrySet()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", e.getKey());
            o.addProperty("dtype", e.getValue().dtype().toString());
            JsonArray shape = new JsonArray();
            for (long d : e.getValue().shape()) shape.add(d);
            o.add("shape", shape);
            entries.add(o);
        }
        JsonObject header = new JsonObject();
        header.add("tensors", entries);
        byte[] json = new Gson().toJson(header).getBytes(StandardCharsets.UTF_8);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw))) {
            out.write(MAGIC);
            out.writeInt(json.length);
            out.write(json);
            for (Tensor t : state.values()) out.write(encode(t));
        }
    }

    /** Reads a file written by {@link #save}; the tensors come back with their saved names, shapes and dtypes. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC))
                throw new IOException(file + " is not a gradnote state file (bad magic)");
            byte[] json = in.readNBytes(in.readInt());
            JsonArray entries = JsonParser.parseString(new String(json, StandardCharsets.UTF_8))
                    .getAsJsonObject()
                    .getAsJsonArray("tensors");
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (var el : entries) {
                JsonObject o = el.getAsJsonObject();
                DType type = dtype(o.get("dtype").getAsString());
                JsonArray sa = o.getAsJsonArray("shape");
                long[] shape = new long[sa.size()];
                long n = 1;
                for (int i = 0; i < shape.length; i++)
                    n *= (shape[i] = sa.get(i).getAsLong());
                byte[] bytes = in.readNBytes(Math.toIntExact(n * width(type)));
                if (bytes.length != n * width(type))
                    throw new IOException(
                            file + " is truncated in tensor '" + o.get("name").getAsString() + "'");
                out.put(o.get("name").getAsString(), decode(bytes, type, shape));
            }
            return out;
        }
    }

    private static byte[] encode(Tensor t) {
        int n = Math.toIntExact(t.numel());
        ByteBuffer b = ByteBuffer.allocate(n * width(t.dtype())).order(ByteOrder.LITTLE_ENDIAN);
        switch (t.dtype()) {
            case FLOAT32:
                for (float v : t.toFloatArray()) b.putFloat(v);
                break;
            case FLOAT64:
                for (double v : t.toDoubleArray()) b.putDouble(v);
                break;
            case INT64:
                for (long v : t.toLongArray()) b.putLong(v);
                break;
            case INT32:
                for (long v : t.toLongArray()) b.putInt((int) v);
                break;
            default:
                for (double v : t.toDoubleArray()) b.put((byte) (v != 0 ? 1 : 0));
        }
        return b.array();
    }

    private static Tensor decode(byte[] bytes, DType type, long[] shape) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int n = bytes.length / width(type);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            switch (type) {
                case FLOAT32:
                    v[i] = b.getFloat();
                    break;
                case FLOAT64:
                    v[i] = b.getDouble();
                    break;
                case INT64:
                    v[i] = b.getLong();
                    break;
                case INT32:
                    v[i] = b.getInt();
                    break;
                default:
                    v[i] = b.get();
            }
        }
        // float32 values survive the trip through double exactly; int64 values do up to 2^53, far above any counter.
        return Tensor.fromArray(type, v, shape);
    }

    private static int width(DType t) {
        switch (t) {
            case FLOAT64:
            case INT64:
                return 8;
            case FLOAT32:
            case INT32:
                return 4;
            default:
                return 1;
        }
    }

    private static DType dtype(String label) throws IOException {
        for (DType d : DType.values()) if (d.toString().equals(label)) return d;
        throw new IOException("unknown dtype '" + label + "' in state file");
    }
}
