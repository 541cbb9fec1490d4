package org.gradnote.kernel;

import java.util.List;
import org.gradnote.kernel.jshell.EvaluatorConfig;

/** A kernel started in-process on fresh ports with a connected ZMQ test client, for one test class. */
final class RunningKernel implements AutoCloseable {
    private final GradnoteKernel kernel;
    private final TestClient client;

    private RunningKernel(GradnoteKernel kernel, TestClient client) {
        this.kernel = kernel;
        this.client = client;
    }

    /** Starts a kernel whose evaluator JVM gets the given options, and waits until its IOPub socket answers. */
    static RunningKernel start(String... evaluatorJvmOptions) throws Exception {
        TestClient.BoundKernel bound = TestClient.bindKernel(EvaluatorConfig.fromKernel(List.of(evaluatorJvmOptions)));
        GradnoteKernel kernel = bound.kernel();
        kernel.start();
        TestClient client = new TestClient(bound.info());
        client.awaitIopub();
        return new RunningKernel(kernel, client);
    }

    TestClient client() {
        return client;
    }

    GradnoteKernel kernel() {
        return kernel;
    }

    @Override
    public void close() {
        client.close();
        kernel.close();
    }
}
