package org.gradnote.kernel.history;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** In-memory history of this kernel session, answering {@code history_request} (tail, range, search). */
public final class SessionHistory {
    /** The kernel has one session; Jupyter numbers the current one 0 in requests, and we report it as 1. */
    public static final int SESSION = 1;

    /** One executed input, with the text/plain of its result when it had one. */
    public record Entry(int session, int line, String input, String output) {}

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(int executionCount, String input) {
        entries.add(new Entry(SESSION, executionCount, input, null));
    }

    public synchronized void setOutput(int executionCount, String output) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.line() == executionCount) {
                entries.set(i, new Entry(e.session(), e.line(), e.input(), output));
                return;
            }
        }
    }

    public synchronized List<Entry> all() {
        return List.copyOf(entries);
    }

    public synchronized List<Entry> tail(int n) {
        return List.copyOf(entries.subList(Math.max(0, entries.size() - Math.max(0, n)), entries.size()));
    }

    /** Lines {@code start <= line < stop} of a session (0, 1 or negative = this one; older sessions are not kept). */
    public synchronized List<Entry> range(int session, int start, int stop) {
        if (session > SESSION) return List.of();
        int last = stop <= 0 ? Integer.MAX_VALUE : stop;
        return entries.stream()
                .filter(e -> e.line() >= start && e.line() < last)
                .toList();
    }

    /** Entries whose input matches the glob ({@code *}, {@code ?}); newest {@code n}; {@code unique} drops repeats. */
    public synchronized List<Entry> search(String glob, int n, boolean unique) {
        Pattern pattern = Pattern.compile(globToRegex(glob), Pattern.DOTALL);
        List<Entry> matched = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (!pattern.matcher(e.input()).matches()) continue;
            if (unique && !seen.add(e.input())) continue;
            matched.add(0, e);
            if (n > 0 && matched.size() >= n) break;
        }
        return matched;
    }

    static String globToRegex(String glob) {
        StringBuilder b = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> b.append(".*");
                case '?' -> b.append('.');
                default -> b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return b.toString();
    }
}
