package org.gradnote.magics;

import java.util.List;

/**
 * {@code %grid NOTEBOOK --param NAME=v1,v2 ...}: runs {@code gradnote grid} in its own process, its progress table
 * updated in place and the summary charts at the end; exported as {@code GridRun.show("NOTEBOOK", "--param", ...)}.
 */
final class GridMagic implements Magic {
    public String name() {
        return "grid";
    }

    public Kind kind() {
        return Kind.LINE;
    }

    public String usage() {
        return "%grid NOTEBOOK.ipynb|CLASS --param NAME=v1,v2,... [--seeds A..B] [--master local[N]] [--out DIR] ...";
    }

    public String summary() {
        return "Run a grid of experiments over a notebook's parameters on Apache Spark (gradnote grid).";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        List<String> args = MagicArgs.split(call.args());
        if (args.isEmpty() || args.get(0).startsWith("-"))
            throw MagicUsageException.of(this, "needs a NOTEBOOK.ipynb or CLASS first");
        StringBuilder code = new StringBuilder("org.gradnote.plots.notebook.GridRun.show(");
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) code.append(", ");
            code.append('"')
                    .append(args.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return JavaInvocation.of(code.append(");").toString());
    }
}
