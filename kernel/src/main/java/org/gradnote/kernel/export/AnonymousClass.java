package org.gradnote.kernel.export;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A variable JShell types as an anonymous class ({@code var counter = new Object() { int n; ... };}), given a name so
 * its field can be declared: a static nested class {@code AnonymousCounter} with the same body, created by
 * {@code new AnonymousCounter()}. Only a no-argument creation can be named this way (a superclass constructor's
 * arguments would need a constructor whose parameter types the source does not say).
 *
 * @param name the generated class's simple name
 * @param declaration the nested class's source (a static member of the exported class)
 * @param creation the expression that creates the instance
 */
record AnonymousClass(String name, String declaration, String creation) {
    private static final Pattern CREATION =
            Pattern.compile("(?s)new\\s+([\\w.$]+(?:\\s*<.*?>)?)\\s*\\(\\s*\\)\\s*(\\{.*\\})\\s*");

    /**
     * Names the anonymous class of variable {@code variable}, whose JShell type is {@code jshellType} (e.g.
     * {@code <anonymous class implementing Runnable>}) and initializer {@code initializer}; empty when the creation
     * passes constructor arguments or is not a plain {@code new T() {...}}.
     */
    static Optional<AnonymousClass> of(String variable, String jshellType, String initializer) {
        Matcher m = CREATION.matcher(initializer.strip());
        if (!m.matches()) return Optional.empty();
        String superType = m.group(1).strip(), body = m.group(2);
        String name = "Anonymous" + Character.toUpperCase(variable.charAt(0)) + variable.substring(1);
        String relation = jshellType.contains(" implementing ")
                ? " implements " + superType
                : superType.equals("Object") || superType.equals("java.lang.Object") ? "" : " extends " + superType;
        return Optional.of(
                new AnonymousClass(name, "static final class " + name + relation + " " + body, "new " + name + "()"));
    }
}
