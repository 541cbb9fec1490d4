package org.gradnote.magics;

import java.util.List;
import java.util.Set;
import org.gradnote.magics.maven.Coordinates;
import org.gradnote.magics.maven.MavenSession;
import org.gradnote.magics.maven.Resolver;

/**
 * {@code %maven GROUP:ARTIFACT:VERSION...}: resolves the artifacts and their runtime dependencies (Maven Central and
 * the {@code %mavenRepo} repositories) and adds them to the class path, reporting version clashes with what is
 * already loaded instead of letting them fail later.
 */
final class MavenMagic implements Magic {
    private final MavenSession maven;

    MavenMagic(MavenSession maven) {
        this.maven = maven;
    }

    public String name() {
        return "maven";
    }

    public Kind kind() {
        return Kind.LINE;
    }

    public String usage() {
        return "%maven GROUP:ARTIFACT:VERSION...";
    }

    public String summary() {
        return "Add Maven artifacts and their dependencies to the class path.";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        List<String> coordinates = MagicArgs.split(call.args());
        if (coordinates.isEmpty()) throw MagicUsageException.of(this, "needs at least one GROUP:ARTIFACT:VERSION");
        for (String c : coordinates) {
            String[] parts = c.split(":");
            if (parts.length < 3 || parts.length > 5 || List.of(parts).stream().anyMatch(String::isBlank)) {
                throw MagicUsageException.of(this, "'" + c + "' is not GROUP:ARTIFACT:VERSION");
            }
        }
        return new Invocation() {
            public void run(MagicContext context) throws Exception {
                for (String c : coordinates) add(context, c);
            }

            public JavaEquivalent javaEquivalent() {
                // The exporter records the coordinates in the exported project's pom; the class keeps a pointer there.
                StringBuilder comment = new StringBuilder();
                for (String c : coordinates)
                    comment.append("// %maven ").append(c).append(": a dependency in notebooks-exported/pom.xml\n");
                return JavaEquivalent.build(comment.toString(), coordinates, List.of());
            }
        };
    }

    private void add(MagicContext context, String coordinates) throws Exception {
        List<Coordinates> resolved = Resolver.resolve(maven, coordinates);
        MavenJars.add(context, coordinates, resolved, Set.of(resolved.get(0).key()));
    }
}
