package org.gradnote.kernel.display;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** The installed {@link Renderer}s, ordered by priority; a renderer that throws is skipped, never fatal. */
public final class Renderers {
    private static volatile List<Renderer> cached;

    private Renderers() {}

    public static MimeBundle render(Object value) {
        for (Renderer r : all()) {
            try {
                var bundle = r.render(value);
                if (bundle.isPresent()) return bundle.get();
            } catch (RuntimeException | LinkageError e) {
                // A broken plug-in must not hide the value: fall through to the next renderer.
            }
        }
        return MimeBundle.text(TextRenderer.text(value));
    }

    static List<Renderer> all() {
        List<Renderer> list = cached;
        if (list != null) return list;
        list = new ArrayList<>();
        // The evaluator loads user classes in its own loader, so look for plug-ins where this class lives.
        var iterator = ServiceLoader.load(Renderer.class, Renderer.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) break;
                list.add(iterator.next());
            } catch (ServiceConfigurationError e) {
                System.err.println("gradnote: skipping renderer: " + e.getMessage());
            }
        }
        list.sort(Comparator.comparingInt(Renderer::priority).reversed());
        cached = List.copyOf(list);
        return cached;
    }
}
