package org.gradnote.kernel.jshell.agent;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;

/**
 * JShell's remote agent in the evaluator JVM, extended so the kernel can end a cell without compiling a snippet: it
 * keeps the value the last snippet returned and runs {@link Epilogue} (render that value, write the output fence)
 * when the kernel invokes it.
 *
 * <p>The kernel's {@code EvaluatorControl} starts the evaluator JVM with this class as its main class, and stops a
 * running snippet by finding a frame of this class's {@code invoke} method: that is why {@link #invoke(Method)} is
 * overridden here, not only inherited.
 */
public final class EvaluatorAgent extends RemoteExecutionControl {
    /** {@code extensionCommand} that sets the next epilogue's fence and whether the last value is shown. */
    public static final String PREPARE_EPILOGUE = "gradnote.prepareEpilogue";
    /** The epilogue's value mode that writes the fence only and keeps the last value for the next epilogue. */
    public static final String KEEP_VALUE = "keep";
    /** {@code extensionCommand} that runs {@code RemoteSetup} with the stdin channel's port and token. */
    public static final String SETUP = "gradnote.setup";

    private static volatile EvaluatorAgent current;
    // Commands arrive one at a time on the forwarding thread, which also runs snippets: no locking needed.
    private Object lastValue;
    private String pendingFence;
    private boolean pendingHasValue;
    private boolean pendingKeep;
    private boolean snippetLoaderKnown;

    /**
     * Entry point of the evaluator JVM: what JDK 17's {@link RemoteExecutionControl#main} does, with this agent.
     * (Later JDKs also wire a console there, which JShell only offers with its own agent: cells have no console.)
     */
    public static void main(String[] args) throws Exception {
        Socket socket = new Socket((String) null, Integer.parseInt(args[0]));
        // Replies and output go out as several small writes: without this each waits for the kernel's delayed ACK.
        socket.setTcpNoDelay(true);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
        // UTF-8, not the platform default: the kernel decodes both streams as UTF-8.
        outputs.put("out", s -> System.setOut(new PrintStream(s, true, StandardCharsets.UTF_8)));
        outputs.put("err", s -> System.setErr(new PrintStream(s, true, StandardCharsets.UTF_8)));
        Map<String, Consumer<InputStream>> inputs = new HashMap<>();
        inputs.put("in", System::setIn);
        EvaluatorAgent agent = new EvaluatorAgent();
        current = agent;
        Util.forwardExecutionControlAndIO(agent, in, out, outputs, inputs);
    }

    static EvaluatorAgent current() {
        return current;
    }

    /** Runs a snippet's {@code do_it$} (or the epilogue) as JShell's agent does, keeping a snippet's value. */
    @Override
    protected String invoke(Method doit) throws Exception {
        if (doit.getDeclaringClass() == Epilogue.class) return super.invoke(doit);
        lastValue = null; // a snippet that throws has no value; never show an older one
        if (!snippetLoaderKnown) {
            // JShell's loader, where %classpath and %maven jars are added: renderers are looked up there.
            org.gradnote.kernel.display.Renderers.useLoader(
                    doit.getDeclaringClass().getClassLoader());
            snippetLoaderKnown = true;
        }
        Object value = doit.invoke(null);
        lastValue = value;
        return valueString(value);
    }

    /** The epilogue is invoked like a snippet (so an interrupt can stop a slow renderer), but it is not one. */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        return name.equals(Epilogue.class.getName()) ? Epilogue.class : super.findClass(name);
    }

    @Override
    public Object extensionCommand(String command, Object arg)
            throws RunException, EngineTerminationException, InternalException {
        if (PREPARE_EPILOGUE.equals(command) && arg instanceof String[] a && a.length == 2) {
            pendingFence = a[0];
            pendingKeep = KEEP_VALUE.equals(a[1]);
            pendingHasValue = Boolean.parseBoolean(a[1]);
            return null;
        }
        if (SETUP.equals(command) && arg instanceof String[] a && a.length == 2) {
            org.gradnote.kernel.jshell.RemoteSetup.install(Integer.parseInt(a[0]), a[1]);
            return null;
        }
        return super.extensionCommand(command, arg);
    }

    /** Runs the prepared epilogue once, then forgets the value (the session keeps it in its own variable). */
    void runEpilogue() {
        String fence = pendingFence;
        Object value = lastValue;
        pendingFence = null;
        if (!pendingKeep) lastValue = null;
        if (fence == null) throw new IllegalStateException("epilogue invoked without " + PREPARE_EPILOGUE);
        org.gradnote.kernel.api.Display.epilogue(fence, pendingHasValue, pendingHasValue ? value : null);
    }
}
