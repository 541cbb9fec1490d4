package org.gradnote.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * Character and word error rates of generated text against references: the edit (Levenshtein) distance, substitutions
 * plus insertions plus deletions, divided by the reference length, summed over a corpus (as jiwer and torchmetrics
 * compute them). 0 is perfect; a rate can exceed 1 when the output is much longer than the reference.
 */
public final class ErrorRates {
    private ErrorRates() {}

    /** The smallest number of single-token substitutions, insertions and deletions turning {@code a} into {@code b}. */
    public static <T> int editDistance(List<T> a, List<T> b) {
        int[] prev = new int[b.size() + 1], cur = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) prev[j] = j;
        for (int i = 1; i <= a.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int sub = prev[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }

    /** The character error rate of one output against its reference. */
    public static double cer(String reference, String hypothesis) {
        return cer(List.of(reference), List.of(hypothesis));
    }

    /** The corpus character error rate: total character edits over total reference characters. */
    public static double cer(List<String> references, List<String> hypotheses) {
        return rate("cer", references, hypotheses, false);
    }

    /** The word error rate of one output against its reference (words split on white space). */
    public static double wer(String reference, String hypothesis) {
        return wer(List.of(reference), List.of(hypothesis));
    }

    /** The corpus word error rate: total word edits over total reference words. */
    public static double wer(List<String> references, List<String> hypotheses) {
        return rate("wer", references, hypotheses, true);
    }

    private static double rate(String what, List<String> refs, List<String> hyps, boolean words) {
        if (refs.size() != hyps.size()) {
            throw new IllegalArgumentException(
                    what + ": " + refs.size() + " references but " + hyps.size() + " hypotheses");
        }
        long edits = 0, length = 0;
        for (int i = 0; i < refs.size(); i++) {
            List<String> r = tokens(refs.get(i), words), h = tokens(hyps.get(i), words);
            edits += editDistance(r, h);
            length += r.size();
        }
        if (length == 0) throw new IllegalArgumentException(what + ": the references are empty");
        return (double) edits / length;
    }

    private static List<String> tokens(String s, boolean words) {
        if (words) {
            String t = s.strip();
            return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
        }
        return s.codePoints().mapToObj(Character::toString).toList();
    }
}
