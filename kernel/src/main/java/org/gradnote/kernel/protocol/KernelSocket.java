package org.gradnote.kernel.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zeromq.ZMQ;

/** One bound ZeroMQ socket speaking Jupyter messages; calls are serialized because ZeroMQ sockets are not thread-safe. */
public final class KernelSocket {
    private static final System.Logger LOG = System.getLogger(KernelSocket.class.getName());
    private final String name;
    private final ZMQ.Socket socket;
    private final WireCodec codec;
    private long dropped;

    KernelSocket(String name, ZMQ.Socket socket, WireCodec codec) {
        this.name = name;
        this.socket = socket;
        this.codec = codec;
    }

    public String name() {
        return name;
    }

    public synchronized void send(JupyterMessage message) {
        List<byte[]> frames = codec.encode(message);
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /**
     * The next valid message, or empty after {@code timeoutMs} or when the message was rejected. A rejected message
     * (bad signature, malformed frames) is read to its last frame, logged and dropped, so the loop keeps going.
     */
    public synchronized Optional<JupyterMessage> receive(int timeoutMs) {
        socket.setReceiveTimeOut(timeoutMs);
        byte[] first = socket.recv(0);
        if (first == null) return Optional.empty();
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) frames.add(socket.recv(0));
        try {
            return Optional.of(codec.decode(frames));
        } catch (InvalidMessageException e) {
            dropped++;
            LOG.log(System.Logger.Level.WARNING, "{0}: dropped message #{1}: {2}", name, dropped, e.getMessage());
            return Optional.empty();
        }
    }

    /** How many incoming messages were rejected so far. */
    public synchronized long droppedCount() {
        return dropped;
    }

    synchronized void close() {
        socket.setLinger(200);
        socket.close();
    }
}
