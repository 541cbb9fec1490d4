package org.gradnote.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Reverse-mode differentiation over the recorded tape: a topological sort, then one reverse loop. */
final class Autograd {
    private Autograd() {}

    static void backward(Tensor root, Tensor gradient, boolean retainGraph) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward(): this tensor does not require grad and has no grad_fn;"
                    + " call requiresGrad(true) on the inputs you want gradients for");
        }
        Object seed;
        if (gradient == null) {
            if (root.numel() != 1) {
                throw new IllegalStateException(
                        "backward(): grad can be implicitly created only for scalar outputs, this tensor has shape "
                                + Shapes.str(root.shape()) + "; pass an upstream gradient: backward(gradient)");
            }
            seed = null; // a pooled 1, made once the pool records (Nd4j.ones cost a fill op per backward)
        } else {
            if (!Arrays.equals(gradient.shape(), root.shape())) {
                throw new ShapeException("backward(): upstream gradient shape " + Shapes.str(gradient.shape())
                        + " does not match tensor shape " + Shapes.str(root.shape()));
            }
            seed = root.small() != null && gradient.small() != null
                    ? gradient.small().castTo(root.small().type)
                    : Engine.cast(gradient.data(), root.data().dataType());
        }
        List<Tensor> order = topologicalOrder(root);
        // Values are INDArrays or, for tiny tensors on the heap, Smalls (see Small for why).
        Map<Tensor, Object> grads = new IdentityHashMap<>();
        BufferPool pool = BufferPool.get();
        boolean recording = pool.open();
        if (seed == null && root.small() != null) {
            seed = Small.filled(root.small().type, root.shape(), 1.0);
        } else if (seed == null) {
            INDArray one = Engine.empty(root.data().dataType(), root.shape());
            one.putScalar(0, 1.0);
            seed = one;
        }
        grads.put(root, seed);
        boolean ok = false;
        try (GradMode ignored = GradMode.set(false)) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor t = order.get(i);
                Object g = grads.remove(t);
                if (g == null) continue;
                if (t.node == null) {
                    t.accumulateGrad(g, false);
                    continue;
                }
                if (t.retainsGrad()) t.accumulateGrad(g, false);
                Object[] inputGrads = t.node.apply(g);
                Tensor[] inputs = t.node.inputs();
                for (int k = 0; k < inputs.length; k++) {
                    Tensor in = inputs[k];
                    Object gk = inputGrads[k];
                    if (gk == null || !in.requiresGrad()) continue;
                    Object prev = grads.get(in);
                    // Not in place: a rule may hand the same array to several inputs.
                    grads.put(in, prev == null ? gk : sum(prev, gk));
                }
                if (!retainGraph) t.node.release();
            }
            ok = true;
        } finally {
            if (recording) pool.close(ok);
            // The order holds every tensor of the graph: emptied first, the forward arrays are dead when the
            // collection the pass's end may ask for runs.
            order.clear();
            grads.clear();
            if (recording && ok) BufferPool.blocks().passEnded();
        }
    }

    /** Two gradients of one tensor added: on the heap when both are there, else in ND4J. */
    private static Object sum(Object a, Object b) {
        if (a instanceof Small x && b instanceof Small y) return SmallOps.sum(x, y);
        return Engine.broadcastBinary("add", "backward", nd(a), nd(b));
    }

    private static INDArray nd(Object g) {
        return g instanceof Small s ? s.toNd() : (INDArray) g;
    }

    /** Post-order DFS without recursion: RNN graphs unrolled over long sequences would overflow the stack. */
    static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        visited.add(root);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            int next = (Integer) frame[1];
            Tensor[] inputs = t.node == null ? Tensor.NONE : t.node.inputs();
            if (next < inputs.length) {
                frame[1] = next + 1;
                Tensor in = inputs[next];
                if (in.requiresGrad() && visited.add(in)) stack.push(new Object[] {in, 0});
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }
}
