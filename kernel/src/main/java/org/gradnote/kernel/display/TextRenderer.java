package org.gradnote.kernel.display;

import java.lang.reflect.Array;
import java.util.Optional;

/** Fallback renderer: {@code toString()}, with arrays shown by content rather than identity. */
public final class TextRenderer implements Renderer {
    @Override
    public Optional<MimeBundle> render(Object value) {
        return Optional.of(MimeBundle.text(text(value)));
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    static String text(Object value) {
        if (value == null) return "null";
        if (!value.getClass().isArray()) return String.valueOf(value);
        StringBuilder b = new StringBuilder("[");
        int n = Array.getLength(value);
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(", ");
            if (i == 1000) {
                b.append("... (").append(n).append(" elements)");
                break;
            }
            b.append(text(Array.get(value, i)));
        }
        return b.append(']').toString();
    }
}
