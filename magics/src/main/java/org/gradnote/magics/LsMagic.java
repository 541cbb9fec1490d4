package org.gradnote.magics;

/** {@code %lsmagic}: lists every magic with its usage. */
final class LsMagic implements Magic {
    public String name() {
        return "lsmagic";
    }

    public Kind kind() {
        return Kind.LINE;
    }

    public String usage() {
        return "%lsmagic";
    }

    public String summary() {
        return "List the available magics.";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        if (!call.args().isEmpty()) throw MagicUsageException.of(this, "takes no arguments");
        return new Invocation() {
            public void run(MagicContext context) {
                for (Magic m : context.registry().all()) {
                    context.out().printf("%-40s %s%n", m.usage(), m.summary());
                }
            }

            public JavaEquivalent javaEquivalent() {
                return JavaEquivalent.none("%lsmagic only describes the notebook kernel");
            }
        };
    }
}
