package org.gradnote.kernel.protocol;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Binds the five Jupyter sockets of a connection file and runs the heartbeat and request loops. */
public final class KernelTransport implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KernelTransport.class.getName());
    private static final int POLL_MS = 100;
    private final ZContext context = new ZContext();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<KernelSocket> sockets = new CopyOnWriteArrayList<>();
    private final ConnectionInfo info;
    private final WireCodec codec;
    private final KernelSocket shell, control, stdin, iopub;
    private volatile boolean running = true;

    public KernelTransport(ConnectionInfo info) {
        this.info = info;
        this.codec = new WireCodec(MessageSigner.create(info.signatureScheme(), info.key()));
        this.shell = bind("shell", SocketType.ROUTER, info.shellPort());
        this.control = bind("control", SocketType.ROUTER, info.controlPort());
        this.stdin = bind("stdin", SocketType.ROUTER, info.stdinPort());
        this.iopub = bind("iopub", SocketType.PUB, info.iopubPort());
        startHeartbeat();
    }

    private KernelSocket bind(String name, SocketType type, int port) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setLinger(200);
        socket.bind(info.endpoint(port));
        KernelSocket s = new KernelSocket(name, socket, codec);
        sockets.add(s);
        return s;
    }

    private void startHeartbeat() {
        ZMQ.Socket hb = context.createSocket(SocketType.REP);
        hb.setLinger(0);
        hb.bind(info.endpoint(info.hbPort()));
        hb.setReceiveTimeOut(POLL_MS);
        start("heartbeat", () -> {
            while (running) {
                byte[] ping = hb.recv(0);
                if (ping != null) hb.send(ping, 0);
            }
        });
    }

    /** Starts a thread answering requests from {@code socket}; a failing handler is logged, never fatal. */
    public void serve(KernelSocket socket, MessageHandler handler) {
        start(socket.name() + "-loop", () -> {
            while (running) {
                var request = socket.receive(POLL_MS);
                if (request.isEmpty()) continue;
                try {
                    handler.handle(request.get());
                } catch (Throwable t) {
                    LOG.log(
                            System.Logger.Level.ERROR,
                            "Handler failed on " + request.get().type(),
                            t);
                }
            }
        });
    }

    private void start(String name, Runnable body) {
        Thread t = new Thread(body, "gradnote-" + name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    public KernelSocket shell() {
        return shell;
    }

    public KernelSocket control() {
        return control;
    }

    public KernelSocket stdin() {
        return stdin;
    }

    public KernelSocket iopub() {
        return iopub;
    }

    public boolean isRunning() {
        return running;
    }

    /** Stops the loops (callable from a loop thread itself) and closes the sockets. */
    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            if (t == Thread.currentThread()) continue;
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (KernelSocket s : sockets) s.close();
        context.close();
    }
}
