package org.gradnote.kernel.cell;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Stage 4: asks the evaluator to render the cell's value (through the {@code Renderer} plug-ins, in the evaluator
 * JVM where the object lives) and waits until all output of the cell has arrived.
 */
final class RenderStage {
    private static final System.Logger LOG = System.getLogger(RenderStage.class.getName());
    private static final long FENCE_TIMEOUT_SECONDS = 10;

    void render(Optional<String> valueRef, CellServices services) {
        var evaluator = services.evaluator();
        if (evaluator.isDead()) return;
        String fence = services.fences().newFence();
        String call = "org.gradnote.kernel.api.Display.epilogue(\"" + fence + "\", "
                + valueRef.map(ref -> "true, " + ref).orElse("false, null") + ");";
        if (!evaluator.evalInternal(call)) {
            LOG.log(System.Logger.Level.WARNING, "epilogue failed: " + call);
            return;
        }
        try {
            if (!services.fences().await(fence, FENCE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "output fence timed out; output may arrive late");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        services.flushOutput();
    }
}
