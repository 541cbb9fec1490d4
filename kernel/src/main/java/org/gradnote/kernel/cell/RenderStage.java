package org.gradnote.kernel.cell;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gradnote.kernel.jshell.ErrorInfo;

/**
 * Stage 4: asks the evaluator to render the cell's value (through the {@code Renderer} plug-ins, in the evaluator
 * JVM where the object lives) and waits until all output of the cell has arrived.
 */
final class RenderStage {
    private static final System.Logger LOG = System.getLogger(RenderStage.class.getName());
    private static final long FENCE_TIMEOUT_SECONDS = 10;

    /**
     * Waits until the output the cell printed so far has arrived, without showing or forgetting its value (which a
     * later {@link #render} shows); returns why not, if it failed.
     */
    Optional<ErrorInfo> fence(CellServices services) {
        var evaluator = services.evaluator();
        if (evaluator.isDead()) return Optional.empty();
        String fence = services.fences().newFence();
        Optional<ErrorInfo> failure = evaluator.fenceKeepingValue(fence);
        if (failure.isEmpty()) {
            try {
                if (!services.fences().await(fence, FENCE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.log(System.Logger.Level.WARNING, "output fence timed out; output may arrive late");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        services.flushOutput();
        return failure;
    }

    /** Returns the error that stopped the rendering (an interrupt while a renderer ran, say), if any. */
    Optional<ErrorInfo> render(Optional<String> valueRef, CellServices services) {
        var evaluator = services.evaluator();
        if (evaluator.isDead()) return Optional.empty();
        String fence = services.fences().newFence();
        // No name is passed: the evaluator kept the value the cell's last snippet returned (valueRef names it).
        Optional<ErrorInfo> failure = evaluator.epilogue(fence, valueRef.isPresent());
        if (failure.isPresent()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "epilogue failed: " + failure.get().ename());
            services.flushOutput();
            return failure; // no fence is coming
        }
        try {
            if (!services.fences().await(fence, FENCE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "output fence timed out; output may arrive late");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        services.flushOutput();
        return Optional.empty();
    }
}
