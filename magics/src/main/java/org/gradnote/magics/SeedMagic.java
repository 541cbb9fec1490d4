package org.gradnote.magics;

import java.util.List;

/** {@code %seed N}: makes the session's random draws repeatable ({@code Gradnote.seed(N)}, like torch.manual_seed). */
final class SeedMagic implements Magic {
    public String name() {
        return "seed";
    }

    public Kind kind() {
        return Kind.LINE;
    }

    public String usage() {
        return "%seed N";
    }

    public String summary() {
        return "Seed gradnote's global random generator (init, dropout, shuffles).";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        List<String> args = MagicArgs.split(call.args());
        if (args.size() != 1) throw MagicUsageException.of(this, "needs exactly one seed");
        long seed;
        try {
            seed = Long.parseLong(args.get(0));
        } catch (NumberFormatException e) {
            throw MagicUsageException.of(this, "the seed must be a whole number, got '" + args.get(0) + "'");
        }
        return JavaInvocation.of("org.gradnote.Gradnote.seed(" + seed + "L);");
    }
}
