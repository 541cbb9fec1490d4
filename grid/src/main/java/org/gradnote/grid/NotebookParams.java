package org.gradnote.grid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters an exported notebook declares ({@code @Param static TYPE NAME = DEFAULT;}, from its
 * {@code //| parameters} cell), read from the exported source so the driver never loads the notebook's classes.
 */
final class NotebookParams {
    private static final Pattern PARAM =
            Pattern.compile("@Param\\s+(?:public\\s+|private\\s+)?static\\s+([\\w.]+)\\s+(\\w+)\\s*=\\s*([^;]*);");

    /** One parameter: its Java type and default as written in the cell. */
    record Param(String type, String name, String defaultValue) {}

    private final Map<String, Param> params;

    private NotebookParams(Map<String, Param> params) {
        this.params = params;
    }

    static NotebookParams of(String exportedSource) {
        Map<String, Param> out = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(exportedSource);
        while (m.find())
            out.put(m.group(2), new Param(m.group(1), m.group(2), m.group(3).strip()));
        return new NotebookParams(out);
    }

    boolean has(String name) {
        return params.containsKey(name);
    }

    Param get(String name) {
        return params.get(name);
    }

    /** {@code NAME (type, default D)} for each parameter, for error messages. */
    String describe() {
        if (params.isEmpty()) return "none (the notebook has no //| parameters cell)";
        List<String> parts = new ArrayList<>();
        for (Param p : params.values()) parts.add(p.name() + " (" + p.type() + ", default " + p.defaultValue() + ")");
        return String.join(", ", parts);
    }

    /** Checks every axis against the declared parameters: unknown names and ill-typed values are errors. */
    void check(Map<String, List<String>> axes, String notebook) throws GridException {
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            Param p = params.get(axis.getKey());
            if (p == null) {
                throw new GridException(
                        notebook + ": unknown parameter '" + axis.getKey() + "'; parameters: " + describe());
            }
            for (String v : axis.getValue()) {
                if (!fits(p.type(), v)) {
                    throw new GridException(notebook + ": parameter " + p.name() + " is a " + p.type() + ", got '" + v
                            + "'; parameters: " + describe());
                }
            }
        }
    }

    /** Whether {@code value} parses as {@code type}, by the rules of {@code gradnote run} (plots' Parameters). */
    static boolean fits(String type, String value) {
        try {
            switch (type) {
                case "int", "Integer" -> Integer.parseInt(value);
                case "long", "Long" -> Long.parseLong(value);
                case "double", "Double" -> Double.parseDouble(value);
                case "float", "Float" -> Float.parseFloat(value);
                case "boolean", "Boolean" -> {
                    return value.equals("true") || value.equals("false");
                }
                case "String", "java.lang.String" -> {
                    return true;
                }
                default -> {
                    return false;
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
