package org.gradnote.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Running out of memory in a cell: the kernel stays up and says what happened and what to do. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KernelOomTest {
    private RunningKernel running;
    private TestClient client;

    @BeforeAll
    void start() throws Exception {
        // A small evaluator heap, so filling it is quick and does not squeeze the machine.
        running = RunningKernel.start("-Xmx160m");
        client = running.client();
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void hugeArrayIsAClearErrorAndTheSessionGoesOn() throws Exception {
        client.execute("int before = 5;");
        var ex = client.execute("long[] huge = new long[Integer.MAX_VALUE];");
        assertEquals("error", ex.status());
        assertEquals(
                "java.lang.OutOfMemoryError", ex.reply().content().get("ename").getAsString());
        String evalue = ex.reply().content().get("evalue").getAsString();
        assertTrue(evalue.contains("-Xmx"), "says how to get more memory: " + evalue);
        assertEquals("5", client.execute("before").result());
    }

    @Test
    void growingListFillsTheHeapThenCanBeReleased() throws Exception {
        var ex = client.execute("var hog = new ArrayList<long[]>();\nwhile (true) hog.add(new long[1 << 20]);");
        assertEquals("error", ex.status(), ex.reply().content().toString());
        assertEquals(
                "java.lang.OutOfMemoryError", ex.reply().content().get("ename").getAsString());
        String evalue = ex.reply().content().get("evalue").getAsString();
        assertTrue(evalue.contains("Java heap space") && evalue.contains(" MB)") && evalue.contains("-Xmx"), evalue);
        // The full list is still referenced by the session; dropping it gives the memory back.
        assertEquals("ok", client.execute("hog = null;\nSystem.gc();").status());
        assertEquals("8", client.execute("new long[1 << 20].length >> 17").result());
    }
}
