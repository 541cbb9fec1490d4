package probe;

import org.gradnote.Gradnote;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Loss;
import org.gradnote.nn.Module;
import org.gradnote.optim.Adam;
import org.gradnote.plots.Plots;
import org.gradnote.plots.notebook.Notebook;
import org.gradnote.plots.notebook.NotebookStep;
import org.gradnote.plots.notebook.Param;
import org.gradnote.tensor.Tensor;

/** An exported-notebook-shaped class for grid's tests: a tiny regression MLP whose metrics depend on every input. */
public final class GridProbe {
    @Param static double LR = 0.05;
    @Param static int WIDTH = 4;
    @Param static int SLEEP_MS = 0;
    @Param static int FOLD = 0;
    @Param static int FOLDS = 1;

    // A static that one run changes: were two runs to share a JVM, the second would record 2.
    static int runsInThisJvm;

    static class Net extends Module {
        final Linear a, b;
        Net(int width) {
            a = register("a", new Linear(3, width));
            b = register("b", new Linear(width, 1));
        }
        public Tensor forward(Tensor x) { return b.forward(a.forward(x).tanh()); }
    }

    static void train() throws Throwable {
        runsInThisJvm++;
        if (WIDTH <= 0) throw new IllegalArgumentException("WIDTH must be positive, got " + WIDTH);
        if (SLEEP_MS > 0) Thread.sleep(SLEEP_MS);
        Tensor x = Tensor.randn(64, 3);
        Tensor y = x.select(1, 0).mul(2).sub(x.select(1, 1)).add(FOLD).unsqueeze(1);
        Net net = new Net(WIDTH);
        Adam opt = new Adam(net.parameters(), LR);
        Loss mse = Loss.mse();
        double[] curve = new double[40];
        for (int step = 0; step < curve.length; step++) {
            opt.zeroGrad();
            Tensor loss = mse.apply(net.forward(x), y);
            loss.backward();
            opt.step();
            curve[step] = loss.item();
        }
        Notebook.metric("loss", curve[curve.length - 1]);
        Notebook.metric("first_draw", Gradnote.nextSeed());
        Notebook.metric("runs_in_jvm", runsInThisJvm);
        Notebook.display(Plots.line().title("probe loss").series("loss", curve).build());
    }

    public static java.util.List<NotebookStep> steps() {
        return java.util.List.of(new NotebookStep("train", GridProbe::train));
    }

    public static void main(String[] args) {
        org.gradnote.plots.notebook.NotebookRun.main(GridProbe.class, "probe", args);
    }
}
