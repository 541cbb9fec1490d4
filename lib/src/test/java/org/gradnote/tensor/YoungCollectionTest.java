package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gradnote.Gradnote;
import org.junit.jupiter.api.Test;

/** Young collections on demand, and a training loop's memory coming back through them under the training JVM. */
class YoungCollectionTest {
    @Test
    void aYoungCollectionRunsOrNothingIsDone() {
        long before = youngCount();
        boolean ran = YoungCollection.run();
        // This JVM's collector may decline (a large eden); when it runs, the young count moved.
        if (ran) assertTrue(youngCount() > before);
    }

    private static long youngCount() {
        long n = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (List.of("Copy", "PS Scavenge", "G1 Young Generation").contains(b.getName()))
                n += b.getCollectionCount();
        }
        return n;
    }

    @Test
    void underTheTrainingJvmOptionsStepsEndWithYoungCollectionsOnly() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Gradnote.jvmOptions());
        cmd.addAll(List.of("-cp", cp, Steps.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Gradnote.nativeEnvironment().forEach(pb.environment()::putIfAbsent);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        String[] last = out.strip().lines().reduce((a, b) -> b).orElse("").split(" ");
        // "young full lent": over the last 20 steps (each lending ~20 MB, 400 MB in all), young collections at
        // steps' ends; a full one only now and then for the owners that died old (without young ones: one per 64 MB
        // lent, 6 or more); what stays lent is the tensors held and at most the last two steps' arrays.
        assertEquals(3, last.length, out);
        assertTrue(Integer.parseInt(last[0]) >= 5, "young collections: " + out);
        assertTrue(Integer.parseInt(last[1]) <= 2, "full collections: " + out);
        assertTrue(Long.parseLong(last[2]) < 64 << 20, "bytes lent between steps: " + out);
    }

    /** The child: 30 steps of a loss over 4 MB activations, then the collections of the last 20. */
    static final class Steps {
        public static void main(String[] args) {
            Gradnote.seed(0);
            Tensor w = Tensor.randn(1024, 1024).requiresGrad(true);
            Tensor x = Tensor.randn(1024, 1024);
            long young0 = 0, full0 = 0;
            for (int s = 0; s < 30; s++) {
                if (s == 10) {
                    young0 = count(true);
                    full0 = count(false);
                }
                Tensor loss = x.matmul(w).relu().mul(x).tanh().sum();
                loss.backward();
                w.zeroGrad();
            }
            BlockCache c = BufferPool.blocks();
            System.out.println(c.stats());
            System.out.println(
                    (count(true) - young0) + " " + (count(false) - full0) + " " + (c.ownedBytes() - c.cachedBytes()));
        }

        private static long count(boolean young) {
            for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (b.getName().equals(young ? "Copy" : "MarkSweepCompact")) return b.getCollectionCount();
            }
            throw new IllegalStateException("not the serial collector");
        }
    }
}
