package org.gradnote.kernel.cell;

import java.util.List;
import org.gradnote.kernel.jshell.ErrorInfo;
import org.gradnote.kernel.jshell.EvalOutcome;
import org.gradnote.magics.MagicContext;
import org.gradnote.magics.MagicFailure;

/** Stage 3: runs the steps in order; the first failure stops the cell. Only a final Java step yields a value. */
final class EvaluateStage {

    EvalOutcome evaluate(
            List<Step> steps, String cellLabel, CellServices services, MagicContext magicContext, ErrorHolder errors) {
        String valueRef = null;
        for (Step step : steps) {
            valueRef = null;
            if (step instanceof Step.JavaStep java) {
                EvalOutcome outcome = services.evaluator().eval(java.source(), java.firstLine(), cellLabel);
                if (!outcome.ok()) return outcome;
                valueRef = outcome.valueRef().orElse(null);
            } else if (step instanceof Step.MagicStep magic) {
                try {
                    magic.invocation().run(magicContext);
                } catch (Exception e) {
                    String message = e.getMessage() == null ? e.toString() : e.getMessage();
                    List<String> traceback = e instanceof MagicFailure f
                            ? f.traceback()
                            : List.of(magic.call().spelled() + ": " + message);
                    return EvalOutcome.failure(new ErrorInfo(e.getClass().getSimpleName(), message, traceback));
                }
                if (errors.first().isPresent())
                    return EvalOutcome.failure(errors.first().get());
                // %%time leaves its code's value to be shown after its timing, as the cell's value.
                if (magicContext instanceof KernelMagicContext kernelContext) {
                    valueRef = kernelContext.takePendingValue().orElse(null);
                }
            }
        }
        return EvalOutcome.success(valueRef);
    }
}
