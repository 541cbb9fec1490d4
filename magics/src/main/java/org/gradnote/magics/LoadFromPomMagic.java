package org.gradnote.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gradnote.magics.maven.MavenSession;
import org.gradnote.magics.maven.PomDependency;
import org.gradnote.magics.maven.PomFragment;
import org.gradnote.magics.maven.Resolver;

/**
 * {@code %%loadFromPOM}: the cell body is a POM (or just its {@code <dependencies>}/{@code <dependency>} and
 * {@code <repositories>} elements); its dependencies are resolved like {@code %maven}'s and added to the class path.
 */
final class LoadFromPomMagic implements Magic {
    private final MavenSession maven;

    LoadFromPomMagic(MavenSession maven) {
        this.maven = maven;
    }

    public String name() {
        return "loadFromPOM";
    }

    public Kind kind() {
        return Kind.CELL;
    }

    public String usage() {
        return "%%loadFromPOM (cell body: a POM, or <dependency>/<repository> elements)";
    }

    public String summary() {
        return "Add the dependencies of a POM fragment and theirs to the class path.";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        if (!call.args().isBlank()) throw MagicUsageException.of(this, "takes no arguments");
        PomFragment pom;
        try {
            pom = PomFragment.parse(call.body());
        } catch (IllegalArgumentException e) {
            throw MagicUsageException.of(this, e.getMessage());
        }
        List<PomDependency> wanted = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (PomDependency d : pom.dependencies()) {
            // Test and system scopes never reach a build's runtime class path either.
            if (d.scope().equals("test") || d.scope().equals("system")) skipped.add(d + " (" + d.scope() + ")");
            else wanted.add(d);
        }
        String listed = wanted.stream().map(PomDependency::toString).collect(Collectors.joining(", "));
        return new Invocation() {
            public void run(MagicContext context) throws Exception {
                for (String s : skipped) context.out().println("skipped " + s);
                if (wanted.isEmpty()) return;
                var resolved = Resolver.resolve(maven, wanted, pom.repositories());
                Set<String> requested = wanted.stream().map(PomDependency::key).collect(Collectors.toSet());
                MavenJars.add(context, listed, resolved, requested);
            }

            public JavaEquivalent javaEquivalent() {
                // Exported like %maven: a pointer in the class, the coordinates in notebooks-exported/pom.xml.
                // Type, classifier and exclusions are not carried over: the generated block lists
                // group:artifact:version.
                List<String> coords =
                        wanted.stream().map(PomDependency::toString).toList();
                List<String> repos = pom.repositories().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .toList();
                StringBuilder comment = new StringBuilder();
                for (String c : coords)
                    comment.append("// %%loadFromPOM ")
                            .append(c)
                            .append(": a dependency in notebooks-exported/pom.xml\n");
                return JavaEquivalent.build(comment.toString(), coords, repos);
            }
        };
    }
}
