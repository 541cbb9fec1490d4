package org.gradnote.kernel.export;

import java.util.List;

/**
 * What the cells mean as parts of a class: hoisted imports, fields for top-level variables, and per cell its
 * members (methods, types) and step statements.
 */
public record ClassifiedNotebook(List<String> imports, List<Field> fields, List<CellCode> cells) {

    /**
     * A top-level variable become a static field.
     *
     * @param initializer kept on the field only for parameters (so {@code --name=value} can override it)
     */
    public record Field(String name, String type, String cellId, boolean parameter, String initializer) {}

    /** One cell's members and step statements; {@code statements} empty means the cell needs no step method. */
    public record CellCode(TranslatedCell cell, List<String> members, List<String> statements) {}
}
