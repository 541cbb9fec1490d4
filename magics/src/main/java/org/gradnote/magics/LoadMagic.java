package org.gradnote.magics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code %load FILE.java|FILE.jsh}: evaluates the file's contents as if typed in the cell. */
final class LoadMagic implements Magic {
    public String name() { return "load"; }
    public Kind kind() { return Kind.LINE; }
    public String usage() { return "%load FILE.java|FILE.jsh"; }
    public String summary() { return "Evaluate a .java or .jsh file in the session."; }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        List<String> args = MagicArgs.split(call.args());
        if (args.size() != 1) throw MagicUsageException.of(this, "needs exactly one FILE");
        String file = args.get(0);
        if (!file.endsWith(".java") && !file.endsWith(".jsh")) {
            throw MagicUsageException.of(this, "FILE must end in .java or .jsh");
        }
        return new Invocation() {
            public void run(MagicContext context) throws Exception {
                context.eval(Files.readString(context.workingDirectory().resolve(file)));
            }

            public JavaEquivalent javaEquivalent() {
                try {
                    return JavaEquivalent.of(Files.readString(Path.of(file)));
                } catch (Exception e) {
                    return JavaEquivalent.none("cannot read " + file + ": " + e.getMessage());
                }
            }
        };
    }
}
