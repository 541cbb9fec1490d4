package org.gradnote.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import tech.tablesaw.api.Table;

/**
 * The real data sets shipped inside the library (see {@code org/gradnote/data/README.md} for sources and
 * licences), as fresh Tablesaw tables so that every lab runs offline.
 */
public final class Datasets {
    private static final String DIR = "/org/gradnote/data/";

    private Datasets() {}

    /**
     * Daily weather of Seattle and New York, 2012-01-01 to 2015-12-31 (NOAA): {@code location, date (LocalDate),
     * precipitation (mm), temp_max, temp_min (°C), wind (m/s), weather (text)}; 2,922 rows, nothing missing.
     */
    public static Table weather() {
        return read(Csv.options().dateColumn("date"), "weather.csv", false);
    }

    /**
     * Palmer penguins: {@code Species, Island, Beak Length (mm), Beak Depth (mm), Flipper Length (mm),
     * Body Mass (g), Sex}; 344 rows, some cells missing (NaN or empty text). One sex is recorded as "." in the
     * source data: it is read as missing too.
     */
    public static Table penguins() {
        return read(Csv.options().missing("", "NA", ".").text("Sex"), "penguins.csv", false);
    }

    /** The 8x8 handwritten digits (UCI): pixel columns {@code p0..p63} with values 0..16, then {@code label} 0..9; 1,797 rows. */
    public static Table digits() {
        String[] names = new String[65];
        for (int i = 0; i < 64; i++) names[i] = "p" + i;
        names[64] = "label";
        return read(Csv.options().columnNames(names), "digits.csv.gz", true);
    }

    private static Table read(Csv csv, String name, boolean gzip) {
        InputStream in = Datasets.class.getResourceAsStream(DIR + name);
        if (in == null)
            throw new IllegalStateException(
                    "data set " + name + " is missing from the class path (" + DIR + name + ")");
        try (InputStream s = gzip ? new GZIPInputStream(in) : in) {
            return csv.parse(s, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped data set " + name, e);
        }
    }
}
