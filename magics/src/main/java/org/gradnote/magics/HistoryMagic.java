package org.gradnote.magics;

import java.util.List;

/** {@code %history [-n] [-l N | START[-END]]}: prints the session's inputs. */
final class HistoryMagic implements Magic {
    public String name() {
        return "history";
    }

    public Kind kind() {
        return Kind.LINE;
    }

    public String usage() {
        return "%history [-n] [-l LAST | START[-END]]";
    }

    public String summary() {
        return "Print inputs of this session (-n: with execution numbers).";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        List<String> tokens = MagicArgs.split(call.args());
        boolean numbered = false;
        int last = -1, start = 1, end = Integer.MAX_VALUE;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("-n")) {
                numbered = true;
            } else if (t.equals("-l")) {
                if (i + 1 >= tokens.size()) throw MagicUsageException.of(this, "-l needs a count");
                last = MagicArgs.positiveInt(this, "-l", tokens.get(++i));
            } else if (t.matches("\\d+(-\\d+)?")) {
                String[] bounds = t.split("-");
                start = Integer.parseInt(bounds[0]);
                end = bounds.length > 1 ? Integer.parseInt(bounds[1]) : start;
            } else {
                throw MagicUsageException.of(this, "unexpected argument '" + t + "'");
            }
        }
        final boolean withNumbers = numbered;
        final int lastN = last, from = start, to = end;
        return new Invocation() {
            public void run(MagicContext context) {
                List<MagicContext.HistoryEntry> all = context.history();
                List<MagicContext.HistoryEntry> chosen = lastN > 0
                        ? all.subList(Math.max(0, all.size() - lastN), all.size())
                        : all.stream()
                                .filter(e -> e.executionCount() >= from && e.executionCount() <= to)
                                .toList();
                for (var e : chosen) {
                    context.out().println(withNumbers ? e.executionCount() + ": " + e.input() : e.input());
                }
            }

            public JavaEquivalent javaEquivalent() {
                return JavaEquivalent.none("%history inspects the notebook session");
            }
        };
    }
}
