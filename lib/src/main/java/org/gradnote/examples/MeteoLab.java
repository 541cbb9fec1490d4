package org.gradnote.examples;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.gradnote.Gradnote;
import org.gradnote.data.DataLoader;
import org.gradnote.data.Datasets;
import org.gradnote.data.DateRange;
import org.gradnote.data.Scaler;
import org.gradnote.data.TableTensors;
import org.gradnote.data.TensorDataset;
import org.gradnote.data.Windows;
import org.gradnote.nn.Activations;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Loss;
import org.gradnote.nn.Sequential;
import org.gradnote.optim.Adam;
import org.gradnote.tensor.Tensor;
import org.gradnote.train.ConsoleListener;
import org.gradnote.train.EarlyStopping;
import org.gradnote.train.History;
import org.gradnote.train.Metric;
import org.gradnote.train.Trainer;
import org.gradnote.train.TrainingListener;
import tech.tablesaw.api.Table;

/**
 * The courses' meteo lab on real data: predict Seattle's next-day maximum temperature from the previous
 * {@code width} days, training on 2014 and testing once on 2015. Windows of a standardised series feed a small MLP
 * (a 1-D convolution over a window is the same linear map); early stopping watches Nov-Dec 2014, never 2015.
 * Text only: {@code org.gradnote.plots.examples.MeteoLabChart} draws predicted vs actual.
 */
public final class MeteoLab {
    private MeteoLab() {}

    /** What a run produced: its history, and 2015's actual and predicted temp_max per date (°C). */
    public record Result(
            History history,
            LocalDate[] testDates,
            double[] actual,
            double[] predicted,
            double testMae,
            double persistenceMae) {}

    /** Trains and tests once; listeners see the training (e.g. {@code TrainingListener.console()}). */
    public static Result run(int width, int hidden, int epochs, long seed, TrainingListener... listeners) {
        Gradnote.seed(seed);
        Table weather = Datasets.weather();
        Table seattle = weather.where(weather.stringColumn("location").isEqualTo("Seattle"));
        Table y2014 = DateRange.year(2014).filter(seattle),
                y2015 = DateRange.year(2015).filter(seattle);
        double[] train = TableTensors.from(y2014).columns("temp_max").toSeries();
        double[] test = TableTensors.from(y2015).columns("temp_max").toSeries();

        Scaler scaler = Scaler.standard().fit(train); // 2014 statistics only: 2015 must stay unseen
        TensorDataset windows = Windows.of(scaler.transform(train), width).nextValue();
        int split = windows.size() - 61; // the last 61 targets are Nov 1 to Dec 31, 2014: the dev set
        TensorDataset fit = new TensorDataset(
                windows.tensor(0).slice(0, 0, split), windows.tensor(1).slice(0, 0, split));
        TensorDataset dev = new TensorDataset(
                windows.tensor(0).slice(0, split, windows.size()),
                windows.tensor(1).slice(0, split, windows.size()));

        Sequential model = new Sequential(new Linear(width, hidden), Activations.tanh(), new Linear(hidden, 1));
        // mae is in 2014 standard deviations (7.26 °C), as the model sees the data.
        Trainer trainer = Trainer.of(model)
                .loss(Loss.mse())
                .optimizer(new Adam(model.parameters(), 3e-3))
                .epochs(epochs)
                .metric("mae", Metric.mae())
                .earlyStopping(EarlyStopping.patience(15));
        for (TrainingListener l : listeners) trainer.listener(l);
        History history = trainer.fit(DataLoader.of(fit, 32).shuffled(seed), DataLoader.of(dev, 61));

        // Test on every day of 2015: its first windows reach back into the last days of 2014.
        double[] context = new double[width + test.length];
        System.arraycopy(train, train.length - width, context, 0, width);
        System.arraycopy(test, 0, context, width, test.length);
        Tensor x = Windows.of(scaler.transform(context), width).inputs();
        double[] predicted;
        try (var g = Tensor.noGrad()) {
            model.eval();
            predicted = scaler.inverse(model.forward(x).flatten().toDoubleArray());
        }
        LocalDate[] dates = y2015.dateColumn("date").asObjectArray();
        double mae = 0, persistence = 0;
        for (int i = 0; i < test.length; i++) {
            mae += Math.abs(predicted[i] - test[i]) / test.length;
            persistence += Math.abs(context[width + i - 1] - test[i]) / test.length; // "tomorrow is like today"
        }
        return new Result(history, dates, test, predicted, mae, persistence);
    }

    /**
     * Runs the meteo lab from the command line (optional argument: epochs, default 200): 7 days predict the next,
     * trained on 2014.
     */
    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.out.println("Meteo lab: Seattle temp_max, 7 days -> next day, train 2014 (dev Nov-Dec 2014), test 2015");
        Result r = run(7, 16, epochs, 0, ConsoleListener.every(10));
        System.out.println();
        System.out.print(r.history());
        System.out.println("(losses and mae in 2014 standard deviations of temp_max, 7.26 °C)");
        System.out.printf(
                Locale.ROOT,
                "2015 test MAE %.2f °C (persistence baseline %.2f °C) over %d days%n",
                r.testMae(),
                r.persistenceMae(),
                r.actual().length);
        System.out.println("first week of 2015, actual vs predicted: " + Arrays.toString(Arrays.copyOf(r.actual(), 7))
                + " vs "
                + Arrays.toString(Arrays.stream(Arrays.copyOf(r.predicted(), 7))
                        .map(v -> Math.round(v * 10) / 10.0)
                        .toArray()));
    }
}
