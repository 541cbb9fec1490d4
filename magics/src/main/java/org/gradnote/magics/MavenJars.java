package org.gradnote.magics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gradnote.magics.maven.ClasspathArtifacts;
import org.gradnote.magics.maven.ClasspathPlan;
import org.gradnote.magics.maven.Coordinates;

/** Adds resolved Maven jars to the class path and reports them, shared by {@code %maven} and {@code %%loadFromPOM}. */
final class MavenJars {
    private MavenJars() {}

    /**
     * Adds the jars of {@code resolved} not yet on the class path and prints what happened under {@code label}.
     *
     * @param requested {@code groupId:artifactId} of the libraries the user asked for (not their dependencies)
     */
    static void add(MagicContext context, String label, List<Coordinates> resolved, Set<String> requested) {
        ClasspathPlan plan = ClasspathPlan.of(resolved, ClasspathArtifacts.scan(context.classpath()));
        for (Coordinates c : resolved) {
            if (requested.contains(c.key())
                    && !plan.add().contains(c)
                    && !plan.present().contains(c)) {
                // A library asked for is itself loaded in another version: adding it would silently do nothing.
                String conflict = plan.conflicts().stream()
                        .filter(s -> s.startsWith(c + " "))
                        .findFirst()
                        .orElse(c.toString());
                throw new IllegalStateException(conflict + "; the loaded version stays in use");
            }
        }
        List<Path> jars = new ArrayList<>();
        for (Coordinates c : plan.add()) jars.add(Path.of(c.location()));
        if (!jars.isEmpty()) context.addToClasspath(jars);
        var out = context.out();
        out.printf("%s: added %d jar%s", label, jars.size(), jars.size() == 1 ? "" : "s");
        if (!plan.present().isEmpty())
            out.printf(", %d already on the class path", plan.present().size());
        out.println();
        for (Coordinates c : plan.add()) out.println("  + " + c);
        for (String conflict : plan.conflicts()) out.println("  version conflict (kept the loaded one): " + conflict);
    }
}
