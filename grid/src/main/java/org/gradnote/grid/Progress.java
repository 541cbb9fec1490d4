package org.gradnote.grid;

import java.io.PrintStream;
import java.util.Locale;

/** The live progress line: done, failed, running and left, with the elapsed time and an estimate of the rest. */
final class Progress {
    private final PrintStream log;
    private final int total, already;
    private final boolean terminal = System.console() != null;
    private String last = "";
    private long lastPrinted;

    Progress(PrintStream log, int total, int already) {
        this.log = log;
        this.total = total;
        this.already = already;
    }

    void update(int ok, int failed, int running, int unfinished, long elapsedMillis) {
        int finished = ok + failed;
        int left = Math.max(0, unfinished - running);
        String eta = finished == 0 ? "?" : Durations.format(elapsedMillis * unfinished / finished);
        String counts = String.format(
                Locale.ROOT,
                "grid: %d/%d done, %d failed, %d running, %d left",
                already + ok + failed,
                total,
                failed,
                running,
                left);
        String line = counts + ", " + Durations.format(elapsedMillis) + " elapsed, ETA " + eta;
        // On a terminal the line redraws in place; in a log it prints when the counts change, at most every 10 s else.
        if (terminal) {
            log.print("\r" + line + "   ");
            log.flush();
        } else if (!counts.equals(last) || elapsedMillis - lastPrinted > 10_000) {
            log.println(line);
            lastPrinted = elapsedMillis;
        }
        last = counts;
    }

    void failure(RunSpec r, RunResult result) {
        if (terminal) log.println();
        log.println("grid: run " + r.id() + " (" + String.join(" ", r.arguments(false)) + ") " + result.status() + ": "
                + result.error());
    }

    void end() {
        if (terminal) log.println();
    }
}
