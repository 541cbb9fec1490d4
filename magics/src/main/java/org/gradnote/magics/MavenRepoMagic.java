package org.gradnote.magics;

import java.net.URI;
import java.util.List;
import org.gradnote.magics.maven.MavenSession;

/** {@code %mavenRepo ID URL}: adds a repository {@code %maven} resolves from; without arguments lists them. */
final class MavenRepoMagic implements Magic {
    private final MavenSession maven;

    MavenRepoMagic(MavenSession maven) {
        this.maven = maven;
    }

    public String name() {
        return "mavenRepo";
    }

    public Kind kind() {
        return Kind.LINE;
    }

    public String usage() {
        return "%mavenRepo [ID URL]";
    }

    public String summary() {
        return "Add a Maven repository for %maven (no argument: list them).";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        List<String> args = MagicArgs.split(call.args());
        if (args.size() != 0 && args.size() != 2)
            throw MagicUsageException.of(this, "needs an ID and a URL, or nothing");
        if (args.size() == 2) {
            String scheme;
            try {
                scheme = URI.create(args.get(1)).getScheme();
            } catch (IllegalArgumentException e) {
                scheme = null;
            }
            if (scheme == null || !List.of("https", "http", "file").contains(scheme)) {
                throw MagicUsageException.of(this, "'" + args.get(1) + "' is not an http(s) or file URL");
            }
        }
        return new Invocation() {
            public void run(MagicContext context) {
                if (args.size() == 2) maven.addRepository(args.get(0), args.get(1));
                maven.orderedRepositories().forEach(r -> context.out().println(r.getKey() + "  " + r.getValue()));
            }

            public JavaEquivalent javaEquivalent() {
                if (args.isEmpty())
                    return JavaEquivalent.of("// %mavenRepo (listing the repositories) has nothing to export\n");
                return JavaEquivalent.build(
                        "// %mavenRepo " + args.get(0) + " " + args.get(1)
                                + ": a repository in notebooks-exported/pom.xml\n",
                        List.of(),
                        List.of(args.get(0) + " " + args.get(1)));
            }
        };
    }
}
