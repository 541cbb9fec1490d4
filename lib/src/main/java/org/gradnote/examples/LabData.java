package org.gradnote.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.gradnote.tensor.Tensor;

/**
 * The shipped data sets read exactly as the PyTorch benchmark twins read them ({@code tests/bench/pytorch/common.py}),
 * so a Java lab and its Python twin see the same numbers.
 */
public final class LabData {
    private LabData() {}

    /** One column of one city's daily weather for one year, in date order (e.g. Seattle temp_max 2014). */
    public static double[] meteoYear(int year, String city, String column) {
        List<Double> out = new ArrayList<>();
        try (BufferedReader r = open("weather.csv")) {
            String[] header = r.readLine().split(",");
            int col = indexOf(header, column);
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", -1);
                if (f[0].equals(city) && f[1].startsWith(Integer.toString(year))) out.add(Double.parseDouble(f[col]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("weather.csv has no rows for " + city + " in " + year);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The 8x8 digits: images [1797, 1, 8, 8] scaled to [0, 1] (pixel / 16) and int64 labels [1797]. */
    public static Tensor[] digits() {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(resource("digits.csv.gz")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                double[] v = new double[65];
                for (int i = 0; i < 65; i++) v[i] = Double.parseDouble(f[i]);
                rows.add(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] pixels = new double[rows.size() * 64];
        long[] labels = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < 64; k++) pixels[i * 64 + k] = rows.get(i)[k] / 16.0;
            labels[i] = (long) rows.get(i)[64];
        }
        return new Tensor[] {Tensor.fromArray(pixels, rows.size(), 1, 8, 8), Tensor.of(labels)};
    }

    private static int indexOf(String[] header, String column) {
        for (int i = 0; i < header.length; i++) if (header[i].equals(column)) return i;
        throw new IllegalArgumentException(
                "weather.csv has no column '" + column + "' (columns: " + String.join(", ", header) + ")");
    }

    private static BufferedReader open(String name) {
        return new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8));
    }

    private static InputStream resource(String name) {
        InputStream in = LabData.class.getResourceAsStream("/org/gradnote/data/" + name);
        if (in == null) throw new IllegalStateException("data set " + name + " is missing from the class path");
        return in;
    }
}
