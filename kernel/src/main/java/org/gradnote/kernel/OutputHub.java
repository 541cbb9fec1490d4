package org.gradnote.kernel;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.gradnote.kernel.io.FenceTracker;
import org.gradnote.kernel.io.Markers;
import org.gradnote.kernel.io.OutputListener;
import org.gradnote.kernel.io.StdinBridge;
import org.gradnote.kernel.io.StreamRouter;

/** Routes evaluator output to IOPub: text as streams (batched every 50 ms), markers as displays/results/prompts. */
final class OutputHub implements OutputListener {
    private final Publisher publisher;
    private final StdinBridge stdin;
    private final FenceTracker fences = new FenceTracker();
    private final Object routingLock = new Object();
    private final StreamRouter stdout = new StreamRouter("stdout", this, routingLock);
    private final StreamRouter stderr = new StreamRouter("stderr", this, routingLock);
    private final PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gradnote-output-flusher");
        t.setDaemon(true);
        return t;
    });
    /** Text printed while no cell runs (a background thread), kept for the next cell; null while a cell runs. */
    private java.util.List<String[]> betweenCells; // guarded by this

    private final java.util.concurrent.ScheduledFuture<?> flushing;
    private static final System.Logger LOG = System.getLogger(OutputHub.class.getName());

    private volatile BiConsumer<JsonObject, JsonObject> resultSink = (data, metadata) -> {};

    OutputHub(Publisher publisher, StdinBridge stdin) {
        this.publisher = publisher;
        this.stdin = stdin;
        // Kept, so close() cancels it; the task itself never throws (a periodic task that throws is never run again).
        flushing = flusher.scheduleWithFixedDelay(this::flushCompleteLines, 50, 50, TimeUnit.MILLISECONDS);
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    FenceTracker fences() {
        return fences;
    }

    /** Where {@code execute_result} bundles (data, metadata) of the running cell go. */
    void onResult(BiConsumer<JsonObject, JsonObject> sink) {
        this.resultSink = sink;
    }

    /** The timer's flush: whole lines only, so a line arriving in pieces is published as one (see StreamRouter). */
    private void flushCompleteLines() {
        try {
            out.flush();
            err.flush();
            stdout.flushCompleteLines();
            stderr.flushCompleteLines();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "output flush failed; retrying at the next tick", e);
        }
    }

    void flush() {
        out.flush();
        err.flush();
        stdout.flushText();
        stderr.flushText();
    }

    @Override
    public void text(String stream, String text) {
        synchronized (this) {
            if (betweenCells != null) {
                betweenCells.add(new String[] {stream, text});
                return;
            }
        }
        publisher.stream(stream, text);
    }

    /**
     * A cell's output is complete: text arriving from now on (a thread the cell started, printing later) is kept for
     * the next cell. Published under the finished cell's request, it would reach no one: nbclient (so nbconvert and
     * the demo) and JupyterLab stop listening to a request once it is idle.
     */
    void cellEnded() {
        synchronized (this) {
            if (betweenCells == null) betweenCells = new java.util.ArrayList<>();
        }
    }

    /** A cell starts (its request is the publisher's parent): first publishes what was printed between cells. */
    void cellStarting() {
        java.util.List<String[]> held;
        synchronized (this) {
            held = betweenCells;
            betweenCells = null;
        }
        if (held == null) return;
        for (String[] t : held) publisher.stream(t[0], t[1]);
    }

    @Override
    public void marker(String stream, String tag, JsonObject payload) {
        // Text printed before the marker must be published before it.
        (stream.equals("stdout") ? stderr : stdout).flushText();
        switch (tag) {
            case Markers.DISPLAY ->
                publisher.display(
                        payload.getAsJsonObject("data"),
                        metadata(payload),
                        payload.has("display_id") ? payload.get("display_id").getAsString() : null,
                        payload.has("update") && payload.get("update").getAsBoolean());
            case Markers.RESULT -> resultSink.accept(payload.getAsJsonObject("data"), metadata(payload));
            case Markers.INPUT ->
                stdin.requested(
                        payload.get("id").getAsLong(),
                        payload.get("prompt").getAsString(),
                        payload.get("password").getAsBoolean());
            case Markers.FENCE -> fences.seen(payload.get("id").getAsString());
            default -> publisher.stream(stream, "[unknown gradnote marker " + tag + "]\n");
        }
    }

    private static JsonObject metadata(JsonObject payload) {
        return payload.has("metadata") && payload.get("metadata").isJsonObject()
                ? payload.getAsJsonObject("metadata")
                : new JsonObject();
    }

    void close() {
        flushing.cancel(false);
        flusher.shutdownNow();
        flush();
    }
}
