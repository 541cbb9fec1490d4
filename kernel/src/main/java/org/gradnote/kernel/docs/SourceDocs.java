package org.gradnote.kernel.docs;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The documentation comments of a Java source file's API, read by parsing alone (no class path, no attribution), so
 * it is fast and works on any source: gradnote's own at build time, the JDK's {@code src.zip} at run time.
 */
public final class SourceDocs {

    private SourceDocs() {}

    /**
     * One documented (or undocumented) API member.
     *
     * @param type the declaring type's canonical name, e.g. {@code org.gradnote.tensor.Tensor} or
     *             {@code java.util.Map.Entry}
     * @param kind {@code class}, {@code interface}, {@code enum}, {@code record}, {@code annotation},
     *             {@code method}, {@code constructor}, {@code field} or {@code constant}
     * @param name the member's simple name (a type's simple name for types and constructors)
     * @param params the parameters' erased simple type names ({@code long...}, {@code Tensor}, {@code int[]});
     *               empty for types and fields
     * @param signature the declaration as written, without body or annotations, e.g.
     *                  {@code public static Tensor zeros(long... shape)}
     * @param doc the doc comment's text without its {@code /**} frame and leading asterisks; empty when missing
     * @param line the 1-based line of the declaration, for error messages
     * @param overrides whether the method carries {@code @Override} (its doc is inherited, so none is required)
     */
    public record Member(
            String type,
            String kind,
            String name,
            List<String> params,
            String signature,
            String doc,
            long line,
            boolean overrides) {

        /** The lookup key {@code type#name(params)}, e.g. {@code org.gradnote.tensor.Tensor#zeros(long...)}. */
        public String key() {
            return kind.equals("method") || kind.equals("constructor")
                    ? type + "#" + name + "(" + String.join(",", params) + ")"
                    : kind.equals("field") || kind.equals("constant") ? type + "#" + name : type;
        }
    }

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    /**
     * Parses {@code source} (the text of one compilation unit named {@code fileName}) and returns its public and
     * protected members, types included, in source order; members of non-public types and of types nested in them
     * are left out, as are those of interfaces' private parts.
     */
    public static List<Member> parse(String fileName, String source) {
        JavaFileObject file =
                new SimpleJavaFileObject(URI.create("string:///" + fileName), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                };
        JavacTask task = (JavacTask)
                JAVAC.getTask(null, null, d -> {}, List.of("-proc:none", "--release", "17"), null, List.of(file));
        DocTrees docTrees = DocTrees.instance(task);
        List<Member> out = new ArrayList<>();
        try {
            for (CompilationUnitTree unit : task.parse()) {
                String pkg = unit.getPackageName() == null
                        ? ""
                        : unit.getPackageName().toString();
                new Scanner(unit, source, pkg, docTrees, out).scan(unit, null);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse " + fileName + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final CompilationUnitTree unit;
        private final String source;
        private final DocTrees docTrees;
        private final List<Member> out;
        private final List<String> typeNames = new ArrayList<>();
        private final List<Boolean> interfaces = new ArrayList<>();

        Scanner(CompilationUnitTree unit, String source, String pkg, DocTrees docTrees, List<Member> out) {
            this.unit = unit;
            this.source = source;
            this.docTrees = docTrees;
            this.out = out;
            typeNames.add(pkg);
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
            boolean inInterface = !interfaces.isEmpty() && interfaces.get(interfaces.size() - 1);
            if (!visible(tree.getModifiers(), inInterface)) return null;
            String outer = typeNames.get(typeNames.size() - 1);
            String name = outer.isEmpty() ? tree.getSimpleName().toString() : outer + "." + tree.getSimpleName();
            String kind = switch (tree.getKind()) {
                case INTERFACE -> "interface";
                case ENUM -> "enum";
                case RECORD -> "record";
                case ANNOTATION_TYPE -> "annotation";
                default -> "class";
            };
            add(name, kind, tree.getSimpleName().toString(), List.of(), header(tree), false);
            typeNames.add(name);
            interfaces.add(tree.getKind() == Tree.Kind.INTERFACE || tree.getKind() == Tree.Kind.ANNOTATION_TYPE);
            try {
                for (Tree member : tree.getMembers()) {
                    if (member instanceof ClassTree) scan(member, null);
                    else if (member instanceof MethodTree m) method(new TreePath(getCurrentPath(), m), m, name, tree);
                    else if (member instanceof VariableTree v) field(new TreePath(getCurrentPath(), v), v, name, tree);
                }
            } finally {
                typeNames.remove(typeNames.size() - 1);
                interfaces.remove(interfaces.size() - 1);
            }
            return null;
        }

        private void method(TreePath path, MethodTree m, String type, ClassTree owner) {
            boolean inInterface =
                    owner.getKind() == Tree.Kind.INTERFACE || owner.getKind() == Tree.Kind.ANNOTATION_TYPE;
            boolean constructor = m.getName().contentEquals("<init>");
            if (!visible(m.getModifiers(), inInterface)) return;
            // A record's compact or canonical constructor and javac's implicit ones have no source position worth
            // documenting separately from the record.
            if (constructor && owner.getKind() == Tree.Kind.RECORD) return;
            if (constructor && owner.getKind() == Tree.Kind.ENUM) return;
            List<String> params = new ArrayList<>();
            for (VariableTree p : m.getParameters())
                params.add(erasure(p.getType().toString()));
            if (varargs(m) && !params.isEmpty()) {
                String last = params.get(params.size() - 1);
                if (last.endsWith("[]")) params.set(params.size() - 1, last.substring(0, last.length() - 2) + "...");
            }
            boolean overrides = m.getModifiers().getAnnotations().stream()
                    .anyMatch(a -> a.getAnnotationType().toString().endsWith("Override"));
            String name =
                    constructor ? owner.getSimpleName().toString() : m.getName().toString();
            out.add(new Member(
                    type,
                    constructor ? "constructor" : "method",
                    name,
                    params,
                    header(m),
                    doc(path),
                    line(m),
                    overrides));
        }

        private void field(TreePath path, VariableTree v, String type, ClassTree owner) {
            boolean inInterface =
                    owner.getKind() == Tree.Kind.INTERFACE || owner.getKind() == Tree.Kind.ANNOTATION_TYPE;
            if (owner.getKind() == Tree.Kind.RECORD
                    && !v.getModifiers().getFlags().contains(Modifier.STATIC)) return;
            // An enum constant's tree starts at its name: it has no modifiers or type of its own in the source.
            long start = docTrees.getSourcePositions().getStartPosition(unit, v);
            boolean constant = owner.getKind() == Tree.Kind.ENUM
                    && start >= 0
                    && source.startsWith(v.getName().toString(), (int) start);
            if (!constant && !visible(v.getModifiers(), inInterface)) return;
            String sig = constant ? v.getName().toString() : header(v);
            out.add(new Member(
                    type,
                    constant ? "constant" : "field",
                    v.getName().toString(),
                    List.of(),
                    sig,
                    doc(path),
                    line(v),
                    false));
        }

        private void add(String type, String kind, String name, List<String> params, String sig, boolean overrides) {
            out.add(new Member(
                    type,
                    kind,
                    name,
                    params,
                    sig,
                    doc(getCurrentPath()),
                    line(getCurrentPath().getLeaf()),
                    overrides));
        }

        private String doc(TreePath path) {
            String raw = docTrees.getDocComment(path);
            if (raw == null) return "";
            return raw.strip();
        }

        private long line(Tree tree) {
            long pos = docTrees.getSourcePositions().getStartPosition(unit, tree);
            return pos < 0 ? 0 : unit.getLineMap().getLineNumber(pos);
        }

        /** The declaration's text from its modifiers (annotations dropped) to its body or initializer. */
        private String header(Tree tree) {
            var positions = docTrees.getSourcePositions();
            long start = positions.getStartPosition(unit, tree);
            ModifiersTree mods = tree instanceof ClassTree c
                    ? c.getModifiers()
                    : tree instanceof MethodTree m ? m.getModifiers() : ((VariableTree) tree).getModifiers();
            long afterAnnotations = start;
            for (var a : mods.getAnnotations())
                afterAnnotations = Math.max(afterAnnotations, positions.getEndPosition(unit, a));
            long end;
            if (tree instanceof ClassTree c) {
                end = source.indexOf('{', (int) afterAnnotations);
                if (end < 0) end = positions.getEndPosition(unit, tree);
            } else if (tree instanceof MethodTree m) {
                end = m.getBody() != null
                        ? positions.getStartPosition(unit, m.getBody())
                        : positions.getEndPosition(unit, tree);
            } else {
                VariableTree v = (VariableTree) tree;
                end = v.getInitializer() != null
                        ? positions.getStartPosition(unit, v.getInitializer())
                        : positions.getEndPosition(unit, tree);
            }
            String text = source.substring((int) afterAnnotations, (int) Math.max(afterAnnotations, end));
            text = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
            text = text.replaceAll("\\s+", " ").strip();
            if (text.endsWith("=")) text = text.substring(0, text.length() - 1).strip();
            if (text.endsWith(";")) text = text.substring(0, text.length() - 1).strip();
            return text;
        }
    }

    private static boolean varargs(MethodTree m) {
        // The parser marks a varargs parameter with the VARARGS flag in its modifiers' string form.
        if (m.getParameters().isEmpty()) return false;
        VariableTree last = m.getParameters().get(m.getParameters().size() - 1);
        return last.toString().contains("...");
    }

    private static boolean visible(ModifiersTree mods, boolean inInterface) {
        Set<Modifier> flags = mods.getFlags();
        if (flags.contains(Modifier.PRIVATE)) return false;
        return flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED) || inInterface;
    }

    /** {@code List<Tensor>} -> {@code List}, {@code java.util.Map<K, V>[]} -> {@code Map[]}. */
    static String erasure(String type) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (char c : type.toCharArray()) {
            if (c == '<') depth++;
            else if (c == '>') depth--;
            else if (depth == 0 && !Character.isWhitespace(c)) b.append(c);
        }
        String t = b.toString();
        // drop annotations and qualification: "java.util.List" -> "List", "@NonNull Foo" -> "Foo"
        t = t.replaceAll("@\\w+(\\.\\w+)*", "");
        int dims = t.indexOf('[') >= 0 ? t.indexOf('[') : t.indexOf("...") >= 0 ? t.indexOf("...") : t.length();
        String base = t.substring(0, dims), suffix = t.substring(dims);
        int dot = base.lastIndexOf('.');
        return (dot >= 0 ? base.substring(dot + 1) : base) + suffix;
    }
}
