package org.gradnote.magics;

/** {@code %whos}: a table of the session's variables with their types and values. */
final class WhosMagic implements Magic {
    private static final int VALUE_WIDTH = 60;

    public String name() {
        return "whos";
    }

    public Kind kind() {
        return Kind.LINE;
    }

    public String usage() {
        return "%whos";
    }

    public String summary() {
        return "Table of the session's variables: name, type, value.";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        if (!call.args().isEmpty()) throw MagicUsageException.of(this, "takes no arguments");
        return new Invocation() {
            public void run(MagicContext context) {
                var vars = context.variables();
                if (vars.isEmpty()) {
                    context.out().println("No variables defined.");
                    return;
                }
                int nameWidth = Math.max(
                        8, vars.stream().mapToInt(v -> v.name().length()).max().orElse(0));
                int typeWidth = Math.max(
                        4, vars.stream().mapToInt(v -> v.type().length()).max().orElse(0));
                String format = "%-" + nameWidth + "s  %-" + typeWidth + "s  %s%n";
                context.out().printf(format, "Variable", "Type", "Value");
                context.out().println("-".repeat(nameWidth + typeWidth + 4 + 5));
                for (var v : vars) context.out().printf(format, v.name(), v.type(), shorten(v.value()));
            }

            public JavaEquivalent javaEquivalent() {
                return JavaEquivalent.none("%whos inspects the notebook session");
            }
        };
    }

    private static String shorten(String value) {
        String oneLine = value == null ? "" : value.replace('\n', ' ');
        return oneLine.length() <= VALUE_WIDTH ? oneLine : oneLine.substring(0, VALUE_WIDTH - 1) + "…";
    }
}
