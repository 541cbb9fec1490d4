package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/** A skip connection x + f(x) around a module f (registered as child "fn"), as in residual networks. */
public class Residual extends Module {
    private final Module fn;

    /** A skip connection around {@code fn}: forward(x) = x + fn(x), so fn must keep the shape. */
    public Residual(Module fn) {
        this.fn = register("fn", fn);
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = fn.forward(x);
        if (!java.util.Arrays.equals(y.shape(), x.shape())) {
            throw new org.gradnote.tensor.ShapeException(
                    "Residual: the wrapped module maps " + java.util.Arrays.toString(x.shape()) + " to "
                            + java.util.Arrays.toString(y.shape()) + "; x + f(x) needs the same shape");
        }
        return x.add(y);
    }
}
