package org.gradnote.grid;

import java.util.Arrays;

/** {@code gradnote grid ...}: exit 0 when every run finished, 1 when some failed or the grid could not run, 2 on bad usage. */
public final class GridMain {
    private GridMain() {}

    /** The launcher's entry point. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a grid from command-line arguments; returns the exit code. */
    public static int run(String[] args) {
        try {
            GridSpec spec = GridSpec.parse(Arrays.asList(args));
            Grid.Outcome o = new Grid(spec, System.err).run();
            System.out.printf(
                    "gradnote grid: %d runs, %d ok, %d failed%s -> %s%n",
                    o.total(),
                    o.ok(),
                    o.failed(),
                    o.skipped() > 0 ? " (" + o.skipped() + " finished earlier)" : "",
                    o.out().resolve("results.csv"));
            return o.failed() == 0 && o.ok() == o.total() ? 0 : 1;
        } catch (GridException e) {
            System.err.println("gradnote grid: " + e.getMessage());
            if (e.exitCode() == 2) System.err.println(GridSpec.USAGE);
            return e.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (Exception e) {
            System.err.println("gradnote grid: " + e);
            e.printStackTrace();
            return 1;
        }
    }
}
