package org.gradnote.kernel.export;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import org.gradnote.kernel.jshell.SnippetSource;

/**
 * Stage 4: classifies each cell's snippets with JShell's own source analysis, in a JShell that is given only
 * declarations (imports, members, field stubs without initializers), so nothing of the notebook runs. Imports are
 * hoisted; methods and types become static members (all of them are defined first, as JShell lets a cell call a
 * method declared further down); variables become static fields and their initializers assignments; a cell's last
 * expression becomes a display call. A variable redeclared with another type gets one field per type, the
 * earlier ones renamed {@code name_v1, name_v2...} in the cells that saw them.
 */
public final class SnippetClassifier implements AutoCloseable {
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final Declarators declarators = new Declarators();

    public SnippetClassifier(List<String> classPath, List<String> imports) {
        PrintStream sink = new PrintStream(java.io.OutputStream.nullOutputStream());
        shell = JShell.builder()
                .executionEngine("local")
                .out(sink)
                .err(sink)
                .compilerOptions("--class-path", String.join(File.pathSeparator, classPath))
                .build();
        analysis = shell.sourceCodeAnalysis();
        imports.forEach(shell::eval);
    }

    public ClassifiedNotebook classify(String file, List<TranslatedCell> cells) throws ExportException {
        Set<String> imports = new LinkedHashSet<>();
        Map<String, int[]> lastDefinition = new HashMap<>();
        List<List<String>> snippetsByCell = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            List<String> texts = SnippetSource.split(analysis, cells.get(c).java()).stream()
                    .map(SnippetSource::text)
                    .toList();
            snippetsByCell.add(texts);
            for (int s = 0; s < texts.size(); s++) {
                Snippet sn = first(texts.get(s));
                if (sn == null) continue;
                if (sn.kind() == Snippet.Kind.IMPORT) {
                    imports.add(texts.get(s).strip());
                    shell.eval(texts.get(s));
                } else if (isMember(sn)) {
                    lastDefinition.put(memberKey(sn), new int[] {c, s});
                    members.add(texts.get(s));
                }
            }
        }
        members.forEach(shell::eval);
        Variables vars = new Variables();
        List<List<Statement>> statements = new ArrayList<>();
        List<List<String>> cellMembers = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            TranslatedCell cell = cells.get(c);
            List<Statement> body = new ArrayList<>();
            List<String> mem = new ArrayList<>();
            List<String> texts = snippetsByCell.get(c);
            for (int s = 0; s < texts.size(); s++) {
                String text = texts.get(s).strip();
                List<Snippet> sns = analysis.sourceToSnippets(text);
                Snippet sn = sns.isEmpty() ? null : sns.get(0);
                boolean last = s == texts.size() - 1 && !cell.endsWithMagic();
                if (sn == null) {
                    body.add(vars.statement(asStatement(text)));
                } else if (sn.kind() == Snippet.Kind.IMPORT) {
                    // hoisted
                } else if (isMember(sn)) {
                    int[] where = lastDefinition.get(memberKey(sn));
                    if (where[0] == c && where[1] == s) mem.add(Members.staticize(text));
                    else
                        mem.add("// " + memberKey(sn)
                                + " is redefined in a later cell; the class keeps that definition");
                } else if (sn.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                        || sn.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND) {
                    // A comment ending the line stays after the call, not inside it: "x // rows" must not
                    // become "Notebook.display(x // rows);".
                    TrailingComment tc = TrailingComment.of(text.strip());
                    String expr = stripSemicolon(tc.code());
                    body.add(vars.statement(
                            (last ? "Notebook.display(" : "Notebook.discard(") + expr + ");" + tc.suffix()));
                } else if (sn.kind() == Snippet.Kind.VAR) {
                    declare(file, cell, text, sns, vars, body, mem);
                } else {
                    body.add(vars.statement(asStatement(text)));
                }
            }
            statements.add(body);
            cellMembers.add(mem);
        }
        List<ClassifiedNotebook.CellCode> out = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            List<String> rendered =
                    statements.get(c).stream().map(vars::resolve).toList();
            out.add(new ClassifiedNotebook.CellCode(cells.get(c), List.copyOf(cellMembers.get(c)), rendered));
        }
        return new ClassifiedNotebook(List.copyOf(imports), vars.fields(), out);
    }

    private void declare(
            String file,
            TranslatedCell cell,
            String text,
            List<Snippet> sns,
            Variables vars,
            List<Statement> body,
            List<String> mem)
            throws ExportException {
        Map<String, Declarators.Declarator> parsed = declarators.parse(text);
        boolean parameter = cell.selected().directives().parameters();
        for (Snippet s : sns) {
            VarSnippet v = (VarSnippet) s;
            String type = v.typeName();
            if (type.startsWith("<anonymous class ")
                    && parsed.get(v.name()) != null
                    && parsed.get(v.name()).initializer() != null) {
                // var x = new Object() { ... }: JShell runs it, so export must too: the anonymous class gets a name.
                AnonymousClass named = AnonymousClass.of(
                                v.name(), type, parsed.get(v.name()).initializer())
                        .orElseThrow(
                                () -> ExportException.atCell(
                                        file,
                                        cell.cell(),
                                        "cannot export variable '" + v.name()
                                                + "' of an anonymous class created with constructor arguments; declare a named class"));
                mem.add(named.declaration());
                for (SnippetEvent e : shell.eval(named.declaration())) {
                    if (e.status() == Snippet.Status.REJECTED) {
                        throw ExportException.atCell(
                                file,
                                cell.cell(),
                                "cannot name the anonymous class of '" + v.name() + "' (" + type
                                        + "); declare a named class");
                    }
                }
                boolean redeclared =
                        vars.declare(v.name(), named.name(), cell.cell().id(), parameter, named.creation());
                if (parameter && redeclared) {
                    throw ExportException.atCell(file, cell.cell(), "parameter '" + v.name() + "' is declared twice");
                }
                if (!parameter) body.add(vars.statement(v.name() + " = " + named.creation() + ";"));
                shell.eval(named.name() + " " + v.name() + ";");
                continue;
            }
            if (type.isEmpty() || type.contains("<anonymous") || type.contains("capture#")) {
                throw ExportException.atCell(
                        file,
                        cell.cell(),
                        "cannot give variable '" + v.name() + "' a field type (JShell infers '" + type
                                + "'); declare it with an explicit type");
            }
            Declarators.Declarator d = parsed.get(v.name());
            if (d == null)
                throw ExportException.atCell(file, cell.cell(), "cannot parse the declaration of '" + v.name() + "'");
            String init =
                    d.initializer() == null ? null : (d.arrayLiteral() ? "new " + type + " " : "") + d.initializer();
            boolean redeclared = vars.declare(v.name(), type, cell.cell().id(), parameter, init);
            if (parameter) {
                if (redeclared)
                    throw ExportException.atCell(file, cell.cell(), "parameter '" + v.name() + "' is declared twice");
            } else if (init != null) {
                body.add(vars.statement(v.name() + " = " + init + ";"));
            } else if (redeclared) {
                body.add(vars.statement(v.name() + " = " + Members.defaultValue(type) + ";"));
            }
            for (SnippetEvent e : shell.eval(type + " " + v.name() + ";")) {
                if (e.status() == Snippet.Status.REJECTED) {
                    throw ExportException.atCell(
                            file, cell.cell(), "type '" + type + "' of '" + v.name() + "' cannot be declared");
                }
            }
        }
    }

    private Snippet first(String text) {
        List<Snippet> sns = analysis.sourceToSnippets(text);
        return sns.isEmpty() ? null : sns.get(0);
    }

    private static boolean isMember(Snippet sn) {
        return sn.kind() == Snippet.Kind.METHOD || sn.kind() == Snippet.Kind.TYPE_DECL;
    }

    private static String memberKey(Snippet sn) {
        if (sn instanceof MethodSnippet m) return m.name() + "(" + m.parameterTypes() + ")";
        return ((jdk.jshell.DeclarationSnippet) sn).name();
    }

    static String stripSemicolon(String text) {
        String t = text.strip();
        while (t.endsWith(";")) t = t.substring(0, t.length() - 1).strip();
        return t;
    }

    static String asStatement(String text) {
        TrailingComment tc = TrailingComment.of(text.strip());
        String t = tc.code();
        return (t.endsWith(";") || t.endsWith("}") ? t : t + ";") + tc.suffix();
    }

    @Override
    public void close() {
        shell.close();
    }

    /** A step statement with the generation of each variable it saw, for renaming redeclared variables. */
    record Statement(String text, Map<String, Integer> generations) {}
}
