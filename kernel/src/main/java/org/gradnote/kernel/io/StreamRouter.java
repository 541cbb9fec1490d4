package org.gradnote.kernel.io;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The evaluator's stdout or stderr: decodes UTF-8, pulls {@link Markers} lines out of the text, and batches the rest
 * until {@link #flushText()} (called on a short timer and before every marker, so order is kept).
 */
public final class StreamRouter extends OutputStream {
    private final String stream;
    private final OutputListener listener;
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private final StringBuilder pending = new StringBuilder();
    private final Object lock;
    /** Length of the held partial line at the last {@link #flushCompleteLines()}, -1 after any full flush. */
    private int partialAtLastTick = -1;

    private long partialSinceNanos;
    /** A partial line still growing is held at most this long, so slow progress output still shows. */
    private static final long MAX_HOLD_NANOS = 500_000_000L;

    /** {@code lock} is shared by the stdout and stderr routers, so flushing one from the other cannot deadlock. */
    public StreamRouter(String stream, OutputListener listener, Object lock) {
        this.stream = stream;
        this.listener = listener;
        this.lock = lock;
    }

    @Override
    public void write(int b) {
        synchronized (lock) {
            raw.write(b);
            if (b == '\n') decodeAndRoute();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        synchronized (lock) {
            raw.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    decodeAndRoute();
                    return;
                }
            }
        }
    }

    /** Sends the text collected so far (a partial line too, unless it may be the start of a marker). */
    public void flushText() {
        synchronized (lock) {
            decodeAndRoute();
            send(sendableEnd());
            partialAtLastTick = -1;
        }
    }

    /**
     * The timer's flush: sends complete lines, and a partial line only once it stopped growing since the previous
     * call (or was held half a second). A long line arriving in pieces (the evaluator's pipe splits large writes) is
     * thus never cut into two stream messages mid-word, which clients that store each message as its own output
     * (nbclient, hence nbconvert's HTML) showed as a line broken inside a word.
     */
    public void flushCompleteLines() {
        synchronized (lock) {
            decodeAndRoute();
            int end = sendableEnd();
            int lineEnd = pending.lastIndexOf("\n", end - 1) + 1;
            int partial = end - lineEnd;
            long now = System.nanoTime();
            boolean sameLineAsBefore = partialAtLastTick >= 0 && lineEnd == 0;
            boolean stalled = sameLineAsBefore && partial == partialAtLastTick;
            boolean heldLongEnough = sameLineAsBefore && now - partialSinceNanos >= MAX_HOLD_NANOS;
            if (partial == 0 || stalled || heldLongEnough) {
                send(end);
                partialAtLastTick = -1;
                return;
            }
            send(lineEnd);
            if (!sameLineAsBefore) partialSinceNanos = now;
            partialAtLastTick = partial;
        }
    }

    /** Where text may be sent up to: before a possible marker start, else everything pending. */
    private int sendableEnd() {
        int markerStart = pending.indexOf(String.valueOf(Markers.START));
        return markerStart >= 0 ? markerStart : pending.length();
    }

    private void send(int upTo) {
        if (upTo > 0) {
            listener.text(stream, pending.substring(0, upTo));
            pending.delete(0, upTo);
        }
    }

    @Override
    public void flush() {
        // Deliberately not flushText(): PrintStreams flush on every println; batching is the timer's job.
    }

    private void decodeAndRoute() {
        byte[] bytes = raw.toByteArray();
        int complete = completeUtf8Length(bytes);
        pending.append(new String(bytes, 0, complete, StandardCharsets.UTF_8));
        raw.reset();
        raw.write(bytes, complete, bytes.length - complete);
        routeMarkers();
    }

    private void routeMarkers() {
        while (true) {
            int start = pending.indexOf(Markers.PREFIX);
            if (start < 0) return;
            int end = pending.indexOf("\n", start);
            if (end < 0) return; // marker not complete yet
            if (start > 0) listener.text(stream, pending.substring(0, start));
            String line = pending.substring(start, end);
            pending.delete(0, end + 1);
            try {
                listener.marker(stream, Markers.tag(line), Markers.payload(line));
            } catch (RuntimeException e) {
                listener.text(stream, line + "\n"); // not ours after all: show it as text
            }
        }
    }

    /** Length of the prefix that does not end inside a multi-byte UTF-8 sequence. */
    static int completeUtf8Length(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int c = b[n - back] & 0xff;
            if ((c & 0xC0) == 0x80) continue; // continuation byte: look further back
            int needed = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            return needed > back ? n - back : n;
        }
        return n;
    }
}
