package org.gradnote.grid;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a grid: its parameter values, its seed and fold (null when the grid has no such axis), and its id,
 * a hash of the export's hash and all of these, so the same run keeps its id across {@code --resume}.
 */
public record RunSpec(String id, LinkedHashMap<String, String> params, Long seed, Integer fold, int folds)
        implements Serializable {

    /** The run of {@code params}, {@code seed} and {@code fold} of the export whose hash is {@code exportHash}. */
    static RunSpec of(String exportHash, LinkedHashMap<String, String> params, Long seed, Integer fold, int folds) {
        StringBuilder key = new StringBuilder(exportHash);
        params.forEach((k, v) -> key.append('\0').append(k).append('=').append(v));
        key.append("\0seed=")
                .append(seed)
                .append("\0fold=")
                .append(fold)
                .append('/')
                .append(folds);
        return new RunSpec(sha256(key.toString()).substring(0, 12), params, seed, fold, folds);
    }

    /**
     * The arguments of {@code gradnote run} that reproduce this run by hand: {@code --NAME=value} each, the fold's
     * {@code --FOLD=i} (and {@code --FOLDS=K} when the notebook declares it), and {@code --seed=N}.
     */
    List<String> arguments(boolean notebookHasFolds) {
        List<String> out = new ArrayList<>();
        params.forEach((k, v) -> out.add("--" + k + "=" + v));
        if (fold != null) {
            out.add("--FOLD=" + fold);
            if (notebookHasFolds) out.add("--FOLDS=" + folds);
        }
        if (seed != null) out.add("--seed=" + seed);
        return out;
    }

    /** The parameter values as one key (seed and fold left out): the runs a summary row pools. */
    String combination() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet())
            sb.append(e.getKey()).append('=').append(e.getValue()).append(' ');
        return sb.toString().strip();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JDK", e);
        }
    }
}
