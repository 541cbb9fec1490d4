package org.gradnote.kernel;

import com.google.gson.JsonObject;
import org.gradnote.kernel.io.FenceTracker;
import org.gradnote.kernel.io.Markers;
import org.gradnote.kernel.io.OutputListener;
import org.gradnote.kernel.io.StdinBridge;
import org.gradnote.kernel.io.StreamRouter;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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
    private volatile Consumer<JsonObject> resultSink = data -> { };

    OutputHub(Publisher publisher, StdinBridge stdin) {
        this.publisher = publisher;
        this.stdin = stdin;
        flusher.scheduleWithFixedDelay(this::flush, 50, 50, TimeUnit.MILLISECONDS);
    }

    PrintStream out() { return out; }
    PrintStream err() { return err; }
    FenceTracker fences() { return fences; }

    /** Where {@code execute_result} bundles of the running cell go. */
    void onResult(Consumer<JsonObject> sink) {
        this.resultSink = sink;
    }

    void flush() {
        out.flush();
        err.flush();
        stdout.flushText();
        stderr.flushText();
    }

    @Override
    public void text(String stream, String text) {
        publisher.stream(stream, text);
    }

    @Override
    public void marker(String stream, String tag, JsonObject payload) {
        // Text printed before the marker must be published before it.
        (stream.equals("stdout") ? stderr : stdout).flushText();
        switch (tag) {
            case Markers.DISPLAY -> publisher.display(payload.getAsJsonObject("data"),
                    payload.has("display_id") ? payload.get("display_id").getAsString() : null,
                    payload.has("update") && payload.get("update").getAsBoolean());
            case Markers.RESULT -> resultSink.accept(payload.getAsJsonObject("data"));
            case Markers.INPUT -> stdin.requested(payload.get("id").getAsLong(), payload.get("prompt").getAsString(),
                    payload.get("password").getAsBoolean());
            case Markers.FENCE -> fences.seen(payload.get("id").getAsString());
            default -> publisher.stream(stream, "[unknown gradnote marker " + tag + "]\n");
        }
    }

    void close() {
        flusher.shutdownNow();
        flush();
    }
}
