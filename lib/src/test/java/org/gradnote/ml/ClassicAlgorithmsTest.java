package org.gradnote.ml;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.gradnote.examples.LabData;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The classic algorithms of the courses' linear-model and unsupervised labs, on synthetic and real data. */
class ClassicAlgorithmsTest {
    /** Two well separated 2-D blobs labelled -1 / +1. */
    static double[][] blobs(int n, long seed, int[] y) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        for (int i = 0; i < n; i++) {
            y[i] = i < n / 2 ? -1 : 1;
            x[i][0] = y[i] * 2 + 0.5 * gauss(r);
            x[i][1] = y[i] * 1 + 0.5 * gauss(r);
        }
        return x;
    }

    static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void perceptronConvergesOnSeparableData() {
        int[] y = new int[100];
        double[][] x = blobs(100, 1, y);
        Perceptron p = Perceptron.fit(x, y, 1.0, 100);
        assertTrue(p.converged(), "mistakes per epoch: " + p.mistakesPerEpoch());
        for (int i = 0; i < x.length; i++) assertEquals(y[i], p.predict(x[i]));
    }

    @Test
    void perceptronNeverConvergesOnXor() {
        double[][] x = {{0, 0}, {1, 1}, {0, 1}, {1, 0}};
        int[] y = {-1, -1, 1, 1};
        assertFalse(Perceptron.fit(x, y, 1.0, 50).converged());
        KernelPerceptron k = KernelPerceptron.fit(x, y, KernelPerceptron.polynomial(2, 1), 100);
        for (int i = 0; i < 4; i++) assertEquals(y[i], k.predict(x[i]), "XOR point " + i);
        assertTrue(k.supportCount() > 0 && k.supportCount() <= 4);
    }

    @Test
    void kernelPerceptronSeparatesRings() {
        double[][] x = new double[80][];
        int[] y = new int[80];
        for (int i = 0; i < 80; i++) {
            double a = 2 * Math.PI * i / 40, r = i < 40 ? 1 : 3;
            x[i] = new double[] {r * Math.cos(a), r * Math.sin(a)};
            y[i] = i < 40 ? 1 : -1;
        }
        KernelPerceptron k = KernelPerceptron.fit(x, y, KernelPerceptron.polynomial(2, 1), 200);
        for (int i = 0; i < 80; i++) assertEquals(y[i], k.predict(x[i]));
        assertEquals(1, k.predict(new double[] {0.5, 0.5}));
        assertEquals(-1, k.predict(new double[] {-3.5, 0}));
    }

    @Test
    void adalineLowersItsSquaredError() {
        int[] y = new int[100];
        double[][] x = blobs(100, 2, y);
        double[] t = java.util.Arrays.stream(y).asDoubleStream().toArray();
        Adaline a = Adaline.fit(x, t, 0.01, 30);
        assertTrue(
                a.msePerEpoch().get(29) < a.msePerEpoch().get(0) / 2,
                a.msePerEpoch().toString());
        int ok = 0;
        for (int i = 0; i < x.length; i++) if (a.predict(x[i]) == y[i]) ok++;
        assertTrue(ok >= 95, ok + " correct");
        assertThrows(IllegalArgumentException.class, () -> Adaline.fit(x, t, 0, 1));
    }

    @Test
    void kMeansFindsTheBlobCentres() {
        int[] y = new int[200];
        double[][] x = blobs(200, 3, y);
        KMeans km = KMeans.fit(x, 2, 100, 7);
        double[][] c = km.centroids();
        java.util.Arrays.sort(c, (a, b) -> Double.compare(a[0], b[0]));
        assertEquals(-2, c[0][0], 0.2);
        assertEquals(2, c[1][0], 0.2);
        assertEquals(km.labels()[0], km.predict(x[0]));
        assertTrue(km.inertia() > 0);
        assertEquals(KMeans.fit(x, 2, 100, 7).inertia(), km.inertia(), 0, "same seed, same result");
        assertThrows(IllegalArgumentException.class, () -> KMeans.fit(x, 0, 10, 1));
    }

    @Test
    void gaussianMixtureEmNeverLowersTheLikelihood() {
        int[] y = new int[300];
        double[][] x = blobs(300, 4, y);
        GaussianMixture g = GaussianMixture.fit(x, 2, 50, 5);
        var ll = g.logLikelihood();
        for (int i = 1; i < ll.size(); i++)
            assertTrue(ll.get(i) >= ll.get(i - 1) - 1e-9, "EM lowered the likelihood at " + i + ": " + ll);
        assertEquals(1.0, g.weights()[0] + g.weights()[1], 1e-9);
        assertEquals(0.5, g.weights()[0], 0.05);
        int agree = 0;
        for (int i = 0; i < x.length; i++) agree += (g.predict(x[i]) == g.predict(x[0])) == (y[i] == y[0]) ? 1 : 0;
        assertTrue(agree >= 295, agree + " of 300 grouped like the truth");
        assertEquals(0.25, g.covariance(0)[0][0], 0.08, "blob variance is 0.5²");
    }

    @Test
    void pcaOnTheDigitsExplainsMostVarianceWithFewComponents() {
        Tensor[] d = LabData.digits();
        double[][] x = d[0].reshape(-1, 64).toDouble().toDoubleMatrix();
        PCA pca = PCA.fit(x, 10);
        double[] ratio = pca.explainedVarianceRatio();
        for (int i = 1; i < ratio.length; i++) assertTrue(ratio[i] <= ratio[i - 1] + 1e-12);
        // numpy (eigvalsh of the covariance, as scikit-learn's PCA) on the same data: first two components explain
        // 14.89% and 13.62% of the variance.
        assertEquals(0.1489, ratio[0], 0.002);
        assertEquals(0.1362, ratio[1], 0.002);
        double[][] c = pca.components();
        assertEquals(1.0, org.gradnote.ml.Points.dot(c[0], c[0]), 1e-9);
        assertEquals(0.0, org.gradnote.ml.Points.dot(c[0], c[1]), 1e-9);
        double[][] back = pca.inverseTransform(pca.transform(x));
        assertEquals(x[0].length, back[0].length);
    }

    @Test
    void pcaReconstructsExactlyWithAllComponents() {
        double[][] x = {{1, 2, 3}, {2, 1, 0}, {4, 4, 1}, {0, 3, 5}, {2, 2, 2}};
        PCA p = PCA.fit(x, 3);
        double[][] back = p.inverseTransform(p.transform(x));
        for (int i = 0; i < x.length; i++) assertArrayEquals(x[i], back[i], 1e-9);
    }
}
