package org.gradnote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The global switches: thread count (validated like torch.set_num_threads) and the training JVM options. */
class GradnoteTest {
    @Test
    void setNumThreadsChangesNativeThreadsAndRefusesLessThanOne() {
        int before = Gradnote.numThreads();
        try {
            Gradnote.setNumThreads(1);
            assertEquals(1, Gradnote.numThreads());
        } finally {
            Gradnote.setNumThreads(before);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gradnote.setNumThreads(0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }

    @Test
    void jvmOptionsAreTheMeasuredTrainingDefaults() {
        assertEquals(
                java.util.List.of(
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:CompileThresholdScaling=0.1",
                        "-XX:CICompilerCount=1",
                        "-XX:C1MaxInlineSize=20",
                        "-XX:NewSize=8m",
                        "-XX:MaxNewSize=8m"),
                Gradnote.jvmOptions());
    }

    @Test
    void nativeEnvironmentLetsOpenMpWorkersSleepAndKeepsOneDnnOnAvx2() {
        assertEquals(
                java.util.Map.of("OMP_WAIT_POLICY", "PASSIVE", "DNNL_MAX_CPU_ISA", "AVX2"),
                Gradnote.nativeEnvironment());
    }

    @Test
    void javaCppResidentSizeCheckIsOffOnceTensorsAreUsed() {
        org.gradnote.tensor.Tensor.zeros(2);
        // Tensor's initialiser sets it unless the user chose a value (the surefire JVM does not).
        assertEquals("0", System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes"));
    }
}
