package org.gradnote.kernel.io;

import com.google.gson.JsonObject;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The evaluator JVM's {@code System.in}: when it runs dry it asks the kernel for a line (an input marker on stdout,
 * ordered with printed text) and reads the answer from the {@link StdinServer} socket. Replaces JShell's stdin
 * forwarding, which may ask for a byte past the line and block the thread that carries the cell's output.
 */
public final class StdinClient extends InputStream {
    private final int port;
    private final String token;
    private Socket socket;
    private DataInputStream in;
    private long lastId;
    private byte[] buffer = new byte[0];
    private int position;

    public StdinClient(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** Installs a client as {@code System.in} (called once in each evaluator JVM). */
    public static void install(int port, String token) {
        System.setIn(new StdinClient(port, token));
    }

    @Override
    public synchronized int read() throws IOException {
        if (position >= buffer.length && !fill("", false)) return -1;
        return buffer[position++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (position >= buffer.length && !fill("", false)) return -1;
        int n = Math.min(len, buffer.length - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return buffer.length - position;
    }

    /** The rest of a buffered line, or a new line asked for with {@code prompt}; null at end-of-file. */
    public synchronized String readLine(String prompt, boolean password) throws IOException {
        if (position >= buffer.length && !fill(prompt, password)) return null;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (position < buffer.length && buffer[position] != '\n') line.write(buffer[position++]);
        if (position < buffer.length) position++; // the newline
        return line.toString(StandardCharsets.UTF_8);
    }

    private boolean fill(String prompt, boolean password) throws IOException {
        connect();
        long id = ++lastId;
        JsonObject request = new JsonObject();
        request.addProperty("id", id);
        request.addProperty("prompt", prompt);
        request.addProperty("password", password);
        System.out.flush();
        System.out.println(Markers.encode(Markers.INPUT, request));
        System.out.flush();
        try {
            while (true) {
                long answered = in.readLong();
                int length = in.readInt();
                byte[] bytes = length < 0 ? null : in.readNBytes(length);
                if (answered != id) continue; // a late answer to a request that was given up
                if (bytes == null) return false;
                buffer = (new String(bytes, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
                position = 0;
                return true;
            }
        } catch (IOException | RuntimeException | Error e) {
            disconnect(); // a stop (interrupt) mid-frame would leave the stream out of step: start afresh next time
            if (e instanceof IOException && !(e instanceof InterruptedIOException))
                return false; // kernel gone: end-of-file
            throw e;
        }
    }

    private void connect() throws IOException {
        if (socket != null) return;
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setTcpNoDelay(true);
        OutputStream out = s.getOutputStream();
        out.write((token + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        DataInputStream din = new DataInputStream(new BufferedInputStream(s.getInputStream()));
        if (!"ok".equals(StdinServer.readLine(din, 8))) {
            s.close();
            throw new IOException("the kernel refused the stdin channel");
        }
        socket = s;
        in = din;
    }

    private void disconnect() {
        try {
            if (socket != null) socket.close();
        } catch (IOException ignored) {
            // already closed
        }
        socket = null;
        in = null;
    }
}
