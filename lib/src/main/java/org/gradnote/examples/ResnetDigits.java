package org.gradnote.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gradnote.Gradnote;
import org.gradnote.data.Batch;
import org.gradnote.data.DataLoader;
import org.gradnote.data.Dataset;
import org.gradnote.data.TensorDataset;
import org.gradnote.data.Transform;
import org.gradnote.data.Transforms;
import org.gradnote.nn.Activations;
import org.gradnote.nn.BasicBlock;
import org.gradnote.nn.BatchNorm;
import org.gradnote.nn.BatchNorm2d;
import org.gradnote.nn.Conv2d;
import org.gradnote.nn.GlobalAvgPool;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Loss;
import org.gradnote.nn.Module;
import org.gradnote.nn.Sequential;
import org.gradnote.optim.SGD;
import org.gradnote.tensor.Tensor;

/**
 * The ResNet lab's pieces on the 8×8 digits: small plain and residual CNNs of any depth, the digits split by class
 * and sampled k per class, an augmentation, and a training loop that keeps frozen batch norms in evaluation mode.
 *
 * <p>Both networks are a stem conv3×3 → BN → ReLU at 8×8, {@code blocks} blocks of {@code width} channels at 8×8, a
 * block with stride 2 to 4×4 and {@code 2·width} channels, {@code blocks - 1} more there, global average pooling and
 * a linear head (the last module, so {@code net.set(net.size() - 1, ...)} swaps it). A residual block is a
 * {@link BasicBlock}; a plain block is the same two convolutions without the shortcut.
 */
public final class ResnetDigits {
    private ResnetDigits() {}

    /** The residual network: {@code 4·blocks + 1} 3×3 convolutions (plus one 1×1 projection) and a linear head. */
    public static Sequential residual(int blocks, int width, int classes) {
        return network(true, blocks, width, classes);
    }

    /** The same network without shortcuts: a plain stack of {@code 4·blocks + 1} 3×3 convolutions. */
    public static Sequential plain(int blocks, int width, int classes) {
        return network(false, blocks, width, classes);
    }

    private static Sequential network(boolean residual, int blocks, int width, int classes) {
        if (blocks < 1) throw new IllegalArgumentException("ResnetDigits: blocks must be >= 1, got " + blocks);
        Sequential s = new Sequential(conv(1, width, 1), new BatchNorm2d(width), Activations.relu());
        for (int i = 0; i < blocks; i++) s.add(block(residual, width, width, 1));
        s.add(block(residual, width, 2L * width, 2));
        for (int i = 1; i < blocks; i++) s.add(block(residual, 2L * width, 2L * width, 1));
        return s.add(new GlobalAvgPool()).add(new Linear(2L * width, classes));
    }

    private static Module block(boolean residual, long in, long out, int stride) {
        if (residual) return new BasicBlock(in, out, stride);
        return new Sequential(
                conv(in, out, stride),
                new BatchNorm2d(out),
                Activations.relu(),
                conv(out, out, 1),
                new BatchNorm2d(out),
                Activations.relu());
    }

    private static Conv2d conv(long in, long out, int stride) {
        int[] one = {1, 1};
        return new Conv2d(in, out, new int[] {3, 3}, new int[] {stride, stride}, one, one, false);
    }

    /** The lab's augmentation: shifts of up to one pixel, rotations of up to 10°, noise of standard deviation 0.05. */
    public static Transform augmentation() {
        return Transforms.compose(
                Transforms.randomShift(1), Transforms.randomRotation(10), Transforms.gaussianNoise(0.05));
    }

    /** The images whose label is in {@code from..to-1}, relabelled 0..to-from-1: {images, labels}. */
    public static Tensor[] classes(Tensor x, Tensor y, int from, int to) {
        long[] labels = y.toLongArray();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) if (labels[i] >= from && labels[i] < to) keep.add(i);
        int[] idx = keep.stream().mapToInt(Integer::intValue).toArray();
        long[] relabelled = new long[idx.length];
        for (int i = 0; i < idx.length; i++) relabelled[i] = labels[idx[i]] - from;
        return new Tensor[] {x.indexSelect(0, idx), Tensor.of(relabelled)};
    }

    /** {@code k} images of each class drawn at random with a seed (fewer when a class has fewer): {images, labels}. */
    public static Tensor[] perClass(Tensor x, Tensor y, int k, long seed) {
        long[] labels = y.toLongArray();
        int[] order = Gradnote.permutation(labels.length, new SplittableRandom(seed));
        long max = 0;
        for (long v : labels) max = Math.max(max, v);
        int[] taken = new int[(int) max + 1];
        List<Integer> keep = new ArrayList<>();
        for (int i : order) if (taken[(int) labels[i]]++ < k) keep.add(i);
        int[] idx = keep.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new Tensor[] {x.indexSelect(0, idx), y.indexSelect(0, idx)};
    }

    /**
     * Trains with SGD (momentum 0.9) and cross-entropy for a number of optimizer steps over reshuffled mini-batches;
     * batch norms whose parameters are all frozen stay in evaluation mode, so a frozen body keeps computing exactly
     * the features it was trained to compute. Returns the mean training loss of each pass over the data.
     */
    public static List<Double> train(Sequential net, Dataset data, int batchSize, int steps, double lr, long seed) {
        SGD opt = new SGD(net.parameters(), lr, 0.9);
        Loss crit = Loss.crossEntropy();
        DataLoader loader =
                DataLoader.of(data, Math.min(batchSize, data.size())).shuffled(seed);
        List<Double> losses = new ArrayList<>();
        int step = 0;
        while (step < steps) {
            trainMode(net);
            double total = 0;
            int batches = 0;
            for (Batch b : loader) {
                if (step++ >= steps) break;
                opt.zeroGrad();
                Tensor loss = crit.apply(net.forward(b.x()), b.y());
                loss.backward();
                opt.step();
                total += loss.item();
                batches++;
            }
            losses.add(total / batches);
        }
        net.eval();
        return losses;
    }

    /** Training mode for every module except batch norms whose parameters are all frozen. */
    static void trainMode(Module net) {
        net.train();
        for (Module m : net.namedModules().values()) {
            if (m instanceof BatchNorm && m.parameters().stream().noneMatch(Tensor::requiresGrad)) m.eval();
        }
    }

    /** The fraction of images whose highest score is the true label, in evaluation mode and without gradients. */
    public static double accuracy(Module net, Tensor x, Tensor y) {
        net.eval();
        try (var g = Tensor.noGrad()) {
            return net.forward(x).argmax(1).eq(y).countNonZero() / (double) y.numel();
        }
    }

    /**
     * Trains a new {@code classes}-way head on top of a copy of {@code pretrained}'s frozen body: the pretrained
     * network is not changed. The copy is made through a non-strict state dict, which reports the head's keys as the
     * only missing ones.
     */
    public static Sequential newHead(Sequential pretrained, int blocks, int width, int classes) {
        Sequential net = residual(blocks, width, classes);
        var state = new java.util.LinkedHashMap<>(pretrained.stateDict());
        String head = (net.size() - 1) + ".";
        state.keySet().removeIf(k -> k.startsWith(head));
        var keys = net.loadStateDict(state, false);
        if (!keys.unexpectedKeys().isEmpty() || keys.missingKeys().stream().anyMatch(k -> !k.startsWith(head)))
            throw new IllegalArgumentException("newHead: the pretrained network is not a residual(" + blocks + ", "
                    + width + ", ...) network: " + keys);
        for (int i = 0; i < net.size() - 1; i++) net.get(i).freeze();
        return net;
    }

    /** {images, labels} as a data set. */
    public static Dataset dataset(Tensor[] xy) {
        return new TensorDataset(xy[0], xy[1]);
    }
}
