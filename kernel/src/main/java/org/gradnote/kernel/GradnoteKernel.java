package org.gradnote.kernel;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.gradnote.kernel.cell.CellRunner;
import org.gradnote.kernel.cell.CellServices;
import org.gradnote.kernel.docs.Javadocs;
import org.gradnote.kernel.history.SessionHistory;
import org.gradnote.kernel.io.FenceTracker;
import org.gradnote.kernel.io.StdinBridge;
import org.gradnote.kernel.jshell.EarlyLaunch;
import org.gradnote.kernel.jshell.Evaluator;
import org.gradnote.kernel.jshell.EvaluatorConfig;
import org.gradnote.kernel.protocol.ConnectionInfo;
import org.gradnote.kernel.protocol.KernelTransport;
import org.gradnote.kernel.protocol.MessageFactory;
import org.gradnote.magics.MagicContext;
import org.gradnote.magics.MagicRegistry;

/** The gradnote Jupyter kernel: binds the sockets of a connection file and serves requests until shutdown. */
public final class GradnoteKernel implements AutoCloseable {
    private final KernelTransport transport;
    private final MessageFactory messages = new MessageFactory();
    private final Publisher publisher;
    private final StdinBridge stdin = new StdinBridge();
    private final OutputHub output;
    private final Evaluator evaluator;
    private final SessionHistory history = new SessionHistory();
    private final MagicRegistry magics = MagicRegistry.standard();
    private final CellRunner cells;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CompletableFuture<Void> evaluatorReady = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean restartRequested;
    private volatile boolean interruptRequested;

    /** Binds the sockets; requests are served and the evaluator JVM started once {@link #start()} is called. */
    public GradnoteKernel(ConnectionInfo connection, EvaluatorConfig config) {
        this(connection, CompletableFuture.completedFuture(config));
    }

    /**
     * {@link #GradnoteKernel(ConnectionInfo, EvaluatorConfig)} with the evaluator's configuration made on another
     * thread meanwhile (reading the class path's jars takes as long as binding the sockets).
     */
    public GradnoteKernel(ConnectionInfo connection, java.util.function.Supplier<EvaluatorConfig> config) {
        this(connection, CompletableFuture.supplyAsync(config, task -> {
            Thread t = new Thread(task, "gradnote-evaluator-config");
            t.setDaemon(true);
            t.start();
        }));
    }

    private GradnoteKernel(ConnectionInfo connection, CompletableFuture<EvaluatorConfig> config) {
        // The evaluator JVM starts as soon as it is configured, while this JVM binds its sockets (docs/performance.md).
        EarlyLaunch early = EarlyLaunch.start(config);
        try {
            this.transport = new KernelTransport(connection);
        } catch (RuntimeException e) {
            early.close(); // no kernel (a port taken, say): no evaluator JVM left running either
            throw e;
        }
        this.publisher = new Publisher(transport.iopub(), messages);
        this.output = new OutputHub(publisher, stdin);
        this.evaluator = new Evaluator(config, early, output.out(), output.err(), stdin.endpoint());
        this.cells = new CellRunner(new Services());
    }

    /**
     * Serves requests at once and starts the evaluator JVM in the background: a client's kernel_info_request is
     * answered in milliseconds instead of after the JVM start, while requests that need the evaluator wait for it.
     */
    public void start() {
        start(() -> {});
    }

    /** {@link #start()}, running {@code beforeEvaluator} on the start-up thread first (tests hold the start there). */
    void start(Runnable beforeEvaluator) {
        ShellRequests shell = new ShellRequests(this);
        transport.serve(transport.shell(), shell::handle);
        transport.serve(transport.control(), new ControlRequests(this, shell)::handle);
        publisher.status(null, "starting");
        publisher.status(null, "idle");
        Thread starter = new Thread(
                () -> {
                    try {
                        beforeEvaluator.run();
                        evaluator.start();
                        if (closing.get()) evaluator.close(); // shut down while starting: close() found nothing to stop
                        evaluatorReady.complete(null);
                    } catch (Throwable t) {
                        evaluatorReady.completeExceptionally(t);
                    }
                },
                "gradnote-evaluator-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Blocks until the evaluator JVM has started; fails when it could not start or the kernel shut down first. */
    void awaitEvaluator() {
        try {
            evaluatorReady.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the evaluator JVM", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "The evaluator JVM did not start: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Whether the evaluator JVM has finished starting (successfully or not). */
    boolean evaluatorStarted() {
        return evaluatorReady.isDone();
    }

    /** Stops the running cell (interrupt_request, or SIGINT). */
    public void interrupt() {
        // The stop first, then the flag that ends a pending input_request wait with "no input": a cell blocked reading
        // stdin sits in a native socket read, where the stop stays pending until that answer wakes it. The other order
        // let the answer win now and then, so the cell read null, finished, and the late stop then landed in the agent
        // writing its reply, which broke JShell's protocol and killed the evaluator JVM (KernelStdinTest, under load).
        evaluator.interrupt();
        interruptRequested = true;
    }

    boolean interruptRequested() {
        return interruptRequested;
    }

    void clearInterrupt() {
        interruptRequested = false;
    }

    /** Blocks until a shutdown request arrived; true when the client asked for a restart. */
    public boolean awaitShutdown(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit) && restartRequested;
    }

    /** True once the kernel has fully stopped (sockets closed). */
    public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }

    public boolean isStopped() {
        return closing.get();
    }

    void requestShutdown(boolean restart) {
        restartRequested = restart;
        close();
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) return;
        evaluatorReady.completeExceptionally(new IllegalStateException("the kernel is shutting down"));
        evaluator.interrupt();
        output.close();
        evaluator.close();
        stdin.close();
        transport.close();
        stopped.countDown(); // only now are the ports free for a restarted kernel
    }

    KernelTransport transport() {
        return transport;
    }

    MessageFactory messages() {
        return messages;
    }

    Publisher publisher() {
        return publisher;
    }

    OutputHub output() {
        return output;
    }

    StdinBridge stdin() {
        return stdin;
    }

    Evaluator evaluator() {
        return evaluator;
    }

    SessionHistory history() {
        return history;
    }

    MagicRegistry magics() {
        return magics;
    }

    CellRunner cells() {
        return cells;
    }

    private volatile Javadocs javadocs;

    /** The doc comments inspect shows: gradnote's index and the JDK's src.zip, read on the first inspect. */
    Javadocs javadocs() {
        Javadocs docs = javadocs;
        if (docs == null) javadocs = docs = Javadocs.load();
        return docs;
    }

    /** Replaces where inspect finds doc comments (tests: a JDK with or without its sources). */
    void javadocs(Javadocs docs) {
        javadocs = docs;
    }

    /** The kernel as the cell stages see it. */
    private final class Services implements CellServices {
        public Evaluator evaluator() {
            return evaluator;
        }

        public FenceTracker fences() {
            return output.fences();
        }

        public PrintStream out() {
            return output.out();
        }

        public void flushOutput() {
            output.flush();
        }

        public void display(JsonObject mimeBundle) {
            publisher.display(mimeBundle, new JsonObject(), null, false);
        }

        public MagicRegistry registry() {
            return magics;
        }

        public Path workingDirectory() {
            return Path.of("").toAbsolutePath();
        }

        public List<MagicContext.HistoryEntry> history() {
            return history.all().stream()
                    .map(e -> new MagicContext.HistoryEntry(e.line(), e.input()))
                    .toList();
        }
    }
}
