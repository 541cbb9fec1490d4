package org.gradnote.kernel.export;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.gradnote.kernel.jshell.ClassPaths;
import org.gradnote.magics.MagicRegistry;

/** Test notebooks under {@code src/test/resources/export} and an exporter on the test class path. */
final class Fixtures {
    private Fixtures() {}

    static Path notebook(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/export/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Exporter exporter() {
        return new Exporter(ClassPaths.ofKernel(), MagicRegistry.standard());
    }
}
