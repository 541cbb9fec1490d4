package org.gradnote.kernel.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage 5: writes the class. Deterministic: the output depends only on the classified cells, so the same notebook
 * always gives the same bytes. Each cell's members and step follow a {@code // %% notebook #cellId} marker.
 */
public final class JavaRenderer {
    static final String INDENT = "    ";

    /** @param className fully qualified */
    public String render(
            NotebookFile notebook, String className, List<String> defaultImports, ClassifiedNotebook code) {
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : className.substring(0, dot), simple = className.substring(dot + 1);
        StringBuilder b = new StringBuilder();
        if (!pkg.isEmpty()) b.append("package ").append(pkg).append(";\n\n");
        List<String> imports = new ArrayList<>(defaultImports);
        imports.add("import org.gradnote.plots.notebook.Notebook;");
        imports.add("import org.gradnote.plots.notebook.NotebookStep;");
        imports.add("import org.gradnote.plots.notebook.Param;");
        for (String i : code.imports()) if (!imports.contains(i)) imports.add(i);
        imports.forEach(i -> b.append(i).append('\n'));
        b.append("\n/** The cells of {@code ")
                .append(notebook.displayPath())
                .append("} as a class: run it with {@code gradnote run}. */\n");
        b.append("@SuppressWarnings(\"all\")\n");
        b.append("public final class ").append(simple).append(" {\n");
        b.append(INDENT)
                .append("static final String NOTEBOOK = ")
                .append(org.gradnote.magics.MagicArgs.javaLiteral(notebook.displayPath()))
                .append(";\n");
        fields(b, code);
        List<String> steps = new ArrayList<>();
        for (ClassifiedNotebook.CellCode cell : code.cells()) {
            b.append('\n')
                    .append(INDENT)
                    .append("// %% ")
                    .append(notebook.displayPath())
                    .append(" #")
                    .append(cell.cell().cell().id())
                    .append('\n');
            // Read back by ExportedNeeds to build the pom's dependency block from every exported class.
            for (String d : cell.cell().dependencies())
                b.append(INDENT).append(MavenNeeds.DEPENDENCY).append(d).append('\n');
            for (String r : cell.cell().repositories())
                b.append(INDENT).append(MavenNeeds.REPOSITORY).append(r).append('\n');
            for (int i = 0; i < cell.members().size(); i++) {
                b.append(i > 0 ? "\n" : "")
                        .append(indent(cell.members().get(i), 1))
                        .append('\n');
            }
            if (cell.statements().isEmpty()) continue;
            if (!cell.members().isEmpty()) b.append('\n');
            String method = stepName(cell.cell().cell());
            long timeout = cell.cell().selected().directives().timeoutMillis();
            var raises = cell.cell().selected().directives().raises();
            // A script treats the expected exception as replay does (reported, the run goes on): it needs the type.
            String tail = raises.isPresent()
                    ? ", " + timeout + "L, " + org.gradnote.magics.MagicArgs.javaLiteral(raises.get())
                    : timeout > 0 ? ", " + timeout + "L" : "";
            steps.add("new NotebookStep("
                    + org.gradnote.magics.MagicArgs.javaLiteral(
                            cell.cell().cell().id()) + ", " + simple + "::" + method + tail + ")");
            b.append(INDENT).append("static void ").append(method).append("() throws Throwable {\n");
            for (String s : cell.statements()) b.append(indent(s, 2)).append('\n');
            b.append(INDENT).append("}\n");
        }
        b.append('\n')
                .append(INDENT)
                .append("/** The cells in notebook order, one step each, for {@code gradnote replay}. */\n");
        b.append(INDENT).append("public static java.util.List<NotebookStep> steps() {\n");
        b.append(INDENT).append(INDENT).append("return java.util.List.of(");
        for (int i = 0; i < steps.size(); i++) {
            b.append(i == 0 ? "\n" : ",\n").append(INDENT.repeat(4)).append(steps.get(i));
        }
        b.append(");\n").append(INDENT).append("}\n\n");
        b.append(INDENT).append("public static void main(String[] args) {\n");
        b.append(INDENT)
                .append(INDENT)
                .append("org.gradnote.plots.notebook.NotebookRun.main(")
                .append(simple)
                .append(".class, ")
                .append(org.gradnote.magics.MagicArgs.javaLiteral(notebook.baseName()))
                .append(", args);\n");
        b.append(INDENT).append("}\n}\n");
        return b.toString();
    }

    private static void fields(StringBuilder b, ClassifiedNotebook code) {
        List<ClassifiedNotebook.Field> params = code.fields().stream()
                .filter(ClassifiedNotebook.Field::parameter)
                .toList();
        List<ClassifiedNotebook.Field> vars =
                code.fields().stream().filter(f -> !f.parameter()).toList();
        if (!params.isEmpty()) {
            b.append('\n').append(INDENT).append("// Parameters: --name=value arguments of main and gradnote run.\n");
            for (var f : params) {
                b.append(INDENT)
                        .append("@Param static ")
                        .append(f.type())
                        .append(' ')
                        .append(f.name())
                        .append(f.initializer() == null ? "" : " = " + f.initializer())
                        .append("; // #")
                        .append(f.cellId())
                        .append('\n');
            }
        }
        if (!vars.isEmpty()) {
            b.append('\n')
                    .append(INDENT)
                    .append("// Top-level variables of the cells (the cell that declares each).\n");
            for (var f : vars) {
                b.append(INDENT)
                        .append("static ")
                        .append(f.type())
                        .append(' ')
                        .append(f.name())
                        .append("; // #")
                        .append(f.cellId())
                        .append('\n');
            }
        }
    }

    /** {@code cell03_<id>}: the position keeps methods in order, the id ties them to the notebook. */
    static String stepName(NotebookCell cell) {
        return String.format(
                java.util.Locale.ROOT,
                "cell%02d_%s",
                cell.index() + 1,
                cell.id().replaceAll("[^A-Za-z0-9_]", "_"));
    }

    static String indent(String text, int levels) {
        String pad = INDENT.repeat(levels);
        StringBuilder b = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) b.append('\n');
            if (!lines[i].isBlank()) b.append(pad).append(lines[i].stripTrailing());
        }
        return b.toString();
    }
}
