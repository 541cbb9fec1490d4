package org.gradnote.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** A native crash of the evaluator JVM (a write to address 0) leaves the kernel up and the session usable. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KernelCrashTest {
    private RunningKernel running;
    private TestClient client;
    private Path crashDir;

    @BeforeAll
    void start() throws Exception {
        crashDir = Files.createTempDirectory("gradnote-crash");
        // The JVM's crash report goes to a temp dir, not the working tree; no core dump.
        running =
                RunningKernel.start("-XX:ErrorFile=" + crashDir.resolve("hs_err_%p.log"), "-XX:-CreateCoredumpOnCrash");
        client = running.client();
    }

    @AfterAll
    void stop() throws Exception {
        running.close();
        try (var files = Files.list(crashDir)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(crashDir);
    }

    @Test
    void segfaultInACellRestartsTheEvaluatorWithAClearError() throws Exception {
        client.execute("int before = 1;");
        var ex = client.execute("var f = sun.misc.Unsafe.class.getDeclaredField(\"theUnsafe\");\n"
                + "f.setAccessible(true);\n"
                + "((sun.misc.Unsafe) f.get(null)).putAddress(0L, 42L);");
        assertEquals("error", ex.status());
        assertEquals(
                "EvaluatorExited",
                ex.reply().content().get("ename").getAsString(),
                ex.reply().content().toString());
        assertEquals("2", client.execute("1 + 1").result(), "a fresh evaluator answers");
        assertEquals(
                "error", client.execute("before").status(), "variables did not survive the crash, as the message says");
    }
}
