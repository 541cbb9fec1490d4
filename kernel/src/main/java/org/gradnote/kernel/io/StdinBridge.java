package org.gradnote.kernel.io;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The evaluator's System.in: each time it runs dry, asks the front end for a line ({@code input_request}).
 * Reading gives end-of-file when the front end does not allow input or the cell was interrupted.
 */
public final class StdinBridge extends InputStream {

    /** Asks the front end for one line; empty when input is not possible. */
    public interface Frontend {
        Optional<String> requestLine(String prompt, boolean password);
    }

    private volatile Frontend frontend = (p, pw) -> Optional.empty();
    private byte[] buffer = new byte[0];
    private int position;
    // Set by the output router thread while a read may be blocked waiting for the front end: not under the lock.
    private volatile String nextPrompt = "";
    private volatile boolean nextPassword;

    /** Set for each cell: where lines come from while it runs. */
    public synchronized void attach(Frontend frontend) {
        this.frontend = frontend;
        buffer = new byte[0];
        position = 0;
        nextPrompt = "";
        nextPassword = false;
    }

    /** The next line request uses this prompt (sent by {@code Input.line/password} just before reading). */
    public void expect(String prompt, boolean password) {
        nextPrompt = prompt;
        nextPassword = password;
    }

    @Override
    public synchronized int read() {
        if (!fill()) return -1;
        return buffer[position++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        if (len == 0) return 0;
        if (!fill()) return -1;
        int n = Math.min(len, buffer.length - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return buffer.length - position;
    }

    private boolean fill() {
        if (position < buffer.length) return true;
        String prompt = nextPrompt;
        boolean password = nextPassword;
        nextPrompt = "";
        nextPassword = false;
        Optional<String> line = frontend.requestLine(prompt, password);
        if (line.isEmpty()) return false;
        buffer = (line.get() + "\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }
}
