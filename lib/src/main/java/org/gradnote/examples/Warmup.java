package org.gradnote.examples;

/**
 * A few steps of each lab (MLP, meteo MLP and CNN, LeNet, LSTM): what {@link org.gradnote.TrainingArchive} runs
 * to learn which classes a training JVM loads. Prints nothing.
 */
public final class Warmup {
    private Warmup() {}

    /**
     * A few seconds of representative training, run by {@code gradnote build} to record the class archive training JVMs
     * start from.
     */
    public static void main(String[] args) {
        MlpLab.run(20, 0.1, 100, 0);
        MeteoLab.run(3, 10, 5, 0);
        MeteoCnn.run(10, 20, 0);
        LenetDigits.run(1, 0);
        LstmMeteo.run(1, 0);
    }
}
