package org.gradnote.kernel.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gradnote.magics.maven.Coordinates;
import org.gradnote.magics.maven.MavenSession;
import org.gradnote.magics.maven.Resolver;

/**
 * The class path an exported class compiles against: the notebook class path plus the jars of the notebook's
 * {@code %maven} dependencies, resolved by the same resolver and cache {@code %maven} uses in the kernel.
 */
public final class DependencyClassPath {
    private final MavenSession maven;

    public DependencyClassPath(MavenSession maven) {
        this.maven = maven;
    }

    public List<String> of(String notebook, List<String> base, MavenNeeds needs) throws ExportException {
        if (needs.dependencies().isEmpty()) return base;
        for (String r : needs.repositories()) {
            String[] p = r.split(" ", 2);
            maven.addRepository(p[0], p[1]);
        }
        // The module's own libraries come first, as in the kernel, where they are loaded before any %maven jar.
        Set<String> out = new LinkedHashSet<>(base);
        for (String c : needs.dependencies()) {
            List<Coordinates> jars;
            try {
                jars = Resolver.resolve(maven, c);
            } catch (Exception e) {
                throw new ExportException(
                        notebook + ": cannot resolve %maven " + c + " to compile the exported class: " + e.getMessage(),
                        e);
            }
            for (Coordinates j : jars) out.add(j.location());
        }
        return new ArrayList<>(out);
    }
}
