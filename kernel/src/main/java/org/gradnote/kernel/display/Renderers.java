package org.gradnote.kernel.display;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** The installed {@link Renderer}s, ordered by priority; a renderer that throws is skipped, never fatal. */
public final class Renderers {
    private static volatile List<Renderer> cached;
    private static volatile ClassLoader userLoader = Renderer.class.getClassLoader();

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

    /**
     * Where cell code's classes live (JShell's loader in the evaluator JVM, a child of this class's loader): jars
     * added later with %classpath or %maven are only visible there, and may bring their own renderers.
     */
    public static void useLoader(ClassLoader loader) {
        userLoader = loader;
        cached = null;
    }

    /** Looks for renderers again (after the class path grew). */
    public static void reload() {
        cached = null;
    }

    static List<Renderer> all() {
        List<Renderer> list = cached;
        if (list != null) return list;
        list = new ArrayList<>();
        // The same provider may be listed twice (parent and child loader): ServiceLoader keeps the first.
        var iterator = ServiceLoader.load(Renderer.class, userLoader).iterator();
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
