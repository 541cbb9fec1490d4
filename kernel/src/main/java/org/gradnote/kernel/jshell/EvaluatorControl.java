package org.gradnote.kernel.jshell;

import com.sun.jdi.BooleanValue;
import com.sun.jdi.ClassNotLoadedException;
import com.sun.jdi.ClassType;
import com.sun.jdi.Field;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import jdk.jshell.execution.JdiExecutionControl;
import jdk.jshell.execution.JdiInitiator;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionEnv;
import org.gradnote.kernel.jshell.agent.EvaluatorAgent;

/**
 * The kernel's end of the evaluator JVM: what JShell's own JDI engine does (launch through JDI, stop a running
 * snippet by throwing into its thread, notice the JVM's exit), over a command socket with Nagle's algorithm off.
 *
 * <p>JShell's engine leaves Nagle on. Its commands go out as several small writes, so each one waited for the
 * evaluator's delayed ACK, and round trips, not compiling, dominated a trivial cell (docs/performance.md).
 */
final class EvaluatorControl extends JdiExecutionControl {
    private static final System.Logger LOG = System.getLogger(EvaluatorControl.class.getName());
    /** JShell's default for the JDI connection and for the evaluator to connect back. */
    private static final int TIMEOUT_MS = 5000;

    private static final String AGENT = EvaluatorAgent.class.getName();
    /** Where JDI listens for the evaluator JVM: loopback only, as the kernel always asked of JShell. */
    private static final String JDI_HOST = "127.0.0.1";

    private final Object stopLock = new Object();
    private boolean userCodeRunning; // guarded by stopLock
    /** A stop that came while nothing ran (the cell was still compiling): the next invoke is stopped at once. */
    private boolean stopPending; // guarded by stopLock
    /** Nanoseconds spent in {@link #invoke} (running code, not compiling it), summed over this JVM's life. */
    private final java.util.concurrent.atomic.AtomicLong invokeNanos = new java.util.concurrent.atomic.AtomicLong();

    private VirtualMachine vm; // guarded by this
    private Process process; // guarded by this

    private EvaluatorControl(ObjectOutput out, ObjectInput in, VirtualMachine vm, Process process) {
        super(out, in);
        this.vm = vm;
        this.process = process;
    }

    /** Starts the evaluator JVM with {@link EvaluatorAgent} as its main class and connects to it. */
    static ExecutionControl launch(ExecutionEnv env) throws IOException {
        return connect(start(env.extraRemoteVMOptions()), env);
    }

    /**
     * Starts the evaluator JVM and attaches JDI to it; its agent then waits to be {@link #connect connected} to a
     * session. Needs only the JVM options, so it can run before the JShell session exists ({@link EarlyLaunch}).
     */
    static Launched start(List<String> vmOptions) throws IOException {
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        try {
            listener.setSoTimeout(TIMEOUT_MS);
            JdiInitiator jdi =
                    new JdiInitiator(listener.getLocalPort(), vmOptions, AGENT, false, JDI_HOST, TIMEOUT_MS, Map.of());
            Launched launched = new Launched(List.copyOf(vmOptions), listener, jdi);
            // The JVM may exit before the control exists: listeners are added once it does.
            Util.detectJdiExitEvent(jdi.vm(), reason -> launched.onExit.forEach(l -> l.accept(reason)));
            return launched;
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    /** Connects a started JVM's agent to the session of {@code env}; the JVM is ended when that fails. */
    static ExecutionControl connect(Launched launched, ExecutionEnv env) throws IOException {
        try (ServerSocket listener = launched.listener) {
            Socket socket = listener.accept();
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream(); // out before in, as JShell does, so the handshake cannot hang
            Map<String, OutputStream> outputs = Map.of("out", env.userOut(), "err", env.userErr());
            Map<String, InputStream> inputs = Map.of("in", env.userIn());
            return Util.remoteInputOutput(socket.getInputStream(), out, outputs, inputs, (objIn, objOut) -> {
                EvaluatorControl control =
                        new EvaluatorControl(objOut, objIn, launched.jdi.vm(), launched.jdi.process());
                launched.onExit.add(reason -> env.closeDown());
                launched.onExit.add(reason -> control.disposeVM());
                return control;
            });
        } catch (IOException | RuntimeException e) {
            launched.close();
            throw e;
        }
    }

    /** An evaluator JVM started with JDI attached, its agent not yet connected to a session. */
    static final class Launched implements AutoCloseable {
        private final List<String> vmOptions;
        private final ServerSocket listener;
        private final JdiInitiator jdi;
        private final List<Consumer<String>> onExit = new CopyOnWriteArrayList<>();

        private Launched(List<String> vmOptions, ServerSocket listener, JdiInitiator jdi) {
            this.vmOptions = vmOptions;
            this.listener = listener;
            this.jdi = jdi;
        }

        List<String> vmOptions() {
            return vmOptions;
        }

        /** Ends the JVM (when no session took it, or connecting failed). */
        @Override
        public void close() {
            try {
                listener.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the agent listener", e);
            }
            try {
                jdi.vm().dispose();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "disposing an unused evaluator VM", e);
            }
            jdi.process().destroy();
        }
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        synchronized (stopLock) {
            if (stopPending) {
                stopPending = false;
                throw new StoppedException();
            }
            userCodeRunning = true;
        }
        long start = System.nanoTime();
        try {
            return super.invoke(className, methodName);
        } finally {
            invokeNanos.addAndGet(System.nanoTime() - start);
            synchronized (stopLock) {
                userCodeRunning = false;
            }
        }
    }

    /** Forgets a stop that found nothing running: called when a new cell starts, so an old interrupt cannot hit it. */
    void clearPendingStop() {
        synchronized (stopLock) {
            stopPending = false;
        }
    }

    /** Time spent running snippets and epilogues so far (compilation excluded), for {@code %time}. */
    long invokeNanos() {
        return invokeNanos.get();
    }

    /**
     * Stops the running snippet: finds the agent's {@code invoke} frame and throws the agent's stop exception into
     * that thread, as JShell's engine does (JDI's {@code ThreadReference.stop} still works where
     * {@code Thread.stop} no longer does).
     */
    @Override
    public void stop() throws EngineTerminationException, InternalException {
        synchronized (stopLock) {
            if (!userCodeRunning) {
                stopPending = true; // between compilation and run: stop the run before it starts
                return;
            }
            VirtualMachine machine = vm();
            machine.suspend();
            try {
                ObjectReference agent = null;
                ThreadReference running = null;
                for (ThreadReference thread : machine.allThreads()) {
                    for (StackFrame frame : thread.frames()) {
                        if (isAgentInvoke(frame)) {
                            agent = frame.thisObject();
                            running = thread;
                            break;
                        }
                    }
                    if (agent != null) break;
                }
                if (agent != null && ((BooleanValue) agent.getValue(field(agent, "inClientCode"))).value()) {
                    Field expectingStop = field(agent, "expectingStop");
                    agent.setValue(expectingStop, machine.mirrorOf(true));
                    ObjectReference stopException = (ObjectReference) agent.getValue(field(agent, "stopException"));
                    machine.resume();
                    running.stop(stopException);
                    agent.setValue(expectingStop, machine.mirrorOf(false));
                }
            } catch (ClassNotLoadedException | IncompatibleThreadStateException | InvalidTypeException e) {
                throw new InternalException("Exception on remote stop: " + e);
            } finally {
                machine.resume();
            }
        }
    }

    /** Snippets and the epilogue run under the agent's {@code invoke}; nothing else sets userCodeRunning. */
    private static boolean isAgentInvoke(StackFrame frame) {
        var location = frame.location();
        return AGENT.equals(location.declaringType().name())
                && location.method().name().equals("invoke");
    }

    /** A field the agent inherits from JShell's {@code RemoteExecutionControl} (private there, so look upwards). */
    private static Field field(ObjectReference agent, String name) throws InternalException {
        for (ReferenceType t = agent.referenceType(); t != null; t = t instanceof ClassType c ? c.superclass() : null) {
            Field f = t.fieldByName(name);
            if (f != null) return f;
        }
        throw new InternalException("evaluator agent has no field " + name);
    }

    @Override
    public void close() {
        super.close();
        disposeVM();
    }

    private synchronized void disposeVM() {
        try {
            if (vm != null) {
                vm.dispose();
                vm = null;
            }
        } catch (VMDisconnectedException e) {
            // Already gone: nothing to release.
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "disposing the evaluator VM", e);
        } finally {
            if (process != null) {
                process.destroy();
                process = null;
            }
        }
    }

    @Override
    protected synchronized VirtualMachine vm() throws EngineTerminationException {
        if (vm == null) throw new EngineTerminationException("VM closed");
        return vm;
    }
}
