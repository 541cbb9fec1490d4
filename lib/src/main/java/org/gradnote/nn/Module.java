package org.gradnote.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;

/**
 * Base class of all layers and models, like {@code torch.nn.Module}: a tree of explicitly registered parameters,
 * buffers and child modules, addressed by dotted names.
 *
 * <p>Subclass it, register parts in field initialisers or the constructor, and write {@link #forward}:
 * <pre>{@code
 * class Net extends Module {
 *     final Linear hidden = register("hidden", new Linear(100, 55));
 *     final Linear out = register("out", new Linear(55, 10));
 *     public Tensor forward(Tensor x) { return out.forward(hidden.forward(x).tanh()); }
 * }
 * }</pre>
 */
public abstract class Module {
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Computes the module's output. */
    public abstract Tensor forward(Tensor input);

    // ------------------------------------------------------------ registration

    /** Registers a child module under a name and returns it, so fields can be initialised in one line. */
    protected final <M extends Module> M register(String name, M module) {
        checkName(name);
        children.put(name, module);
        return module;
    }

    /** Registers a trainable parameter (its gradient will be required) and returns it. */
    protected final Tensor registerParameter(String name, Tensor value) {
        checkName(name);
        parameters.put(name, value.requiresGrad(true));
        return value;
    }

    /** Registers state that is saved with the model but not trained (e.g. batch norm's running mean). */
    protected final Tensor registerBuffer(String name, Tensor value) {
        checkName(name);
        buffers.put(name, value);
        return value;
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(
                    getClass().getSimpleName() + ": invalid name '" + name + "' (non-empty, no dots)");
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": '" + name + "' is already registered");
        }
    }

    /**
     * Puts a new module in place of a registered child, keeping its position (what {@code model.fc = nn.Linear(...)}
     * does in PyTorch); returns the new module.
     */
    protected final <M extends Module> M replaceChild(String name, M module) {
        if (!children.containsKey(name))
            throw new IllegalArgumentException(getClass().getSimpleName() + ": no child '" + name
                    + "' to replace (children: " + children.keySet() + ")");
        children.put(name, module);
        return module;
    }

    // ------------------------------------------------------------ traversal

    /** Parameters of this module and its descendants, by dotted name, in registration order. */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, false);
        return out;
    }

    /**
     * All parameters of this module and its children, in registration order: what an optimizer takes ({@code
     * model.parameters()}).
     */
    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Direct children by name. */
    public final Map<String, Module> children() {
        return java.util.Collections.unmodifiableMap(children);
    }

    /** This module and all descendants by dotted name ("" for this one). */
    public final Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        out.put("", this);
        for (var e : children.entrySet()) {
            for (var d : e.getValue().namedModules().entrySet()) {
                out.put(d.getKey().isEmpty() ? e.getKey() : e.getKey() + "." + d.getKey(), d.getValue());
            }
        }
        return out;
    }

    private void collect(String prefix, Map<String, Tensor> out, boolean withBuffers) {
        parameters.forEach((k, v) -> out.put(prefix + k, v));
        if (withBuffers) buffers.forEach((k, v) -> out.put(prefix + k, v));
        children.forEach((k, m) -> m.collect(prefix + k + ".", out, withBuffers));
    }

    /** Number of scalar parameters (all, trainable or not). */
    public final long parameterCount() {
        return parameters().stream().mapToLong(Tensor::numel).sum();
    }

    // ------------------------------------------------------------ modes and gradients

    /** Switches this module and its descendants to training mode; returns this. */
    public Module train() {
        return train(true);
    }

    /**
     * Sets training ({@code true}) or evaluation mode on this module and all its children, which changes dropout and
     * batch norm; returns this ({@code model.train(mode)}).
     */
    public Module train(boolean mode) {
        training = mode;
        children.values().forEach(c -> c.train(mode));
        return this;
    }

    /** Switches to evaluation mode (dropout off, batch norm uses running statistics); returns this. */
    public Module eval() {
        return train(false);
    }

    /** Whether this module is in training mode ({@code model.training}). */
    public final boolean isTraining() {
        return training;
    }

    /**
     * Sets whether every parameter of this module and its descendants requires a gradient ({@code
     * model.requires_grad_(flag)}); optimizers skip those that do not. Returns this.
     */
    public Module requiresGrad(boolean flag) {
        for (Tensor p : parameters()) p.requiresGrad(flag);
        return this;
    }

    /**
     * Freezes the parameters ({@code requiresGrad(false)}): they stop receiving gradients, so training leaves them as
     * they are. Batch norm's running statistics still follow the data in training mode; call {@link #eval()} on a
     * frozen part to keep them too. Returns this.
     */
    public Module freeze() {
        return requiresGrad(false);
    }

    /** Makes every parameter trainable again ({@code requiresGrad(true)}); returns this. */
    public Module unfreeze() {
        return requiresGrad(true);
    }

    /** Forgets all parameter gradients. */
    public void zeroGrad() {
        for (Tensor p : parameters()) p.zeroGrad();
    }

    /** Converts every parameter and buffer to the given floating-point type in place; returns this. */
    public Module to(DType type) {
        // In place, as PyTorch does: parameter objects stay the same, so optimizers built before keep working.
        parameters.values().forEach(p -> p.setData(p.detach().to(type)));
        buffers.replaceAll((k, v) -> v.dtype().isFloatingPoint() ? v.detach().to(type) : v);
        children.values().forEach(c -> c.to(type));
        onParametersReplaced();
        return this;
    }

    /** Called after parameters were replaced (e.g. by {@link #to}) so subclasses can refresh their field copies. */
    protected void onParametersReplaced() {}

    /** The current value registered under a local name (parameters and buffers). */
    protected final Tensor local(String name) {
        Tensor t = parameters.get(name);
        return t != null ? t : buffers.get(name);
    }

    /** Replaces a buffer's value (e.g. batch norm's running statistics). */
    protected final void setBuffer(String name, Tensor value) {
        if (!buffers.containsKey(name))
            throw new IllegalArgumentException(getClass().getSimpleName() + ": no buffer '" + name + "'");
        buffers.put(name, value);
    }

    // ------------------------------------------------------------ state

    /** Parameters and buffers by dotted name, the same keys as PyTorch's {@code state_dict()}. */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, true);
        return out;
    }

    /** Copies values into this model; every key must exist here and every model entry must be given. */
    public final IncompatibleKeys loadStateDict(Map<String, Tensor> state) {
        return loadStateDict(state, true);
    }

    /**
     * Copies values by name; with {@code strict}, missing and unexpected keys are errors naming them, without it they
     * are skipped and returned (torch's {@code IncompatibleKeys}). A shape mismatch is an error either way.
     */
    public final IncompatibleKeys loadStateDict(Map<String, Tensor> state, boolean strict) {
        Map<String, Tensor> mine = stateDict();
        List<String> unexpected = new ArrayList<>(), missing = new ArrayList<>(), badShape = new ArrayList<>();
        for (var e : state.entrySet()) {
            Tensor dst = mine.get(e.getKey());
            if (dst == null) unexpected.add(e.getKey());
            else if (!Arrays.equals(dst.shape(), e.getValue().shape())) {
                badShape.add(e.getKey() + ": checkpoint "
                        + Arrays.toString(e.getValue().shape()) + " vs model " + Arrays.toString(dst.shape()));
            }
        }
        for (String k : mine.keySet()) if (!state.containsKey(k)) missing.add(k);
        if (!badShape.isEmpty() || (strict && (!unexpected.isEmpty() || !missing.isEmpty()))) {
            StringBuilder b =
                    new StringBuilder("loadStateDict into " + getClass().getSimpleName() + " failed:");
            if (!unexpected.isEmpty())
                b.append(" unknown parameter name(s) ").append(unexpected).append(';');
            if (!missing.isEmpty()) b.append(" missing key(s) ").append(missing).append(';');
            if (!badShape.isEmpty())
                b.append(" shape mismatch for ").append(badShape).append(';');
            b.append(" model keys are ").append(mine.keySet());
            throw new IllegalArgumentException(b.toString());
        }
        try (var g = Tensor.noGrad()) {
            for (var e : state.entrySet()) {
                Tensor dst = mine.get(e.getKey());
                if (dst != null) dst.copy_(e.getValue().to(dst.dtype()));
            }
        }
        return new IncompatibleKeys(missing, unexpected);
    }

    /** Writes {@link #stateDict()} to a file (names, shapes, dtypes, values; format in {@link StateDicts}). */
    public final void save(java.nio.file.Path file) throws java.io.IOException {
        StateDicts.save(stateDict(), file);
    }

    /** Loads a file written by {@link #save} into this model, refusing names or shapes that do not match it. */
    public final void load(java.nio.file.Path file) throws java.io.IOException {
        loadStateDict(StateDicts.read(file));
    }

    // ------------------------------------------------------------ printing

    /** The parameter table the courses print by hand: name, shape, count, trainable, and the totals. */
    public String summary() {
        return ModuleSummary.of(this);
    }

    /** One-line description of this module's own settings, shown inside {@link #toString()}. */
    protected String extraRepr() {
        return "";
    }

    /** The architecture, printed the way PyTorch prints modules. */
    @Override
    public String toString() {
        StringBuilder b =
                new StringBuilder(getClass().getSimpleName()).append('(').append(extraRepr());
        if (!children.isEmpty()) {
            b.append('\n');
            for (var e : children.entrySet()) {
                String child = e.getValue().toString().replace("\n", "\n  ");
                b.append("  (").append(e.getKey()).append("): ").append(child).append('\n');
            }
        }
        return b.append(')').toString();
    }
}
