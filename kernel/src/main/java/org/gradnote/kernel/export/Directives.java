package org.gradnote.kernel.export;

import java.util.Optional;

/**
 * The {@code //| ...} directives of one cell.
 *
 * @param export {@code //| export}: when any cell says it, only such cells are exported
 * @param className {@code //| class com.x.Name}
 * @param absTolerance {@code //| tolerance abs=...} (NaN: the replay default)
 * @param raises {@code //| raises Type}: the cell is expected to throw
 * @param timeoutMillis {@code //| timeout 30s} (0: the replay default)
 */
public record Directives(
        boolean export,
        boolean skip,
        Optional<String> className,
        boolean parameters,
        double absTolerance,
        double relTolerance,
        Optional<String> raises,
        long timeoutMillis) {

    public static final Directives NONE =
            new Directives(false, false, Optional.empty(), false, Double.NaN, Double.NaN, Optional.empty(), 0);

    /** True for a directive line, which the exporter removes from the Java it writes. */
    public static boolean isDirective(String line) {
        return line.stripLeading().startsWith("//|");
    }
}
