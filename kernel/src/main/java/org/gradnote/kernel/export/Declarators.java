package org.gradnote.kernel.export;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Cuts a variable declaration snippet ({@code int a = 1, b[] = {2};}) into each variable's initializer text. */
final class Declarators {
    private static final String PREFIX = "class W { void m() {\n";
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();

    /**
     * @param initializer the initializer's source, or null when the variable has none
     * @param arrayLiteral true for a bare {@code {...}} initializer, which needs {@code new T} outside a declaration
     */
    record Declarator(String name, String initializer, boolean arrayLiteral) {}

    Map<String, Declarator> parse(String declaration) {
        Map<String, Declarator> asLocal = parse(declaration, true);
        // JShell accepts field modifiers at top level (e.g. "static final double DN = 50;"), which a local
        // declaration cannot have: read those as class members instead.
        return asLocal.isEmpty() ? parse(declaration, false) : asLocal;
    }

    private Map<String, Declarator> parse(String declaration, boolean local) {
        String source = local ? PREFIX + declaration + "\n} }" : "class W {\n" + declaration + "\n}";
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///W.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignore) {
                return source;
            }
        };
        Map<String, Declarator> out = new LinkedHashMap<>();
        JavacTask task = (JavacTask) javac.getTask(null, null, d -> {}, List.of("-proc:none"), null, List.of(file));
        try {
            for (CompilationUnitTree unit : task.parse()) {
                SourcePositions pos = Trees.instance(task).getSourcePositions();
                ClassTree cls = (ClassTree) unit.getTypeDecls().get(0);
                List<? extends Tree> trees = local
                        ? ((MethodTree) cls.getMembers().stream()
                                        .filter(m -> m instanceof MethodTree)
                                        .filter(m -> !((MethodTree) m).getName().contentEquals("<init>"))
                                        .findFirst()
                                        .orElseThrow())
                                .getBody()
                                .getStatements()
                        : cls.getMembers();
                for (Tree st : trees) {
                    if (!(st instanceof VariableTree v)) continue;
                    String init = null;
                    boolean literal = false;
                    if (v.getInitializer() != null) {
                        int start = (int) pos.getStartPosition(unit, v.getInitializer());
                        int end = (int) pos.getEndPosition(unit, v.getInitializer());
                        init = source.substring(start, end);
                        literal = v.getInitializer() instanceof NewArrayTree na && na.getType() == null;
                    }
                    out.put(v.getName().toString(), new Declarator(v.getName().toString(), init, literal));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unparseable: the caller falls back to keeping the snippet as written and lets javac report it.
        }
        return out;
    }
}
