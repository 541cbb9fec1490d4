package org.gradnote.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * torch.einsum for any number of operands, composed from sum, permute, reshape and matmul: each operand's own
 * labels that appear nowhere else are summed out, then operands are contracted left to right as one batched
 * matrix product each. Supports explicit ("ij,jk->ik") and implicit ("ij,jk") output, "..." (broadcast like torch's)
 * and a label repeated within one operand (diagonal, trace).
 */
final class Einsum {
    private Einsum() {}

    static Tensor einsum(String equation, Tensor... operands) {
        String eq = equation.replace(" ", "");
        if (operands.length == 0) throw new IllegalArgumentException("einsum: needs at least one operand");
        int arrow = eq.indexOf("->");
        String lhs = arrow < 0 ? eq : eq.substring(0, arrow);
        String[] ins = lhs.split(",", -1);
        if (ins.length != operands.length)
            throw new IllegalArgumentException("einsum: equation \"" + equation + "\" names " + ins.length
                    + " operands but " + operands.length + " were given");
        Signature.EINSUM.check(operands);
        operands = operands.clone();
        String outSpec = arrow < 0 ? null : eq.substring(arrow + 2);
        if (eq.contains(".")) outSpec = ellipsis(equation, ins, outSpec, operands);
        if (outSpec == null) outSpec = implicitOutput(ins, "");
        for (int k = 0; k < ins.length; k++) {
            // A label repeated within an operand takes the diagonal ("ii->i", and trace "ii->").
            for (int i = 0; i < ins[k].length(); i++) {
                char c = ins[k].charAt(i);
                int j = ins[k].indexOf(c, i + 1);
                if (j < 0) continue;
                operands[k] = diagonal(operands[k], i, j, k, c);
                ins[k] = ins[k].substring(0, i) + ins[k].substring(i + 1, j) + ins[k].substring(j + 1) + c;
                i = -1;
            }
        }
        long[] size = new long[128];
        Arrays.fill(size, -1);
        int[] count = new int[128];
        for (int k = 0; k < ins.length; k++) {
            String s = ins[k];
            long[] shape = operands[k].shape();
            if (s.length() != shape.length)
                throw new ShapeException("einsum: operand " + k + " has shape " + Shapes.str(shape)
                        + " but its subscripts \"" + s + "\" name " + s.length() + " dimensions");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!Character.isLetter(c) || c >= 128)
                    throw new IllegalArgumentException("einsum: invalid subscript '" + c + "' in \"" + equation + "\"");
                if (size[c] >= 0 && size[c] != shape[i])
                    throw new ShapeException(
                            "einsum: label '" + c + "' has size " + size[c] + " in an earlier operand but " + shape[i]
                                    + " in operand " + k + " (shape " + Shapes.str(shape) + ")");
                size[c] = shape[i];
                count[c]++;
            }
        }
        String out = outSpec;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c >= 128 || count[c] == 0)
                throw new IllegalArgumentException(
                        "einsum: output label '" + c + "' appears in no operand of \"" + equation + "\"");
            if (out.indexOf(c) != i)
                throw new IllegalArgumentException("einsum: output label '" + c + "' repeated in \"" + equation + "\"");
        }
        Tensor acc = null;
        String accLabels = null;
        for (int k = 0; k < operands.length; k++) {
            // Labels still needed after this operand: the output's and those of later operands.
            StringBuilder later = new StringBuilder(out);
            for (int j = k + 1; j < operands.length; j++) later.append(ins[j]);
            String need = later.toString();
            String labels = ins[k];
            Tensor t = operands[k];
            // Sum out labels only this operand has and nothing later needs (and that the accumulator lacks).
            String keep = sumOut(labels, need + (accLabels == null ? "" : accLabels));
            t = reduceTo(t, labels, keep);
            labels = keep;
            if (acc == null) {
                String accKeep = sumOut(labels, need);
                acc = reduceTo(t, labels, accKeep);
                accLabels = accKeep;
            } else {
                acc = contract(acc, accLabels, t, labels, need);
                accLabels = labelsOf(accLabels, labels, need);
            }
        }
        return permuteTo(acc, accLabels, out);
    }

    /**
     * Replaces "..." by fresh labels (unused capital letters), the same ones for the same trailing positions of every
     * operand, broadcasting size-1 dimensions among them as torch does; returns the explicit output subscripts
     * ("..." first, then the labels that appear once, alphabetically, when the equation has no "->").
     */
    private static String ellipsis(String equation, String[] ins, String outSpec, Tensor[] operands) {
        StringBuilder poolB = new StringBuilder();
        for (char c = 'Z'; c >= 'A'; c--) if (equation.indexOf(c) < 0) poolB.append(c);
        String pool = poolB.toString();
        int e = 0;
        int[] ek = new int[ins.length];
        for (int k = 0; k < ins.length; k++) {
            String s = ins[k];
            int at = s.indexOf("...");
            if (s.replace("...", "").contains(".") || (at >= 0 && s.indexOf("...", at + 1) >= 0)) {
                throw new IllegalArgumentException("einsum: operand " + k + " (\"" + s
                        + "\") has a '.' that is not one '...', in \"" + equation + "\"");
            }
            ek[k] = at < 0 ? 0 : operands[k].dim() - (s.length() - 3);
            if (ek[k] < 0)
                throw new ShapeException("einsum: operand " + k + " has shape " + Shapes.str(operands[k].shape())
                        + ", fewer dimensions than its subscripts \"" + s + "\" name");
            e = Math.max(e, ek[k]);
        }
        if (e > pool.length())
            throw new IllegalArgumentException("einsum: too many '...' dimensions (" + e + ") in \"" + equation + "\"");
        String labels = pool.substring(0, e);
        long[] size = new long[e];
        Arrays.fill(size, 1);
        for (int k = 0; k < ins.length; k++) {
            int at = ins[k].indexOf("...");
            if (at < 0) continue;
            long[] shape = operands[k].shape();
            for (int i = 0; i < ek[k]; i++) {
                long n = shape[at + i];
                int slot = e - ek[k] + i;
                if (n != 1 && size[slot] != 1 && n != size[slot])
                    throw new ShapeException("einsum: the '...' dimensions of operand " + k + " (shape "
                            + Shapes.str(shape) + ") do not broadcast with the other operands' (size " + n + " vs "
                            + size[slot] + ")");
                if (n != 1) size[slot] = n;
            }
        }
        for (int k = 0; k < ins.length; k++) {
            int at = ins[k].indexOf("...");
            if (at < 0) continue;
            long[] shape = operands[k].shape(), target = shape.clone();
            boolean expand = false;
            for (int i = 0; i < ek[k]; i++) {
                long want = size[e - ek[k] + i];
                if (target[at + i] != want) {
                    target[at + i] = want;
                    expand = true;
                }
            }
            if (expand) operands[k] = operands[k].expand(target);
            ins[k] = ins[k].replace("...", labels.substring(e - ek[k]));
        }
        return outSpec != null ? outSpec.replace("...", labels) : implicitOutput(ins, labels);
    }

    /** torch's implicit output: the "..." labels, then the labels that appear exactly once, alphabetically (A-Z, a-z). */
    private static String implicitOutput(String[] ins, String ellipsisLabels) {
        StringBuilder out = new StringBuilder(ellipsisLabels);
        String all = String.join("", ins);
        for (char c = 'A'; c <= 'z'; c++) {
            if (Character.isLetter(c)
                    && ellipsisLabels.indexOf(c) < 0
                    && all.indexOf(c) >= 0
                    && all.indexOf(c) == all.lastIndexOf(c)) out.append(c);
        }
        return out.toString();
    }

    /** The diagonal of dims i and j (same size) of t, as one new last dimension (label c repeated in operand k). */
    private static Tensor diagonal(Tensor t, int i, int j, int k, char c) {
        long[] shape = t.shape();
        if (shape[i] != shape[j])
            throw new ShapeException("einsum: label '" + c + "' repeated in operand " + k + " names dimensions of"
                    + " sizes " + shape[i] + " and " + shape[j] + " (shape " + Shapes.str(shape) + ")");
        int rank = shape.length, o = 0;
        int[] order = new int[rank];
        long[] flat = new long[rank - 1];
        for (int d = 0; d < rank; d++) {
            if (d != i && d != j) {
                flat[o] = shape[d];
                order[o++] = d;
            }
        }
        order[rank - 2] = i;
        order[rank - 1] = j;
        int n = Math.toIntExact(shape[i]);
        flat[rank - 2] = (long) n * n;
        int[] picks = new int[n];
        for (int d = 0; d < n; d++) picks[d] = d * (n + 1);
        return t.permute(order).reshape(flat).indexSelect(rank - 2, picks);
    }

    /** The labels of s that appear in keepers, in s's order. */
    private static String sumOut(String s, String keepers) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) if (keepers.indexOf(c) >= 0) b.append(c);
        return b.toString();
    }

    /** t with the dimensions of labels not in keep summed away. */
    private static Tensor reduceTo(Tensor t, String labels, String keep) {
        if (keep.length() == labels.length()) return t;
        int[] dims = new int[labels.length() - keep.length()];
        int n = 0;
        for (int i = 0; i < labels.length(); i++) if (keep.indexOf(labels.charAt(i)) < 0) dims[n++] = i;
        return t.sum(dims, false);
    }

    /** Labels of the contraction result, in the order contract lays them out: batch, a-only, b-only. */
    private static String labelsOf(String a, String b, String need) {
        StringBuilder batch = new StringBuilder(), ao = new StringBuilder(), bo = new StringBuilder();
        for (char c : a.toCharArray()) {
            if (b.indexOf(c) >= 0) {
                if (need.indexOf(c) >= 0) batch.append(c);
            } else ao.append(c);
        }
        for (char c : b.toCharArray()) if (a.indexOf(c) < 0) bo.append(c);
        return batch.toString() + ao + bo;
    }

    /** A and B as one batched matmul: shared labels still needed are batch, shared ones not needed are contracted. */
    private static Tensor contract(Tensor a, String la, Tensor b, String lb, String need) {
        List<Character> batch = new ArrayList<>(),
                con = new ArrayList<>(),
                ao = new ArrayList<>(),
                bo = new ArrayList<>();
        for (char c : la.toCharArray()) {
            if (lb.indexOf(c) >= 0) (need.indexOf(c) >= 0 ? batch : con).add(c);
            else ao.add(c);
        }
        for (char c : lb.toCharArray()) if (la.indexOf(c) < 0) bo.add(c);
        long nb = 1, m = 1, k = 1, n = 1;
        long[] outShape = new long[batch.size() + ao.size() + bo.size()];
        int o = 0;
        for (char c : batch) outShape[o++] = dimSize(a, la, c);
        for (char c : ao) outShape[o++] = dimSize(a, la, c);
        for (char c : bo) outShape[o++] = dimSize(b, lb, c);
        for (char c : batch) nb *= dimSize(a, la, c);
        for (char c : ao) m *= dimSize(a, la, c);
        for (char c : con) k *= dimSize(a, la, c);
        for (char c : bo) n *= dimSize(b, lb, c);
        Tensor a3 = permuteTo(a, la, join(batch, ao, con)).reshape(nb, m, k);
        Tensor b3 = permuteTo(b, lb, join(batch, con, bo)).reshape(nb, k, n);
        return a3.matmul(b3).reshape(outShape);
    }

    private static long dimSize(Tensor t, String labels, char c) {
        return t.shape()[labels.indexOf(c)];
    }

    private static String join(List<Character> x, List<Character> y, List<Character> z) {
        StringBuilder s = new StringBuilder();
        for (char c : x) s.append(c);
        for (char c : y) s.append(c);
        for (char c : z) s.append(c);
        return s.toString();
    }

    /** t (labelled by from) with its dimensions in the order of to (a permutation of from). */
    private static Tensor permuteTo(Tensor t, String from, String to) {
        if (from.equals(to)) return t;
        int[] order = new int[to.length()];
        for (int i = 0; i < order.length; i++) order[i] = from.indexOf(to.charAt(i));
        return t.permute(order);
    }
}
