package org.gradnote.kernel.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cuts an exported file into its cells' regions: the lines after each {@code // %% ... #id} marker. */
final class ExportedRegions {
    private static final Pattern MARKER = Pattern.compile(" {4}// %% \\S+ #(\\S+)");
    private static final String END = "    /** The cells in notebook order";

    private ExportedRegions() {}

    /** Cell id to region text, in file order. */
    static Map<String, String> of(String exported) {
        Map<String, String> out = new LinkedHashMap<>();
        String id = null;
        StringBuilder region = new StringBuilder();
        for (String line : exported.split("\n", -1)) {
            Matcher m = MARKER.matcher(line);
            if (m.matches() || line.startsWith(END)) {
                if (id != null) out.put(id, region.toString().strip());
                id = m.matches() ? m.group(1) : null;
                region.setLength(0);
                if (id == null) break;
            } else if (id != null) {
                region.append(line).append('\n');
            }
        }
        return out;
    }
}
