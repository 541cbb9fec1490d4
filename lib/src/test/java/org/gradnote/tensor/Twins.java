package org.gradnote.tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The generator of the float/double twins: each {@code lib/src/main/twins/**}{@code /X.java.template} holds the
 * float32 code once, and this writes {@code lib/src/main/java/**}{@code /X.java} with a float64 copy of every marked
 * region. Run from the repository root (or lib) with {@code java lib/src/test/java/org/gradnote/tensor/Twins.java};
 * TwinsTest fails when a generated file differs from what this produces.
 *
 * <p>Template syntax. Lines between {@code // twin:begin} and {@code // twin:end} are written twice, as they stand
 * and as their float64 twin; a region that is an {@code if} statement is chained ({@code } else if (...) {}), or
 * with {@code // twin:begin else} ends in a plain {@code } else {}; any other region (members) is repeated after a
 * blank line. The float64 copy renames {@code float}, {@code Float}, {@code FLOAT} (also inside words:
 * {@code floats}, {@code FloatBuffer}, {@code asNioFloat}; float32 becomes float64), drops {@code (float)} casts (rounding to float32 has no
 * float64 counterpart) and turns {@code 2f} literals into {@code 2d}. A line ending in {@code //@double: text} is
 * written as its code in the float copy and as {@code text} in the float64 copy (an empty side drops the line).
 * Why generated and not generic: a loop over float[] and one over double[] are different bytecode, and the JIT and
 * the interpreter (which runs a training's first epochs) need each written out; the template keeps one source.
 */
public final class Twins {
    private Twins() {}

    static final String TEMPLATES = "lib/src/main/twins";
    static final String SOURCES = "lib/src/main/java";
    private static final String SUFFIX = ".java.template";
    private static final int MAX_LINE = 120;
    private static final Pattern DIRECTIVE = Pattern.compile("^(.*?)\\s*//@double:(.*)$");
    private static final Pattern IF = Pattern.compile("^(\\s*)if \\(.*\\) \\{$");

    /** Regenerates every twin file, printing the ones that changed. */
    public static void main(String[] args) throws IOException {
        Path root = root(Path.of("").toAbsolutePath());
        int changed = 0, total = 0;
        for (Path template : templates(root)) {
            total++;
            Path target = target(root, template);
            String text = render(Files.readString(template, StandardCharsets.UTF_8), relative(root, template));
            String old = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : null;
            if (!text.equals(old)) {
                Files.writeString(target, text, StandardCharsets.UTF_8);
                System.out.println("generated " + relative(root, target));
                changed++;
            }
        }
        System.out.println(String.format(Locale.ROOT, "%d of %d twin files changed", changed, total));
    }

    /** The repository root: dir itself, or its parent when run from the lib module (as surefire does). */
    static Path root(Path dir) {
        if (Files.isDirectory(dir.resolve(TEMPLATES))) return dir;
        Path parent = dir.getParent();
        if (parent != null && Files.isDirectory(parent.resolve(TEMPLATES))) return parent;
        throw new IllegalStateException("no " + TEMPLATES + " under " + dir + " or its parent");
    }

    /** Every template, in a stable order. */
    static List<Path> templates(Path root) {
        try (Stream<Path> files = Files.walk(root.resolve(TEMPLATES))) {
            return files.filter(p -> p.toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generated source file of a template. */
    static Path target(Path root, Path template) {
        String rel = root.resolve(TEMPLATES).relativize(template).toString();
        return root.resolve(SOURCES).resolve(rel.substring(0, rel.length() - ".template".length()));
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** The generated file for a template's text; {@code name} is named in the header. */
    static String render(String template, String name) {
        List<String> out = new ArrayList<>();
        out.add("// GENERATED from " + name + ": do not edit.");
        out.add("// Edit the template, then run java lib/src/test/java/org/gradnote/tensor/Twins.java");
        List<String> region = null;
        boolean plainElse = false;
        int lineNo = 0, regions = 0;
        for (String line : template.split("\n", -1)) {
            lineNo++;
            String t = line.trim();
            if (t.startsWith("// twin:begin")) {
                if (region != null) throw error(name, lineNo, "nested twin:begin");
                region = new ArrayList<>();
                plainElse = t.equals("// twin:begin else");
            } else if (t.equals("// twin:end")) {
                if (region == null || region.isEmpty()) throw error(name, lineNo, "twin:end without a region");
                emit(region, plainElse, out, name, lineNo);
                region = null;
                regions++;
            } else if (region != null) {
                region.add(line);
            } else {
                if (DIRECTIVE.matcher(line).matches()) throw error(name, lineNo, "//@double: outside a region");
                out.add(line);
            }
        }
        if (region != null) throw error(name, lineNo, "twin:begin without twin:end");
        if (regions == 0) throw error(name, lineNo, "no twin region");
        for (int i = 0; i < out.size(); i++) {
            String t = out.get(i).trim();
            boolean comment = t.startsWith("//") || t.startsWith("/*") || t.startsWith("*");
            // The formatter leaves long comments alone but rewraps long code.
            if (!comment && out.get(i).length() > MAX_LINE) {
                throw error(
                        name,
                        0,
                        "generated line longer than " + MAX_LINE + " (the formatter would rewrap it): "
                                + out.get(i).trim());
            }
        }
        return String.join("\n", out);
    }

    private static void emit(List<String> region, boolean plainElse, List<String> out, String name, int lineNo) {
        List<String> f = new ArrayList<>(), d = new ArrayList<>();
        for (String line : region) {
            Matcher m = DIRECTIVE.matcher(line);
            String fl = line, dl = toDouble(line);
            if (m.matches()) {
                fl = m.group(1);
                String indent =
                        line.substring(0, line.length() - line.stripLeading().length());
                dl = indent + m.group(2).trim();
            }
            if (!m.matches() || !fl.isBlank()) f.add(fl);
            if (!m.matches() || !dl.isBlank()) d.add(dl);
        }
        Matcher ifHead = IF.matcher(f.get(0));
        boolean chained = ifHead.matches() && f.get(f.size() - 1).trim().equals("}");
        if (plainElse && !chained) throw error(name, lineNo, "twin:begin else needs an if statement");
        out.addAll(f);
        if (chained) {
            int last = out.size() - 1;
            String head = plainElse ? "{" : d.get(0).trim();
            out.set(last, out.get(last) + " else " + head);
            out.addAll(d.subList(1, d.size()));
        } else {
            out.add("");
            out.addAll(d);
        }
    }

    /** A line of float32 code as its float64 twin. */
    static String toDouble(String line) {
        return line.replaceAll("\\(float\\) ?", "")
                .replace("float32", "\0")
                .replace("float", "double")
                .replace("Float", "Double")
                .replace("FLOAT", "DOUBLE")
                .replaceAll("\\b(\\d+(?:\\.\\d+)?)f\\b", "$1d")
                .replace("\0", "float64");
    }

    private static IllegalArgumentException error(String name, int line, String what) {
        return new IllegalArgumentException(name + ":" + line + ": " + what);
    }
}
