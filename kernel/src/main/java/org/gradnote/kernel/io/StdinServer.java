package org.gradnote.kernel.io;

import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Kernel end of the evaluator's stdin channel: a localhost socket that accepts only a client presenting the random
 * token, and carries lines (or end-of-file) back to the evaluator. Requests travel the other way as stdout
 * {@link Markers}, so a prompt printed before reading always reaches the front end before the input box.
 *
 * <p>Wire format, after the client's {@code token\n} and the server's {@code ok\n}: per answer, the request id
 * (long), the length (int, -1 for end-of-file) and the UTF-8 bytes of the line without its newline.
 */
public final class StdinServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StdinServer.class.getName());
    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;

    /** Where the evaluator connects and what it must present. */
    public record Endpoint(int port, String token) {}

    private final ServerSocket server;
    private final String token;
    private final Thread acceptor;
    private Socket current; // the evaluator JVM of now; a restarted evaluator replaces it
    private DataOutputStream currentOut;

    public StdinServer() {
        try {
            server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the stdin channel", e);
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        token = HexFormat.of().formatHex(secret);
        acceptor = new Thread(this::acceptLoop, "gradnote-stdin-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public Endpoint endpoint() {
        return new Endpoint(server.getLocalPort(), token);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                if (authenticate(s)) adopt(s);
                else s.close();
            } catch (IOException e) {
                if (!server.isClosed()) LOG.log(System.Logger.Level.WARNING, "stdin channel: " + e.getMessage());
            }
        }
    }

    private boolean authenticate(Socket s) throws IOException {
        s.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
        String presented = readLine(new BufferedInputStream(s.getInputStream()), token.length() + 1);
        boolean ok = presented != null
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
        if (!ok) LOG.log(System.Logger.Level.WARNING, "stdin channel: rejected a connection with a wrong token");
        return ok;
    }

    private synchronized void adopt(Socket s) throws IOException {
        s.setSoTimeout(0);
        s.setTcpNoDelay(true);
        closeCurrent();
        current = s;
        currentOut = new DataOutputStream(s.getOutputStream());
        currentOut.write("ok\n".getBytes(StandardCharsets.US_ASCII));
        currentOut.flush();
    }

    /** Sends the answer to request {@code id}: a line, or end-of-file when empty. */
    public synchronized void answer(long id, Optional<String> line) {
        if (currentOut == null) {
            LOG.log(System.Logger.Level.WARNING, "stdin channel: answer with no evaluator connected");
            return;
        }
        try {
            byte[] bytes = line.map(l -> l.getBytes(StandardCharsets.UTF_8)).orElse(null);
            currentOut.writeLong(id);
            currentOut.writeInt(bytes == null ? -1 : bytes.length);
            if (bytes != null) currentOut.write(bytes);
            currentOut.flush();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "stdin channel: evaluator gone: " + e.getMessage());
            closeCurrent();
        }
    }

    /** A line of at most {@code max} bytes, without its newline; null on end-of-file or overlong input. */
    static String readLine(InputStream in, int max) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (b.length() >= max) return null;
            b.append((char) c);
        }
        return c < 0 ? null : b.toString();
    }

    private void closeCurrent() {
        if (current == null) return;
        try {
            current.close();
        } catch (IOException ignored) {
            // already gone
        }
        current = null;
        currentOut = null;
    }

    @Override
    public synchronized void close() {
        closeCurrent();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
