package org.gradnote.kernel.jshell;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The evaluator JVM started as soon as its configuration is known, while the kernel still binds its sockets and
 * before the JShell session exists: the session's first engine takes it instead of starting its own.
 */
public final class EarlyLaunch implements AutoCloseable {
    private final CompletableFuture<EvaluatorControl.Launched> launched = new CompletableFuture<>();
    private final AtomicBoolean taken = new AtomicBoolean();

    private EarlyLaunch() {}

    /** Starts the JVM on a daemon thread once {@code config} is made; returns at once. */
    public static EarlyLaunch start(CompletableFuture<EvaluatorConfig> config) {
        EarlyLaunch early = new EarlyLaunch();
        config.whenComplete((c, failure) -> {
            if (failure != null) {
                early.launched.completeExceptionally(failure);
                return;
            }
            Thread t = new Thread(
                    () -> {
                        try {
                            org.gradnote.kernel.StartupTrace.mark("launching evaluator JVM");
                            early.launched.complete(EvaluatorControl.start(c.remoteVmOptions()));
                        } catch (Throwable e) {
                            early.launched.completeExceptionally(e);
                        }
                    },
                    "gradnote-evaluator-launch");
            t.setDaemon(true);
            t.start();
        });
        return early;
    }

    /** The launch for the first session that asks; null for later ones (a restarted session launches its own). */
    CompletableFuture<EvaluatorControl.Launched> take() {
        return taken.compareAndSet(false, true) ? launched : null;
    }

    /** Ends the JVM unless a session took it. */
    @Override
    public void close() {
        if (taken.compareAndSet(false, true)) launched.thenAccept(EvaluatorControl.Launched::close);
    }
}
