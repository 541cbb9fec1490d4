package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ND4J stays behind one gateway, in two rules that may only shrink (an entry whose file no longer needs it fails too,
 * so it is removed): only {@link #CALLS} may call ND4J (name any ND4J or JavaCPP type besides the two handle types,
 * {@code INDArray} and {@code DataType}: the factory, executioner, ops, buffers, indexing, natives), and only
 * {@link #HANDLES} may name ND4J at all. No public or protected member of lib's API exposes an ND4J type.
 */
class EngineGatewayTest {
    private static final String TENSOR = "lib/src/main/java/org/gradnote/tensor/";
    private static final String TENSOR_TESTS = "lib/src/test/java/org/gradnote/tensor/";

    /**
     * The gateway: the only sources that call ND4J or native memory. Engine runs native ops, Factory makes arrays,
     * AdamUpdater keeps adam_updater's context, BufferPool allocates, Blas calls OpenBLAS, NativeRuntime and
     * NativeVariant load and size the natives; then tests that build ND4J arrays to check those internals.
     */
    static final Set<String> CALLS = Set.of(
            TENSOR + "AdamUpdater.java",
            TENSOR + "Blas.java",
            TENSOR + "BufferPool.java",
            TENSOR + "Engine.java",
            TENSOR + "Factory.java",
            TENSOR + "NativeRuntime.java",
            TENSOR + "NativeVariant.java",
            TENSOR_TESTS + "Atan2Test.java",
            TENSOR_TESTS + "BlasTest.java",
            TENSOR_TESTS + "BufferPoolTest.java",
            TENSOR_TESTS + "ChannelLoopsTest.java",
            TENSOR_TESTS + "EngineLayoutTest.java",
            TENSOR_TESTS + "MaxPoolTest.java",
            TENSOR_TESTS + "MemoryTest.java",
            TENSOR_TESTS + "NativeMemoryTest.java",
            TENSOR_TESTS + "NativeVariantTest.java",
            TENSOR_TESTS + "NumbersParityTest.java",
            TENSOR_TESTS + "ReluLoopsTest.java",
            TENSOR_TESTS + "SmallOpsTest.java",
            TENSOR_TESTS + "SoftmaxLoopsTest.java",
            TENSOR_TESTS + "SystemBlasTest.java",
            TENSOR_TESTS + "TanhLoopsTest.java",
            TENSOR_TESTS + "UnfoldTest.java");

    /**
     * The files that may name ND4J only as an opaque handle ({@code INDArray}, {@code DataType}): tensor-package
     * code that still passes arrays between the gateway's methods (or calls INDArray's own methods: to be routed
     * through Engine), and tests of those internals. The gateway files are allowed without being listed here.
     */
    static final Set<String> HANDLES = Set.of(
            TENSOR + "Autograd.java",
            TENSOR + "Backend.java",
            TENSOR + "BinaryOp.java",
            TENSOR + "ChannelLoops.java",
            TENSOR + "ConvTranspose.java",
            TENSOR + "CrossEntropyRows.java",
            TENSOR + "DirectConv.java",
            TENSOR + "DType.java",
            TENSOR + "DimOp.java",
            TENSOR + "Dispatch.java",
            TENSOR + "ElementOps.java",
            TENSOR + "GradCheck.java",
            TENSOR + "LayerPrimitives.java",
            TENSOR + "LogicalOps.java",
            TENSOR + "LossPrimitives.java",
            TENSOR + "MaxPool.java",
            TENSOR + "Memory.java",
            TENSOR + "NativeLoops.java",
            TENSOR + "Node.java",
            TENSOR + "OpProfile.java",
            TENSOR + "OpsSupport.java",
            TENSOR + "Primitives.java",
            TENSOR + "RecurrentPrimitives.java",
            TENSOR + "Reduce.java",
            TENSOR + "ReluLoops.java",
            TENSOR + "SafeWhere.java",
            TENSOR + "SelectOp.java",
            TENSOR + "ScanOps.java",
            TENSOR + "Small.java",
            TENSOR + "SoftmaxLoops.java",
            TENSOR + "Storage.java",
            TENSOR + "StridedCopy.java",
            TENSOR + "SubtractLoop.java",
            TENSOR + "TanhLoops.java",
            TENSOR + "Tensor.java",
            TENSOR + "UnaryOp.java",
            TENSOR + "ReduceOp.java",
            TENSOR + "Unfold.java",
            TENSOR + "Updates.java",
            TENSOR_TESTS + "NativeConvTest.java",
            TENSOR_TESTS + "DirectConvTest.java",
            TENSOR_TESTS + "NativeLoopsTest.java",
            TENSOR_TESTS + "NativeOpsBench.java");

    /**
     * A tensor-package file another session was adding when this test was written: allowed to name (not call)
     * ND4J whether or not it does, so merging it does not break this test. Move it into {@link #HANDLES} once merged.
     */
    static final Set<String> PENDING = Set.of();

    /** A qualified ND4J or JavaCPP name in code: the package prefix, then dotted identifiers (or a wildcard). */
    private static final Pattern ND4J =
            Pattern.compile("\\borg\\s*\\.\\s*(?:nd4j|bytedeco)(?:\\s*\\.\\s*(?:\\w+|\\*))+");
    /** The two handle types, alone or with a member (DataType.FLOAT). */
    private static final Pattern HANDLE =
            Pattern.compile("org\\.nd4j\\.linalg\\.api\\.(?:ndarray\\.INDArray|buffer\\.DataType)(?:\\.\\w+)?");

    private static final Set<String> SKIPPED_DIRS =
            Set.of(".git", "target", "node_modules", ".mvn", ".ipynb_checkpoints");

    @Test
    void onlyTheGatewayCallsNd4jAndOnlyTheHandleListNamesIt() throws IOException {
        Path root = Twins.root(Path.of("").toAbsolutePath());
        List<String> calls = new ArrayList<>(), names = new ArrayList<>(), stale = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Path p : sources(root)) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            List<String> uses = uses(code(Files.readString(p, StandardCharsets.UTF_8)));
            seen.add(rel);
            boolean calling = false;
            for (String u : uses) {
                boolean call = !HANDLE.matcher(u.substring(u.indexOf(' ') + 1)).matches();
                calling |= call;
                if (call && !CALLS.contains(rel)) calls.add(rel + ":" + u);
                else if (!call && !CALLS.contains(rel) && !HANDLES.contains(rel) && !PENDING.contains(rel)) {
                    names.add(rel + ":" + u);
                }
            }
            if (CALLS.contains(rel) && !calling) stale.add(rel + " (in CALLS, calls no ND4J)");
            if (HANDLES.contains(rel) && uses.isEmpty()) stale.add(rel + " (in HANDLES, names no ND4J)");
        }
        assertTrue(
                calls.isEmpty(),
                "ND4J called outside the gateway (go through Engine or Factory; only EngineGatewayTest.CALLS may"
                        + " call ND4J): " + calls);
        assertTrue(
                names.isEmpty(),
                "ND4J named outside EngineGatewayTest.HANDLES (go through Tensor, Updates or NativeRuntime): " + names);
        assertTrue(stale.isEmpty(), "remove from EngineGatewayTest's lists: " + stale);
        List<String> missing = new ArrayList<>();
        for (String a : CALLS) if (!seen.contains(a)) missing.add(a);
        for (String a : HANDLES) if (!seen.contains(a)) missing.add(a);
        assertTrue(missing.isEmpty(), "allow-listed files that do not exist: " + missing);
        for (String a : CALLS) assertTrue(!HANDLES.contains(a), "in both lists: " + a);
        for (Set<String> list : List.of(CALLS, HANDLES)) {
            for (String a : list) {
                assertTrue(a.startsWith(TENSOR) || a.startsWith(TENSOR_TESTS), "not a tensor-package file: " + a);
            }
        }
    }

    /** Each ND4J name in code as "line name" (whitespace inside the name removed). */
    static List<String> uses(String code) {
        List<String> out = new ArrayList<>();
        Matcher m = ND4J.matcher(code);
        while (m.find()) {
            String name = m.group().replaceAll("\\s", "");
            int line = 1;
            for (int i = 0; i < m.start(); i++) if (code.charAt(i) == '\n') line++;
            out.add(line + " " + name);
        }
        return out;
    }

    @Test
    void theScanSeesNd4jInCodeButNotInCommentsOrStrings() {
        assertTrue(!uses(code("import org.nd4j.linalg.factory.Nd4j;")).isEmpty());
        assertTrue(!uses(code("x = org.bytedeco.openblas.global.openblas.blas_get_num_threads();"))
                .isEmpty());
        assertTrue(uses(code("// see org.nd4j.linalg\n/* org.bytedeco.x */ String s = \"org.nd4j.x\";"))
                .isEmpty());
        String notebook = "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": [\"org.nd4j.x\"]},"
                + " {\"cell_type\": \"code\", \"source\": [\"import org.nd4j.linalg.factory.Nd4j;\\n\"]}]}";
        assertTrue(!uses(code(notebookCode(notebook))).isEmpty());
        assertTrue(uses(code(notebookCode(notebook.replace("\"code\"", "\"raw\""))))
                .isEmpty());
    }

    @Test
    void theScanTellsCallsFromHandlesAndNamesTheLine() {
        String src = "/* a\n comment */\nimport org.nd4j.linalg.api.ndarray.INDArray;\n"
                + "import org.nd4j.linalg.factory.Nd4j;\nDataType t = org.nd4j.linalg.api.buffer.DataType.FLOAT;\n"
                + "import org.nd4j.linalg.api.ndarray.*;\n";
        List<String> u = uses(code(src));
        assertEquals(
                List.of(
                        "3 org.nd4j.linalg.api.ndarray.INDArray",
                        "4 org.nd4j.linalg.factory.Nd4j",
                        "5 org.nd4j.linalg.api.buffer.DataType.FLOAT",
                        "6 org.nd4j.linalg.api.ndarray.*"),
                u);
        assertTrue(HANDLE.matcher("org.nd4j.linalg.api.ndarray.INDArray").matches());
        assertTrue(HANDLE.matcher("org.nd4j.linalg.api.buffer.DataType.FLOAT").matches());
        assertTrue(!HANDLE.matcher("org.nd4j.linalg.factory.Nd4j").matches());
        assertTrue(!HANDLE.matcher("org.nd4j.linalg.api.ndarray.*").matches(), "a wildcard counts as a call");
        assertTrue(!HANDLE.matcher("org.nd4j.linalg.api.buffer.DataBuffer").matches());
    }

    @Test
    void noPublicMemberOfLibExposesAnNd4jType() throws Exception {
        Path classes = Path.of(
                Tensor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> exposed = new ArrayList<>();
        List<Class<?>> api = publicClasses(classes);
        assertTrue(api.contains(Tensor.class) && api.size() > 50, "found only " + api.size() + " public classes");
        for (Class<?> c : api) {
            check(c.getName() + " extends", c.getGenericSuperclass(), exposed);
            for (Type t : c.getGenericInterfaces()) check(c.getName() + " implements", t, exposed);
            for (Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers())) check(c.getName() + "." + f.getName(), f.getGenericType(), exposed);
            }
            for (Method m : c.getDeclaredMethods()) {
                if (!visible(m.getModifiers()) || m.isSynthetic()) continue;
                check(c.getName() + "." + m.getName() + " returns", m.getGenericReturnType(), exposed);
                params(c.getName() + "." + m.getName(), m, exposed);
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k.getModifiers())) params(c.getName() + ".<init>", k, exposed);
            }
        }
        assertTrue(exposed.isEmpty(), "lib's public API exposes ND4J types: " + exposed);
    }

    /** The file's code with comments and string and character literals blanked out. */
    static String code(String src) {
        StringBuilder b = new StringBuilder(src.length());
        int i = 0, n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                int stop = end < 0 ? n : end + 2;
                b.append(' ');
                for (; i < stop; i++) if (src.charAt(i) == '\n') b.append('\n');
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && src.charAt(i) != c) i += src.charAt(i) == '\\' ? 2 : 1;
                i++;
                b.append(' ');
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    /** A notebook's code cells, one after another (its JSON strings would otherwise all be blanked as literals). */
    static String notebookCode(String json) {
        StringBuilder b = new StringBuilder();
        for (JsonElement cell : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if (!"code".equals(c.get("cell_type").getAsString())) continue;
            JsonElement src = c.get("source");
            if (src.isJsonArray()) for (JsonElement line : src.getAsJsonArray()) b.append(line.getAsString());
            else b.append(src.getAsString());
            b.append('\n');
        }
        return b.toString();
    }

    /** Every Java source and notebook of the repository (build output and VCS folders left out). */
    private static List<Path> sources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> {
                        for (Path part : root.relativize(p)) if (SKIPPED_DIRS.contains(part.toString())) return false;
                        String name = p.getFileName().toString();
                        return name.endsWith(".java") || name.endsWith(".jsh") || name.endsWith(".ipynb");
                    })
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    private static List<Class<?>> publicClasses(Path classes) throws IOException {
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(p).toString().replace('/', '.').replace('\\', '.');
                name = name.substring(0, name.length() - ".class".length());
                if (!name.startsWith("org.gradnote.")) continue;
                Class<?> c = load(name);
                if (c != null && exported(c)) out.add(c);
            }
        }
        return out;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EngineGatewayTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }

    /** Public (or protected) down to the top-level class: reachable from user code. */
    private static boolean exported(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (k.isAnonymousClass() || k.isLocalClass() || k.isSynthetic() || !visible(k.getModifiers())) return false;
        }
        return true;
    }

    private static boolean visible(int mod) {
        return Modifier.isPublic(mod) || Modifier.isProtected(mod);
    }

    private static void params(String where, Executable e, List<String> exposed) {
        for (Type t : e.getGenericParameterTypes()) check(where + " takes", t, exposed);
        for (Type t : e.getGenericExceptionTypes()) check(where + " throws", t, exposed);
    }

    private static void check(String where, Type t, List<String> exposed) {
        if (t == null) return;
        String name = t.getTypeName();
        if (name.contains("org.nd4j.") || name.contains("org.bytedeco.")) exposed.add(where + " " + name);
    }
}
