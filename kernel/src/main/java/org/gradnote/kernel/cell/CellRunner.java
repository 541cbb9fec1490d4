package org.gradnote.kernel.cell;

import java.util.List;
import java.util.Optional;
import org.gradnote.kernel.jshell.ErrorInfo;
import org.gradnote.kernel.jshell.EvalOutcome;
import org.gradnote.magics.MagicUsageException;

/** Runs a cell through its stages: parse magics, rewrite, evaluate, render. */
public final class CellRunner {
    private final CellServices services;
    private final MagicParseStage parse;
    private final RewriteStage rewrite = new RewriteStage();
    private final EvaluateStage evaluate = new EvaluateStage();
    private final RenderStage render = new RenderStage();

    public CellRunner(CellServices services) {
        this.services = services;
        this.parse = new MagicParseStage(services.registry());
    }

    /** Runs {@code code}; returns the error that stopped it, if any. Restarts the evaluator if it died. */
    public Optional<ErrorInfo> run(String code, String cellLabel) {
        List<Step> steps;
        try {
            steps = rewrite.rewrite(parse.parse(code));
        } catch (MagicUsageException e) {
            return Optional.of(new ErrorInfo("UsageError", e.getMessage(), List.of(e.getMessage())));
        }
        ErrorHolder errors = new ErrorHolder();
        KernelMagicContext magicContext = new KernelMagicContext(services, this, errors, cellLabel);
        EvalOutcome outcome = evaluate.evaluate(steps, cellLabel, services, magicContext, errors);
        return finish(outcome, errors);
    }

    /** Java only (no magics): used by magics such as {@code %time} and {@code %load}. */
    Optional<ErrorInfo> runJava(String code, String cellLabel, ErrorHolder errors) {
        List<Step> steps = rewrite.rewrite(List.of(new Step.JavaStep(code, 1)));
        EvalOutcome outcome = evaluate.evaluate(steps, cellLabel, services, null, errors);
        return finish(outcome, errors);
    }

    /** What {@link #runJavaTimed} measured: whether it ran, the value it left, and its times. */
    record TimedRun(boolean ok, Optional<String> valueRef, long executionNanos, long totalNanos) {}

    /**
     * Java only, for {@code %time}: runs {@code code}, waits for its output, and returns its execution time (the
     * evaluator running it, compilation excluded) and total time; its value is not shown here but left for the end
     * of the cell, so the timing is printed before it, as IPython does.
     */
    TimedRun runJavaTimed(String code, String cellLabel, ErrorHolder errors) {
        List<Step> steps = rewrite.rewrite(List.of(new Step.JavaStep(code, 1)));
        long start = System.nanoTime();
        long executedBefore = services.evaluator().executionNanos();
        EvalOutcome outcome = evaluate.evaluate(steps, cellLabel, services, null, errors);
        long executed = services.evaluator().executionNanos() - executedBefore;
        long total = System.nanoTime() - start;
        if (services.evaluator().isDead() || !outcome.ok()) {
            boolean ok = finish(outcome, errors).isEmpty();
            return new TimedRun(ok, Optional.empty(), executed, total);
        }
        Optional<ErrorInfo> fenceError = render.fence(services);
        fenceError.ifPresent(errors::record);
        return new TimedRun(
                fenceError.isEmpty(), fenceError.isEmpty() ? outcome.valueRef() : Optional.empty(), executed, total);
    }

    private Optional<ErrorInfo> finish(EvalOutcome outcome, ErrorHolder errors) {
        Optional<ErrorInfo> renderError = services.evaluator().isDead()
                ? Optional.empty()
                : render.render(outcome.ok() ? outcome.valueRef() : Optional.empty(), services);
        // Checked after rendering too: a renderer may end the JVM (System.exit in a toString) as well as the cell.
        if (services.evaluator().isDead()) {
            services.evaluator().restart();
            ErrorInfo died = outcome.error().orElse(null);
            if (died == null || !died.ename().equals("EvaluatorExited")) {
                died = new ErrorInfo(
                        "EvaluatorExited",
                        "The evaluator JVM exited and was restarted; variables are gone.",
                        List.of("EvaluatorExited: the evaluator JVM exited and was restarted; variables are gone."));
            }
            errors.record(died);
            return Optional.of(died);
        }
        outcome.error().ifPresent(errors::record);
        renderError.ifPresent(errors::record);
        return errors.first();
    }
}
