package org.gradnote.magics;

import java.util.List;
import javax.lang.model.SourceVersion;

/** {@code %summary MODEL}: prints a module's parameter table (names, shapes, counts, trainable). */
final class SummaryMagic implements Magic {
    public String name() {
        return "summary";
    }

    public Kind kind() {
        return Kind.LINE;
    }

    public String usage() {
        return "%summary MODEL";
    }

    public String summary() {
        return "Print a module's parameters: shapes, counts and what is trainable.";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        List<String> args = MagicArgs.split(call.args());
        if (args.size() != 1 || !SourceVersion.isName(args.get(0))) {
            throw MagicUsageException.of(this, "needs the name of one module variable");
        }
        return JavaInvocation.of("System.out.println(" + args.get(0) + ".summary());");
    }
}
