package org.gradnote.magics;

import java.util.stream.Collectors;

/** {@code %who}: the names of the variables defined in the session. */
final class WhoMagic implements Magic {
    public String name() {
        return "who";
    }

    public Kind kind() {
        return Kind.LINE;
    }

    public String usage() {
        return "%who";
    }

    public String summary() {
        return "List the session's variable names.";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        if (!call.args().isEmpty()) throw MagicUsageException.of(this, "takes no arguments");
        return new Invocation() {
            public void run(MagicContext context) {
                var vars = context.variables();
                context.out()
                        .println(
                                vars.isEmpty()
                                        ? "No variables defined."
                                        : vars.stream()
                                                .map(MagicContext.Variable::name)
                                                .collect(Collectors.joining("\t")));
            }

            public JavaEquivalent javaEquivalent() {
                return JavaEquivalent.none("%who inspects the notebook session");
            }
        };
    }
}
