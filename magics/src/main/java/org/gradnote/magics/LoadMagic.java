package org.gradnote.magics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code %load FILE.java|FILE.jsh|NOTEBOOK.ipynb}: evaluates the file's contents as if typed in the cell; for a
 * notebook, runs its code cells in order (magics included) and stops at the first that fails, naming it.
 */
final class LoadMagic implements Magic {
    /** Notebooks being loaded right now: one that loads itself (directly or not) would never end. */
    private final Set<Path> loading = new HashSet<>();

    public String name() {
        return "load";
    }

    public Kind kind() {
        return Kind.LINE;
    }

    public String usage() {
        return "%load FILE.java|FILE.jsh|NOTEBOOK.ipynb";
    }

    public String summary() {
        return "Evaluate a .java or .jsh file, or run a notebook's code cells, in the session.";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        List<String> args = MagicArgs.split(call.args());
        if (args.size() != 1) throw MagicUsageException.of(this, "needs exactly one FILE");
        String file = args.get(0);
        boolean notebook = file.endsWith(".ipynb");
        if (!file.endsWith(".java") && !file.endsWith(".jsh") && !notebook) {
            throw MagicUsageException.of(this, "FILE must end in .java, .jsh or .ipynb");
        }
        return new Invocation() {
            public void run(MagicContext context) throws Exception {
                Path path = context.workingDirectory().resolve(file);
                if (notebook) runNotebook(context, path, file);
                else context.eval(Files.readString(path));
            }

            public JavaEquivalent javaEquivalent() {
                try {
                    return notebook
                            ? notebookEquivalent(Path.of(file))
                            : JavaEquivalent.of(Files.readString(Path.of(file)));
                } catch (Exception e) {
                    return JavaEquivalent.none("cannot read " + file + ": " + e.getMessage());
                }
            }
        };
    }

    private void runNotebook(MagicContext context, Path path, String name) throws Exception {
        Path key = path.toAbsolutePath().normalize();
        synchronized (loading) {
            if (!loading.add(key)) throw new IllegalStateException(name + " is already being loaded (it loads itself)");
        }
        try {
            for (NotebookCode.Cell cell : NotebookCode.read(path)) {
                if (cell.source().isBlank()) continue;
                String where = name + " " + cell.describe();
                var error = context.runCell(cell.source(), where);
                if (error.isPresent()) {
                    var e = error.get();
                    List<String> traceback = new ArrayList<>();
                    traceback.add("%load " + name + ": stopped at " + cell.describe() + ", which failed:");
                    traceback.addAll(e.traceback());
                    throw new MagicFailure(where + " failed: " + e.ename() + ": " + e.evalue(), traceback);
                }
            }
        } finally {
            synchronized (loading) {
                loading.remove(key);
            }
        }
    }

    /** A notebook of plain Java exports as its code cells; one with magics needs exporting on its own. */
    private static JavaEquivalent notebookEquivalent(Path notebook) throws Exception {
        StringBuilder java = new StringBuilder();
        for (NotebookCode.Cell cell : NotebookCode.read(notebook)) {
            if (MagicParser.parse(cell.source()).stream().anyMatch(p -> p instanceof CellPart.MagicPart)) {
                return JavaEquivalent.none(notebook + " " + cell.describe() + " has a magic; export that notebook"
                        + " with %export and call its class instead");
            }
            java.append(cell.source().strip()).append('\n');
        }
        return JavaEquivalent.of(java.toString());
    }
}
