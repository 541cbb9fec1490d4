package org.gradnote.plots.notebook;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code --name=value} arguments to the {@link Param} fields of an exported notebook. Unlike papermill,
 * an unknown name or a value of the wrong type is an error, never a warning.
 */
public final class Parameters {
  private Parameters() {}

  /** The parameter fields of {@code notebook}, by name, in declaration order. */
  public static Map<String, Field> of(Class<?> notebook) {
    Map<String, Field> out = new LinkedHashMap<>();
    for (Field f : notebook.getDeclaredFields()) {
      if (f.isAnnotationPresent(Param.class) && Modifier.isStatic(f.getModifiers()))
        out.put(f.getName(), f);
    }
    return out;
  }

  /** Sets each {@code --name=value}; throws {@link IllegalArgumentException} naming the bad argument. */
  public static void apply(Class<?> notebook, List<String> args) {
    Map<String, Field> fields = of(notebook);
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 3) {
        throw new IllegalArgumentException(
            "expected --name=value, got '" + arg + "'; parameters: " + describe(fields));
      }
      String name = arg.substring(2, eq), value = arg.substring(eq + 1);
      Field f = fields.get(name);
      if (f == null) {
        throw new IllegalArgumentException(
            "unknown parameter '" + name + "'; parameters: " + describe(fields));
      }
      try {
        f.setAccessible(true);
        f.set(null, convert(f.getType(), value));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("parameter '" + name + "' needs a "
            + f.getType().getSimpleName() + ", got '" + value + "'");
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot set parameter " + name, e);
      }
    }
  }

  static Object convert(Class<?> type, String value) {
    if (type == String.class) return value;
    if (type == int.class || type == Integer.class) return Integer.parseInt(value);
    if (type == long.class || type == Long.class) return Long.parseLong(value);
    if (type == double.class || type == Double.class) return Double.parseDouble(value);
    if (type == float.class || type == Float.class) return Float.parseFloat(value);
    if (type == boolean.class || type == Boolean.class) {
      if (value.equals("true") || value.equals("false")) return Boolean.parseBoolean(value);
      throw new NumberFormatException(value);
    }
    throw new IllegalArgumentException(
        "parameters of type " + type.getSimpleName() + " are not supported");
  }

  /** {@code name (type, default value)} for each parameter, for usage messages. */
  public static String describe(Map<String, Field> fields) {
    if (fields.isEmpty()) return "none";
    List<String> parts = new ArrayList<>();
    fields.forEach((name, f) -> {
      Object v;
      try {
        f.setAccessible(true);
        v = f.get(null);
      } catch (IllegalAccessException e) {
        v = "?";
      }
      parts.add("--" + name + "=" + v + " (" + f.getType().getSimpleName() + ")");
    });
    return String.join(", ", parts);
  }
}
