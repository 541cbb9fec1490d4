package org.gradnote.kernel;

import com.google.gson.JsonObject;
import org.gradnote.kernel.cell.CellRunner;
import org.gradnote.kernel.cell.CellServices;
import org.gradnote.kernel.history.SessionHistory;
import org.gradnote.kernel.io.FenceTracker;
import org.gradnote.kernel.io.StdinBridge;
import org.gradnote.kernel.jshell.Evaluator;
import org.gradnote.kernel.jshell.EvaluatorConfig;
import org.gradnote.kernel.protocol.ConnectionInfo;
import org.gradnote.kernel.protocol.KernelTransport;
import org.gradnote.kernel.protocol.MessageFactory;
import org.gradnote.magics.MagicContext;
import org.gradnote.magics.MagicRegistry;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean restartRequested;
    private volatile boolean interruptRequested;

    /** Binds the sockets and starts the evaluator JVM; requests are served once {@link #start()} is called. */
    public GradnoteKernel(ConnectionInfo connection, EvaluatorConfig config) {
        this.transport = new KernelTransport(connection);
        this.publisher = new Publisher(transport.iopub(), messages);
        this.output = new OutputHub(publisher, stdin);
        this.evaluator = new Evaluator(config, output.out(), output.err(), stdin.endpoint());
        this.cells = new CellRunner(new Services());
    }

    public void start() {
        evaluator.start();
        ShellRequests shell = new ShellRequests(this);
        transport.serve(transport.shell(), shell::handle);
        transport.serve(transport.control(), new ControlRequests(this, shell)::handle);
        publisher.status(null, "starting");
        publisher.status(null, "idle");
    }

    /** Stops the running cell (interrupt_request, or SIGINT). */
    public void interrupt() {
        interruptRequested = true; // also ends a pending input_request wait
        evaluator.interrupt();
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
        evaluator.interrupt();
        output.close();
        evaluator.close();
        stdin.close();
        transport.close();
        stopped.countDown(); // only now are the ports free for a restarted kernel
    }

    KernelTransport transport() { return transport; }
    MessageFactory messages() { return messages; }
    Publisher publisher() { return publisher; }
    OutputHub output() { return output; }
    StdinBridge stdin() { return stdin; }
    Evaluator evaluator() { return evaluator; }
    SessionHistory history() { return history; }
    MagicRegistry magics() { return magics; }
    CellRunner cells() { return cells; }

    /** The kernel as the cell stages see it. */
    private final class Services implements CellServices {
        public Evaluator evaluator() { return evaluator; }
        public FenceTracker fences() { return output.fences(); }
        public PrintStream out() { return output.out(); }
        public void flushOutput() { output.flush(); }
        public void display(JsonObject mimeBundle) { publisher.display(mimeBundle, null, false); }
        public MagicRegistry registry() { return magics; }
        public Path workingDirectory() { return Path.of("").toAbsolutePath(); }

        public List<MagicContext.HistoryEntry> history() {
            return history.all().stream().map(e -> new MagicContext.HistoryEntry(e.line(), e.input())).toList();
        }
    }
}
