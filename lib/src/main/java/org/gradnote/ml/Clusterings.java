package org.gradnote.ml;

/** Scores a clustering against known classes, for labs where the truth is known but was not used to cluster. */
public final class Clusterings {
    private Clusterings() {}

    /**
     * Purity: each cluster votes for its majority class, and purity is the fraction of points in their cluster's
     * majority class. 1 means every cluster is one class; it never penalises splitting a class into several clusters.
     */
    public static double purity(int[] clusters, int[] truth) {
        if (clusters.length != truth.length)
            throw new IllegalArgumentException(
                    "purity: " + clusters.length + " cluster labels but " + truth.length + " classes");
        if (clusters.length == 0) throw new IllegalArgumentException("purity: no points");
        java.util.Map<Integer, java.util.Map<Integer, Integer>> counts = new java.util.HashMap<>();
        for (int i = 0; i < clusters.length; i++)
            counts.computeIfAbsent(clusters[i], c -> new java.util.HashMap<>()).merge(truth[i], 1, Integer::sum);
        long majority = 0;
        for (var perCluster : counts.values())
            majority += perCluster.values().stream()
                    .mapToInt(Integer::intValue)
                    .max()
                    .orElse(0);
        return (double) majority / clusters.length;
    }
}
