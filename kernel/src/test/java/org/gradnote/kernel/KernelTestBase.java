package org.gradnote.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One kernel (and a signed ZMQ client) shared by all tests of a class: starting one costs a JVM and a second. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KernelTestBase {
    protected RunningKernel running;
    protected TestClient client;

    @BeforeAll
    void start() throws Exception {
        running = RunningKernel.start();
        client = running.client();
    }

    @AfterAll
    void stop() {
        running.close();
    }
}
