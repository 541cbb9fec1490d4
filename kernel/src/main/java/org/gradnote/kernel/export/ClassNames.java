package org.gradnote.kernel.export;

import java.util.Optional;

/** The class a notebook exports to: {@code //| class} if given, else {@code org.gradnote.notebooks.<CamelName>}. */
public final class ClassNames {
    public static final String DEFAULT_PACKAGE = "org.gradnote.notebooks";

    private ClassNames() {}

    public static String of(NotebookFile notebook, Optional<String> directive) {
        return directive.orElseGet(() -> DEFAULT_PACKAGE + "." + camel(notebook.baseName()));
    }

    /** {@code 01-autograd-basics} becomes {@code Nb01AutogradBasics} (a class name cannot start with a digit). */
    static String camel(String base) {
        StringBuilder b = new StringBuilder();
        for (String word : base.split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) continue;
            b.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        if (b.length() == 0) return "Notebook";
        return Character.isDigit(b.charAt(0)) ? "Nb" + b : b.toString();
    }

    /** {@code outDir/org/gradnote/notebooks/Name.java}. */
    public static java.nio.file.Path file(java.nio.file.Path outDir, String className) {
        return outDir.resolve(className.replace('.', '/') + ".java");
    }
}
