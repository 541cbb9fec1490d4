package org.gradnote.magics;

import java.util.List;

/** {@code %export NOTEBOOK [--out DIR] [--force]}: exports a notebook to a plain Java class, as {@code gradnote export}. */
final class ExportMagic implements Magic {
    public String name() {
        return "export";
    }

    public Kind kind() {
        return Kind.LINE;
    }

    public String usage() {
        return "%export NOTEBOOK.ipynb [--out DIR] [--force]";
    }

    public String summary() {
        return "Export a notebook to a plain Java class (as gradnote export).";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        List<String> args = MagicArgs.split(call.args());
        String notebook = null, out = null;
        boolean force = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--force")) force = true;
            else if (a.equals("--out") && i + 1 < args.size()) out = args.get(++i);
            else if (a.startsWith("--out=")) out = a.substring(6);
            else if (a.startsWith("-")) throw MagicUsageException.of(this, "unknown option " + a);
            else if (notebook == null) notebook = a;
            else throw MagicUsageException.of(this, "exports one NOTEBOOK at a time");
        }
        if (notebook == null || !notebook.endsWith(".ipynb"))
            throw MagicUsageException.of(this, "needs a NOTEBOOK.ipynb");
        String nb = notebook, dir = out;
        boolean overwrite = force;
        return new Invocation() {
            public void run(MagicContext context) throws Exception {
                context.out().println("Exported " + nb + " -> " + context.exportNotebook(nb, dir, overwrite));
            }

            public JavaEquivalent javaEquivalent() {
                return JavaEquivalent.none("exporting is done by the notebook tooling, not by the exported class");
            }
        };
    }
}
