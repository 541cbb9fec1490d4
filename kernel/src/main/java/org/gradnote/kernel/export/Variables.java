package org.gradnote.kernel.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notebook's top-level variables in declaration order. A redeclaration with the same type reuses the field;
 * with another type it starts a new generation (a new field), as JShell replaces the variable.
 */
final class Variables {
    private final Map<String, List<ClassifiedNotebook.Field>> generations = new LinkedHashMap<>();
    private final List<ClassifiedNotebook.Field> order = new ArrayList<>();

    /** Records a declaration; true when the name was declared before. */
    boolean declare(String name, String type, String cellId, boolean parameter, String init) {
        List<ClassifiedNotebook.Field> gens = generations.computeIfAbsent(name, n -> new ArrayList<>());
        boolean existed = !gens.isEmpty();
        if (gens.isEmpty() || !gens.get(gens.size() - 1).type().equals(type)) {
            ClassifiedNotebook.Field f =
                    new ClassifiedNotebook.Field(name, type, cellId, parameter, parameter ? init : null);
            gens.add(f);
            order.add(f);
        }
        return existed;
    }

    /** A statement remembering which generation of each variable is current now. */
    SnippetClassifier.Statement statement(String text) {
        Map<String, Integer> now = new HashMap<>();
        generations.forEach((name, gens) -> {
            if (!gens.isEmpty()) now.put(name, gens.size() - 1);
        });
        return new SnippetClassifier.Statement(text, now);
    }

    /** The statement's text with variables of older generations renamed. */
    String resolve(SnippetClassifier.Statement s) {
        String text = s.text();
        for (var e : s.generations().entrySet()) {
            int latest = generations.get(e.getKey()).size() - 1;
            if (e.getValue() < latest) text = Identifiers.rename(text, e.getKey(), fieldName(e.getKey(), e.getValue()));
        }
        return text;
    }

    /** Fields in declaration order, older generations renamed {@code name_vN}. */
    List<ClassifiedNotebook.Field> fields() {
        List<ClassifiedNotebook.Field> out = new ArrayList<>();
        for (ClassifiedNotebook.Field f : order) {
            List<ClassifiedNotebook.Field> gens = generations.get(f.name());
            int g = gens.indexOf(f);
            out.add(new ClassifiedNotebook.Field(
                    fieldName(f.name(), g == gens.size() - 1 ? -1 : g),
                    f.type(),
                    f.cellId(),
                    f.parameter(),
                    f.initializer()));
        }
        return out;
    }

    private String fieldName(String name, int generation) {
        if (generation < 0 || generation == generations.get(name).size() - 1) return name;
        return name + "_v" + (generation + 1);
    }
}
