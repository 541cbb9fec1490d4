package org.gradnote.kernel.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Signatures.shorten: what JShell prints with the default imports as one snippet, shortened as it prints with 20. */
class SignaturesTest {
    private static final List<String> IMPORTS = List.of(
            "java.io.*",
            "java.nio.file.*",
            "java.util.*",
            "org.gradnote.*",
            "org.gradnote.tensor.*",
            "org.gradnote.optim.*",
            "org.gradnote.plots.*",
            "org.gradnote.nn.*",
            "org.gradnote.nn.Module");

    /** Pairs printed by JDK 17's JShell for the same probes: default imports in one snippet, then one per import. */
    @Test
    void shortensAsJShellDoesWithOneSnippetPerImport() {
        String[][] pairs = {
            {"Math.PI:double", "Math.PI:double"},
            {"String String.valueOf(Object obj)", "String String.valueOf(Object obj)"},
            {"String String.valueOf(boolean b)", "String String.valueOf(boolean b)"},
            {"String String.valueOf(char c)", "String String.valueOf(char c)"},
            {"String String.valueOf(char[] data)", "String String.valueOf(char[] data)"},
            {
                "String String.valueOf(char[] data, int offset, int count)",
                "String String.valueOf(char[] data, int offset, int count)"
            },
            {"String String.valueOf(double d)", "String String.valueOf(double d)"},
            {"String String.valueOf(float f)", "String String.valueOf(float f)"},
            {"String String.valueOf(int i)", "String String.valueOf(int i)"},
            {"String String.valueOf(long l)", "String String.valueOf(long l)"},
            {"java.util.ArrayList<E>()", "ArrayList<E>()"},
            {"java.util.ArrayList<E>(int initialCapacity)", "ArrayList<E>(int initialCapacity)"},
            {"java.util.ArrayList<E>(java.util.Collection<? extends E> c)", "ArrayList<E>(Collection<? extends E> c)"},
            {
                "java.util.List<String> java.nio.file.Files.readAllLines(java.nio.file.Path path) throws IOException",
                "List<String> Files.readAllLines(Path path) throws IOException"
            },
            {
                "java.util.List<String> java.nio.file.Files.readAllLines(java.nio.file.Path path, java.nio.charset.Charset cs) throws IOException",
                "List<String> Files.readAllLines(Path path, java.nio.charset.Charset cs) throws IOException"
            },
            {
                "java.util.Map.Entry<K,V> java.util.Map<K, V>.<K, V>entry(K k, V v)",
                "Map.Entry<K,V> Map<K, V>.<K, V>entry(K k, V v)"
            },
            {"org.gradnote.optim.SGD(java.util.List<?> params, double lr)", "SGD(List<?> params, double lr)"},
            {
                "org.gradnote.optim.SGD(java.util.List<?> params, double lr, double momentum)",
                "SGD(List<?> params, double lr, double momentum)"
            },
            {
                "org.gradnote.optim.SGD(java.util.List<?> params, double lr, double momentum, double dampening, double weightDecay, boolean nesterov)",
                "SGD(List<?> params, double lr, double momentum, double dampening, double weightDecay, boolean nesterov)"
            },
            {
                "org.gradnote.optim.SGD(java.util.Map<String,org.gradnote.tensor.Tensor> namedParams, double lr)",
                "SGD(Map<String,Tensor> namedParams, double lr)"
            },
            {
                "org.gradnote.optim.SGD(java.util.Map<String,org.gradnote.tensor.Tensor> namedParams, double lr, double momentum)",
                "SGD(Map<String,Tensor> namedParams, double lr, double momentum)"
            },
            {
                "org.gradnote.optim.SGD(java.util.Map<String,org.gradnote.tensor.Tensor> namedParams, double lr, double momentum, double dampening, double weightDecay, boolean nesterov)",
                "SGD(Map<String,Tensor> namedParams, double lr, double momentum, double dampening, double weightDecay, boolean nesterov)"
            },
            {"org.gradnote.plots.LineChartBuilder org.gradnote.plots.Plots.line()", "LineChartBuilder Plots.line()"},
            {"org.gradnote.tensor.DType.FLOAT32", "DType.FLOAT32"},
            {"org.gradnote.tensor.Tensor", "org.gradnote.tensor.Tensor"},
            {
                "org.gradnote.tensor.Tensor org.gradnote.tensor.Tensor.randn(long... shape)",
                "Tensor Tensor.randn(long... shape)"
            },
            {
                "org.gradnote.tensor.Tensor org.gradnote.tensor.Tensor.randn(org.gradnote.tensor.DType type, long... shape)",
                "Tensor Tensor.randn(DType type, long... shape)"
            },
            {
                "org.gradnote.tensor.Tensor org.gradnote.tensor.Tensor.slice(int dim, long start, long end)",
                "Tensor Tensor.slice(int dim, long start, long end)"
            },
            {
                "org.gradnote.tensor.Tensor org.gradnote.tensor.Tensor.slice(int dim, long start, long end, long step)",
                "Tensor Tensor.slice(int dim, long start, long end, long step)"
            },
            {
                "org.gradnote.tensor.Tensor org.gradnote.tensor.Tensor.zeros(long... shape)",
                "Tensor Tensor.zeros(long... shape)"
            },
            {
                "org.gradnote.tensor.Tensor org.gradnote.tensor.Tensor.zeros(org.gradnote.tensor.DType type, long... shape)",
                "Tensor Tensor.zeros(DType type, long... shape)"
            },
            {"t:org.gradnote.tensor.Tensor", "t:org.gradnote.tensor.Tensor"},
            {
                "void java.util.Collections.<T extends Comparable<? super T>>sort(java.util.List<T> list)",
                "void Collections.<T extends Comparable<? super T>>sort(List<T> list)"
            },
            {
                "void java.util.Collections.<T>sort(java.util.List<T> list, java.util.Comparator<? super T> c)",
                "void Collections.<T>sort(List<T> list, Comparator<? super T> c)"
            },
        };
        for (String[] p : pairs) assertEquals(p[1], Signatures.shorten(p[0], IMPORTS), p[0]);
    }

    @Test
    void leavesTypesVariablesAndUnimportedPackagesAlone() {
        assertEquals("java.util.Map.Entry", Signatures.shorten("java.util.Map.Entry", IMPORTS));
        assertEquals("org.gradnote.tensor.DType", Signatures.shorten("org.gradnote.tensor.DType", IMPORTS));
        assertEquals(
                "System.out:java.io.PrintStream",
                Signatures.shorten("java.lang.System.out:java.io.PrintStream", IMPORTS));
        assertEquals(
                "Module Module.train()",
                Signatures.shorten("org.gradnote.nn.Module org.gradnote.nn.Module.train()", IMPORTS));
        assertEquals(
                "void Foo.bar(java.awt.Point p, REPL.$JShell$12.Thing t)",
                Signatures.shorten(
                        "void org.example.Foo.bar(java.awt.Point p, REPL.$JShell$12.Thing t)",
                        List.of("org.example.*")));
    }
}
