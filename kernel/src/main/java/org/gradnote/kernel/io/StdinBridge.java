package org.gradnote.kernel.io;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Kernel side of the evaluator's stdin: when an input marker arrives, asks the running cell's front end for a line
 * ({@code input_request}) on a thread of its own, so the thread routing the evaluator's output never blocks, and
 * sends the answer back through the {@link StdinServer}.
 */
public final class StdinBridge implements AutoCloseable {

    /** Asks the front end for one line; empty when input is not possible (not allowed, interrupted, cell over). */
    public interface Frontend {
        Optional<String> requestLine(String prompt, boolean password);
    }

    private static final Frontend NONE = (p, pw) -> Optional.empty();
    private final StdinServer server = new StdinServer();
    private final ExecutorService asker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gradnote-stdin");
        t.setDaemon(true);
        return t;
    });
    private volatile Frontend frontend = NONE;

    /** Where the evaluator JVM connects its {@link StdinClient}. */
    public StdinServer.Endpoint endpoint() {
        return server.endpoint();
    }

    /** Set for each cell: where lines come from while it runs. */
    public void attach(Frontend frontend) {
        this.frontend = frontend;
    }

    /** After a cell: reads from threads it left behind get end-of-file. */
    public void detach() {
        this.frontend = NONE;
    }

    /** The evaluator asked for line {@code id}; answered asynchronously. */
    public void requested(long id, String prompt, boolean password) {
        Frontend f = frontend;
        asker.execute(() -> {
            Optional<String> line;
            try {
                line = f.requestLine(prompt, password);
            } catch (RuntimeException e) {
                line = Optional.empty();
            }
            server.answer(id, line);
        });
    }

    @Override
    public void close() {
        asker.shutdownNow();
        server.close();
    }
}
