package org.gradnote.kernel;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gradnote.kernel.protocol.ConnectionInfo;
import org.gradnote.kernel.protocol.JupyterMessage;
import org.gradnote.kernel.protocol.MessageFactory;
import org.gradnote.kernel.protocol.MessageSigner;
import org.gradnote.kernel.protocol.WireCodec;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** A minimal Jupyter client on real ZeroMQ sockets, for protocol tests. */
final class TestClient implements AutoCloseable {
    static final long TIMEOUT_MS = 60_000;
    final ConnectionInfo info;
    final WireCodec codec;
    private final ZContext context = new ZContext();
    final ZMQ.Socket shell, control, stdin, iopub;
    private final MessageFactory messages = new MessageFactory();

    TestClient(ConnectionInfo info) {
        this.info = info;
        this.codec = new WireCodec(MessageSigner.create(info.signatureScheme(), info.key()));
        byte[] identity = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        shell = connect(SocketType.DEALER, info.shellPort(), identity);
        control = connect(SocketType.DEALER, info.controlPort(), null);
        stdin = connect(SocketType.DEALER, info.stdinPort(), identity); // same identity: input_request finds us
        iopub = connect(SocketType.SUB, info.iopubPort(), null);
        iopub.subscribe(new byte[0]);
    }

    static ConnectionInfo newConnection() throws IOException {
        int[] p = freePorts(5);
        return new ConnectionInfo(
                "tcp",
                "127.0.0.1",
                p[0],
                p[1],
                p[2],
                p[3],
                p[4],
                "hmac-sha256",
                UUID.randomUUID().toString());
    }

    /** A kernel bound to fresh ports and those ports. */
    record BoundKernel(GradnoteKernel kernel, ConnectionInfo info) {}

    /**
     * A kernel bound to fresh ports, probed again (up to three times) when another process took one of them between
     * the probe and the bind: a free port can only be reserved by binding it.
     */
    static BoundKernel bindKernel(org.gradnote.kernel.jshell.EvaluatorConfig config) throws IOException {
        for (int attempt = 1; ; attempt++) {
            ConnectionInfo info = newConnection();
            try {
                return new BoundKernel(new GradnoteKernel(info, config), info);
            } catch (org.zeromq.ZMQException e) {
                if (attempt == 3 || e.getErrorCode() != ZMQ.Error.EADDRINUSE.getCode()) throw e;
            }
        }
    }

    /**
     * n distinct free ports: every probe socket stays open until all are picked, as one closed before the next was
     * opened could hand the same port out twice (a CI run failed with "Address already in use" on such a pair).
     */
    private static int[] freePorts(int n) throws IOException {
        ServerSocket[] probes = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                probes[i] = new ServerSocket(0);
                ports[i] = probes[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : probes) if (s != null) s.close();
        }
    }

    private ZMQ.Socket connect(SocketType type, int port, byte[] identity) {
        ZMQ.Socket s = context.createSocket(type);
        s.setLinger(0);
        if (identity != null) s.setIdentity(identity);
        s.connect(info.endpoint(port));
        return s;
    }

    JupyterMessage message(String type, JsonObject content) {
        return new JupyterMessage(
                List.of(), messages.header(type), new JsonObject(), new JsonObject(), content, List.of());
    }

    JupyterMessage send(ZMQ.Socket socket, String type, JsonObject content) {
        JupyterMessage m = message(type, content);
        sendFrames(socket, codec.encode(m));
        return m;
    }

    static void sendFrames(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
    }

    JupyterMessage receive(ZMQ.Socket socket, long timeoutMs) throws Exception {
        socket.setReceiveTimeOut((int) timeoutMs);
        byte[] first = socket.recv(0);
        if (first == null) return null;
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) frames.add(socket.recv(0));
        return codec.decode(frames);
    }

    /** The reply to {@code request} on {@code socket}, skipping others; fails after the timeout. */
    JupyterMessage reply(ZMQ.Socket socket, JupyterMessage request) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            JupyterMessage m = receive(socket, 500);
            if (m != null && request.id().equals(parentId(m))) return m;
        }
        throw new AssertionError("no reply to " + request.type());
    }

    /** IOPub messages caused by {@code request}, up to and including its idle status. */
    List<JupyterMessage> iopubUntilIdle(JupyterMessage request) throws Exception {
        List<JupyterMessage> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            JupyterMessage m = receive(iopub, 500);
            if (m == null || !request.id().equals(parentId(m))) continue;
            out.add(m);
            if (m.type().equals("status")
                    && m.content().get("execution_state").getAsString().equals("idle")) return out;
        }
        throw new AssertionError("no idle after " + request.type() + "; got " + out);
    }

    static String parentId(JupyterMessage m) {
        var id = m.parentHeader().get("msg_id");
        return id == null ? "" : id.getAsString();
    }

    /** Waits until IOPub is subscribed (ZeroMQ drops messages published before), by pinging kernel_info. */
    void awaitIopub() throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            JupyterMessage req = send(shell, "kernel_info_request", new JsonObject());
            reply(shell, req);
            JupyterMessage m;
            while ((m = receive(iopub, 300)) != null) {
                if (req.id().equals(parentId(m))) return;
            }
        }
        throw new AssertionError("IOPub never connected");
    }

    /** A finished execution: its reply and its IOPub messages. */
    record Execution(JupyterMessage reply, List<JupyterMessage> iopub) {
        String stdout() {
            return stream("stdout");
        }

        String stream(String name) {
            StringBuilder b = new StringBuilder();
            for (var m : iopub) {
                if (m.type().equals("stream")
                        && m.content().get("name").getAsString().equals(name)) {
                    b.append(m.content().get("text").getAsString());
                }
            }
            return b.toString();
        }

        String result() {
            return iopub.stream()
                    .filter(m -> m.type().equals("execute_result"))
                    .map(m -> m.content()
                            .getAsJsonObject("data")
                            .get("text/plain")
                            .getAsString())
                    .findFirst()
                    .orElse(null);
        }

        List<JupyterMessage> ofType(String type) {
            return iopub.stream().filter(m -> m.type().equals(type)).toList();
        }

        String status() {
            return reply.content().get("status").getAsString();
        }
    }

    Execution execute(String code) throws Exception {
        JupyterMessage req = sendExecute(code);
        JupyterMessage reply = reply(shell, req);
        return new Execution(reply, iopubUntilIdle(req));
    }

    JupyterMessage sendExecute(String code) {
        JsonObject c = new JsonObject();
        c.addProperty("code", code);
        c.addProperty("silent", false);
        c.addProperty("store_history", true);
        c.addProperty("allow_stdin", true);
        c.add("user_expressions", new JsonObject());
        return send(shell, "execute_request", c);
    }

    @Override
    public void close() {
        context.close();
    }
}
