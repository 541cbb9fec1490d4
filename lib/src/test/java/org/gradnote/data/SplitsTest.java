package org.gradnote.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TensorDataset, Subset, random splits and (nested) k-fold cross-validation. */
class SplitsTest {

    static TensorDataset data(int n) {
        return DataLoaderTest.data(n);
    }

    static Set<Integer> set(int[] a) {
        Set<Integer> s = new HashSet<>();
        for (int v : a) s.add(v);
        return s;
    }

    @Test
    void tensorDatasetRowsAndBatches() {
        TensorDataset d = data(5);
        assertEquals(5, d.size());
        Tensor[] row = d.get(3);
        assertEquals(2, row.length);
        assertArrayEquals(new double[] {3, 30}, row[0].toDoubleArray());
        assertEquals(0, row[1].dim());
        assertEquals(3, row[1].item());
        Tensor[] b = d.batch(new int[] {4, 0});
        assertArrayEquals(new double[] {4, 40, 0, 0}, b[0].toDoubleArray());
        assertArrayEquals(new long[] {4, 0}, b[1].toLongArray());
        assertEquals(2, d.tensor(1).dim() + 1);
    }

    @Test
    void tensorDatasetRejectsMismatchedFirstDimensions() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new TensorDataset(Tensor.zeros(4, 2), Tensor.zeros(3)));
        assertTrue(e.getMessage().contains("[3]") && e.getMessage().contains("4 rows"), e.getMessage());
        assertThrows(IllegalArgumentException.class, TensorDataset::new);
        assertThrows(IndexOutOfBoundsException.class, () -> data(3).get(3));
    }

    @Test
    void subsetMapsIndices() {
        Subset s = new Subset(data(10), new int[] {7, 2, 9});
        assertEquals(3, s.size());
        assertArrayEquals(new double[] {2, 20}, s.get(1)[0].toDoubleArray());
        assertArrayEquals(new long[] {9, 7}, s.batch(new int[] {2, 0})[1].toLongArray());
        assertArrayEquals(new int[] {7, 2, 9}, s.indices());
        IndexOutOfBoundsException e =
                assertThrows(IndexOutOfBoundsException.class, () -> new Subset(data(3), new int[] {0, 3}));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("size 3"), e.getMessage());
        // a subset of a subset
        Subset ss = new Subset(s, new int[] {2});
        assertArrayEquals(new double[] {9, 90}, ss.get(0)[0].toDoubleArray());
    }

    @Test
    void randomSplitSizesAndDisjointness() {
        List<Subset> parts = Splits.randomSplit(data(103), new double[] {0.7, 0.15, 0.15}, 1);
        assertEquals(3, parts.size());
        assertEquals(72, parts.get(0).size()); // floor(72.1)
        assertEquals(15, parts.get(1).size()); // floor(15.45)
        assertEquals(16, parts.get(2).size()); // the rest
        Set<Integer> all = new HashSet<>();
        for (Subset p : parts) for (int i : p.indices()) assertTrue(all.add(i), "index " + i + " in two parts");
        assertEquals(103, all.size());
        // repeatable by seed, different for another seed
        assertArrayEquals(
                parts.get(1).indices(),
                Splits.randomSplit(data(103), new double[] {0.7, 0.15, 0.15}, 1)
                        .get(1)
                        .indices());
        assertFalse(Arrays.equals(
                parts.get(1).indices(),
                Splits.randomSplit(data(103), new double[] {0.7, 0.15, 0.15}, 2)
                        .get(1)
                        .indices()));
    }

    @Test
    void randomSplitFractionsMustSumToOne() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Splits.randomSplit(data(10), new double[] {0.5, 0.3}, 0));
        assertTrue(e.getMessage().contains("0.8"), e.getMessage());
    }

    @ParameterizedTest(name = "n={0} k={1}")
    @CsvSource({"10, 3", "10, 5", "7, 7", "103, 10", "2, 2"})
    void kFoldPutsEveryIndexInExactlyOneTestFoldWithScikitLearnSizes(int n, int k) {
        for (Long seed : new Long[] {null, 17L}) {
            List<Splits.Fold> folds = Splits.kFold(n, k, seed);
            assertEquals(k, folds.size());
            int[] seen = new int[n];
            for (int f = 0; f < k; f++) {
                Splits.Fold fold = folds.get(f);
                // scikit-learn's KFold: the first n % k folds have n // k + 1 examples, the others n // k
                assertEquals(n / k + (f < n % k ? 1 : 0), fold.test().length, "fold " + f);
                assertEquals(n - fold.test().length, fold.train().length);
                Set<Integer> train = set(fold.train()), test = set(fold.test());
                assertEquals(fold.train().length, train.size());
                train.retainAll(test);
                assertTrue(train.isEmpty(), "train and test overlap in fold " + f);
                for (int i : fold.test()) seen[i]++;
            }
            for (int i = 0; i < n; i++) assertEquals(1, seen[i], "index " + i);
        }
    }

    @Test
    void unshuffledKFoldIsContiguousLikeScikitLearn() {
        // KFold(n_splits=3).split(range(10)) tests: [0..3], [4..6], [7..9]
        List<Splits.Fold> folds = Splits.kFold(10, 3, null);
        assertArrayEquals(new int[] {0, 1, 2, 3}, folds.get(0).test());
        assertArrayEquals(new int[] {4, 5, 6}, folds.get(1).test());
        assertArrayEquals(new int[] {7, 8, 9}, folds.get(2).test());
        assertArrayEquals(new int[] {0, 1, 2, 3, 7, 8, 9}, folds.get(1).train());
        assertArrayEquals(
                Splits.kFold(10, 3, 5L).get(0).test(),
                Splits.kFold(10, 3, 5L).get(0).test());
    }

    @Test
    void kFoldRejectsBadK() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Splits.kFold(5, 1, null));
        assertTrue(e.getMessage().contains("got 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Splits.kFold(5, 6, null));
    }

    @Test
    void nestedKFoldInnerFoldsUseOnlyOuterTrainIndices() {
        List<Splits.NestedFold> nested = Splits.nestedKFold(50, 5, 3, 4L);
        assertEquals(5, nested.size());
        int[] seen = new int[50];
        for (Splits.NestedFold nf : nested) {
            Set<Integer> outerTrain = set(nf.outer().train()),
                    outerTest = set(nf.outer().test());
            for (int i : nf.outer().test()) seen[i]++;
            assertEquals(3, nf.inner().size());
            Set<Integer> innerTests = new HashSet<>();
            for (Splits.Fold inner : nf.inner()) {
                for (int i : inner.train())
                    assertTrue(outerTrain.contains(i) && !outerTest.contains(i), "inner train index " + i);
                for (int i : inner.test()) {
                    assertTrue(outerTrain.contains(i) && !outerTest.contains(i), "inner test index " + i);
                    assertTrue(innerTests.add(i), "index " + i + " in two inner test folds");
                }
                assertEquals(outerTrain.size(), inner.train().length + inner.test().length);
            }
            assertEquals(outerTrain, innerTests, "inner test folds must cover the outer training part");
        }
        assertTrue(IntStream.of(seen).allMatch(c -> c == 1));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Splits.nestedKFold(10, 5, 9, null));
        assertTrue(e.getMessage().contains("innerK") && e.getMessage().contains("9"), e.getMessage());
    }

    @Test
    void tensorDatasetKeepsDTypes() {
        TensorDataset d = new TensorDataset(Tensor.zeros(DType.FLOAT32, 3, 2), Tensor.of(1L, 2L, 3L));
        assertEquals(DType.FLOAT32, d.get(0)[0].dtype());
        assertEquals(DType.INT64, d.batch(new int[] {0, 1})[1].dtype());
    }
}
