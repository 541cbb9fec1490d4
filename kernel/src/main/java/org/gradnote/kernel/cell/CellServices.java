package org.gradnote.kernel.cell;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.gradnote.kernel.io.FenceTracker;
import org.gradnote.kernel.jshell.Evaluator;
import org.gradnote.magics.MagicContext;
import org.gradnote.magics.MagicRegistry;

/** What the cell stages need from the kernel: the evaluator, output and session state. */
public interface CellServices {
    Evaluator evaluator();

    FenceTracker fences();

    /** Kernel-side stdout of the running cell (magics print here). */
    PrintStream out();

    /** Publishes everything printed so far, so later output stays in order. */
    void flushOutput();

    void display(JsonObject mimeBundle);

    List<MagicContext.HistoryEntry> history();

    MagicRegistry registry();

    Path workingDirectory();
}
