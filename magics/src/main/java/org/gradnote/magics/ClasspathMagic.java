package org.gradnote.magics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %classpath GLOB...} adds jars or class directories; {@code %jars GLOB...} adds jars only. Without arguments,
 * {@code %classpath} prints the current class path.
 */
final class ClasspathMagic implements Magic {
    private final String name;
    private final boolean jarsOnly;

    ClasspathMagic(String name, boolean jarsOnly) {
        this.name = name;
        this.jarsOnly = jarsOnly;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return Kind.LINE;
    }

    public String usage() {
        return "%" + name + (jarsOnly ? " GLOB..." : " [GLOB...]");
    }

    public String summary() {
        return jarsOnly
                ? "Add jar files matching the globs to the class path."
                : "Add jars/class directories matching the globs to the class path (no argument: print it).";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        List<String> globs = MagicArgs.split(call.args());
        if (jarsOnly && globs.isEmpty()) throw MagicUsageException.of(this, "needs at least one GLOB");
        return new Invocation() {
            public void run(MagicContext context) throws Exception {
                if (globs.isEmpty()) {
                    context.classpath().forEach(context.out()::println);
                    return;
                }
                List<Path> added = new ArrayList<>();
                for (String glob : globs) {
                    List<Path> matches = Globs.resolve(glob, context.workingDirectory()).stream()
                            .filter(p -> !jarsOnly || p.toString().endsWith(".jar"))
                            .toList();
                    if (matches.isEmpty()) throw new IllegalArgumentException("%" + name + ": no match for " + glob);
                    added.addAll(matches);
                }
                context.addToClasspath(added);
                context.out().println("Added " + added.size() + " class path entr" + (added.size() == 1 ? "y" : "ies"));
            }

            public JavaEquivalent javaEquivalent() {
                return JavaEquivalent.none("class path entries belong in the exported project's build file");
            }
        };
    }
}
