package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/** Modules applied one after the other, registered as children "0", "1", ... like {@code nn.Sequential}. */
public class Sequential extends Module {
    private int count;

    /** The modules applied one after the other, registered as children "0", "1", ... ({@code nn.Sequential(...)}). */
    public Sequential(Module... modules) {
        for (Module m : modules) add(m);
    }

    /** Appends a module; returns this for chaining. */
    public Sequential add(Module m) {
        register(Integer.toString(count++), m);
        return this;
    }

    /** The i-th module. */
    public Module get(int i) {
        Module m = children().get(Integer.toString(i));
        if (m == null)
            throw new IndexOutOfBoundsException("Sequential: index " + i + " out of range for " + count + " modules");
        return m;
    }

    /**
     * Replaces the i-th module, keeping its place and name (e.g. a new classifier head for transfer learning, {@code
     * seq[i] = module}); returns the new module.
     */
    public <M extends Module> M set(int i, M module) {
        get(i);
        return replaceChild(Integer.toString(i), module);
    }

    /** The number of modules in the sequence ({@code len(seq)}). */
    public int size() {
        return count;
    }

    @Override
    public Tensor forward(Tensor x) {
        for (Module m : children().values()) x = m.forward(x);
        return x;
    }
}
