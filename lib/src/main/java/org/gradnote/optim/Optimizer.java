package org.gradnote.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.gradnote.tensor.Updates;

/**
 * Base of all optimizers, like {@code torch.optim.Optimizer}: parameter groups with their options (defaults filled
 * in from the constructor's), per-parameter state, and a state dict to resume a run. Parameters that do not require
 * grad, or have no gradient yet, are skipped at {@link #step()}. Subclasses implement one parameter's update rule.
 *
 * <p>Built from {@code model.namedParameters()} (the {@code Map} constructors, or {@link ParamGroup#of(Map)}), error
 * messages name the culprit parameter.
 */
public abstract class Optimizer {
    private final String name;
    private final Map<String, Double> defaults;
    private final List<ParamGroup> groups = new ArrayList<>();
    private final Map<Tensor, State> state = new IdentityHashMap<>();
    private final boolean explicitGroups;
    private long steps;

    /**
     * {@code params} holds either tensors (one group) or {@link ParamGroup}s; {@code defaults} are this optimizer's
     * options by torch's name, "lr" among them, which groups inherit unless they set their own.
     */
    protected Optimizer(String name, List<?> params, Map<String, Double> defaults) {
        this.name = name;
        this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        if (params == null || params.isEmpty())
            throw new IllegalArgumentException(name + ": got an empty parameter list");
        boolean anyGroup = false, anyTensor = false;
        for (Object o : params) {
            if (o instanceof ParamGroup) anyGroup = true;
            else if (o instanceof Tensor) anyTensor = true;
            else
                throw new IllegalArgumentException(name + ": parameters must be tensors or ParamGroups, got "
                        + (o == null ? "null" : o.getClass().getSimpleName()));
        }
        if (anyGroup && anyTensor)
            throw new IllegalArgumentException(name + ": give either tensors or ParamGroups, not both");
        this.explicitGroups = anyGroup;
        ParamGroup d = ParamGroup.of(List.of());
        for (var e : this.defaults.entrySet()) d.set(e.getKey(), e.getValue());
        validate(d, -1);
        if (anyGroup) {
            for (Object o : params) addParamGroup((ParamGroup) o);
        } else {
            List<Tensor> ts = new ArrayList<>();
            for (Object o : params) ts.add((Tensor) o);
            addParamGroup(ParamGroup.of(ts));
        }
    }

    /** One group of named parameters (e.g. {@code model.namedParameters()}), so error messages name them. */
    static List<ParamGroup> named(Map<String, Tensor> namedParams) {
        return List.of(ParamGroup.of(namedParams));
    }

    /**
     * Adds a group (torch's {@code add_param_group}): options it does not set take this optimizer's defaults; its
     * options are validated and its parameters must not be in another group.
     */
    public Optimizer addParamGroup(ParamGroup group) {
        int g = groups.size();
        for (String k : group.options().keySet()) {
            if (!defaults.containsKey(k))
                throw new IllegalArgumentException(name + ": unknown option '" + k + "'" + where(g) + " (" + name
                        + " has " + String.join(", ", defaults.keySet()) + ")");
        }
        for (var e : defaults.entrySet()) if (!group.has(e.getKey())) group.set(e.getKey(), e.getValue());
        validate(group, g);
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ParamGroup other : groups) seen.addAll(other.params);
        for (int i = 0; i < group.params.size(); i++) {
            Tensor p = group.params.get(i);
            if (!seen.add(p))
                throw new IllegalArgumentException(
                        name + ": parameter " + group.nameOf(i, g) + " appears in more than one parameter group");
            if (!p.dtype().isFloatingPoint())
                throw new IllegalArgumentException(name + ": parameter " + group.nameOf(i, g) + " has dtype "
                        + p.dtype() + "; only floating-point tensors can be optimized");
            if (!p.isLeaf())
                throw new IllegalArgumentException(
                        name + ": parameter " + group.nameOf(i, g) + " is not a leaf tensor (output of '" + p.gradFn()
                                + "'); optimize the tensors it was computed from");
        }
        groups.add(group);
        return this;
    }

    /** Checks a group's options (g = its index, -1 for the defaults); subclasses call the check helpers. */
    protected void validate(ParamGroup group, int g) {
        checkNonNegative(group, g, "lr", "learning rate");
    }

    /** Forgets the gradients of all parameters (call before each backward pass). */
    public void zeroGrad() {
        for (int g = 0; g < groups.size(); g++) {
            List<Tensor> ps = groups.get(g).params;
            for (int i = 0; i < ps.size(); i++) ps.get(i).zeroGrad();
        }
    }

    /** Updates every parameter that requires grad and has a gradient, each with its group's options. */
    public void step() {
        steps++;
        try (var ng = Tensor.noGrad()) {
            for (int g = 0; g < groups.size(); g++) {
                ParamGroup group = groups.get(g);
                List<Tensor> ps = group.params;
                for (int i = 0; i < ps.size(); i++) {
                    Tensor p = ps.get(i);
                    if (!p.requiresGrad()) continue;
                    Tensor grad = Updates.grad(p);
                    if (grad == null) continue;
                    long[] shape = p.shape();
                    if (!Arrays.equals(grad.shape(), shape)) {
                        throw new IllegalStateException(name + ": parameter " + group.nameOf(i, g) + " gradient shape "
                                + Arrays.toString(grad.shape()) + " does not match parameter shape "
                                + Arrays.toString(shape));
                    }
                    DType type = p.dtype();
                    // A gradient set by hand in another float type (setGrad) is the parameter's type for the rule.
                    if (grad.dtype() != type) grad = grad.to(type);
                    State s = state.get(p);
                    if (s == null) state.put(p, s = new State(type, shape));
                    else if (s.dtype != type || !Arrays.equals(s.shape, shape))
                        s.follow(this, group.nameOf(i, g), type, shape);
                    s.step++;
                    Tensor delta = update(p, grad, s, group);
                    if (delta != null) p.sub_(delta);
                }
            }
        }
    }

    /**
     * One parameter's rule with its group's options: returns the amount to subtract from it, or null. Parameters
     * change only through that delta so that their version counter moves and autograd's in-place checks stay right.
     * {@code grad} is valid for this call only (zeroGrad may reuse its memory): a rule that keeps it must copy it.
     */
    protected abstract Tensor update(Tensor param, Tensor grad, State state, ParamGroup group);

    /** Names of per-parameter state entries that are numbers rather than tensors (NAdam's "mu_product"). */
    Set<String> scalarStateNames() {
        return Set.of();
    }

    /**
     * Per-parameter state: named buffers (momentum, moments...) and numbers, which the state dict saves, plus the
     * number of updates this parameter got and scratch memory it does not save.
     */
    protected static final class State {
        /** Updates applied to this parameter so far, this one included (torch's per-parameter "step"). */
        public long step;

        private final Map<String, Tensor> buffers = new HashMap<>();
        private final Map<String, Double> scalars = new HashMap<>();
        private final Map<String, Tensor> scratch = new HashMap<>();
        /** A native kernel kept across steps (Adam's), or null. */
        Updates.AdamKernel kernel;
        /** The parameter's dtype and shape the buffers were made for. */
        private DType dtype;

        private long[] shape;

        State(DType dtype, long[] shape) {
            this.dtype = dtype;
            this.shape = shape;
        }

        /**
         * Follows a parameter whose values were replaced ({@code Module.to}, {@code setData}) after its state was
         * made: buffers are cast to a new dtype, as torch's in-place updates would; a new shape is an error.
         */
        void follow(Optimizer opt, String who, DType type, long[] newShape) {
            if (!Arrays.equals(shape, newShape)) {
                throw new IllegalStateException(
                        opt.name + ": parameter " + who + " has shape " + Arrays.toString(newShape)
                                + " but its optimizer state was made for shape " + Arrays.toString(shape)
                                + " (its values were replaced after the optimizer had stepped); build a new optimizer");
            }
            for (var e : buffers.entrySet())
                e.setValue(Updates.copyOf(e.getValue().to(type)));
            scratch.clear();
            kernel = null;
            dtype = type;
        }

        /** The named buffer, created zero-filled in the parameter's dtype and shape on first use; saved in the state dict. */
        public Tensor buffer(String name, Tensor like) {
            Tensor b = buffers.get(name);
            if (b == null) buffers.put(name, b = Updates.zerosLike(like));
            return b;
        }

        /** The named buffer, or null when it was never created. */
        public Tensor get(String name) {
            return buffers.get(name);
        }

        /** Sets a buffer (the state owns it from now on: it must not alias a gradient). */
        public void put(String name, Tensor value) {
            buffers.put(name, value);
        }

        /** A number of the state (saved in the state dict), or {@code initial} before it was set. */
        public double scalar(String name, double initial) {
            Double v = scalars.get(name);
            return v == null ? initial : v;
        }

        /** Sets a number of the state. */
        public void setScalar(String name, double value) {
            scalars.put(name, value);
        }

        /** Memory for a step's result, reused across steps and not saved; zero-filled like {@code like} at first. */
        public Tensor scratch(String name, Tensor like) {
            Tensor b = scratch.get(name);
            if (b == null) scratch.put(name, b = Updates.zerosLike(like));
            return b;
        }
    }

    // ------------------------------------------------------------ groups and learning rate

    /** The parameter groups, in order (their options may be changed, as schedulers do). */
    public List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /** The defaults groups inherit, by option name. */
    public Map<String, Double> defaults() {
        return defaults;
    }

    /** The first group's learning rate (the only one unless groups were given). */
    public double lr() {
        return groups.get(0).lr();
    }

    /** Sets the learning rate of every group. */
    public void setLr(double lr) {
        checkNonNegative("learning rate", lr);
        for (ParamGroup g : groups) g.lr(lr);
    }

    /** Number of {@link #step()} calls so far. */
    public long stepCount() {
        return steps;
    }

    /** Every group's parameters, in order. */
    public List<Tensor> parameters() {
        List<Tensor> out = new ArrayList<>();
        for (ParamGroup g : groups) out.addAll(g.params);
        return Collections.unmodifiableList(out);
    }

    // ------------------------------------------------------------ state dict

    /**
     * The optimizer's state as named tensors, torch's layout flattened: {@code state.<i>.<name>} per parameter
     * index i over all groups (its step as int64 [1], buffers as copies, numbers as float64 [1]) and
     * {@code param_groups.<g>.<option>} (float64 [1]) with {@code param_groups.<g>.params} (int64 indices). It can
     * be written with {@code StateDicts.save}; {@link #loadStateDict} on a fresh optimizer over the same parameters
     * continues the run bit for bit.
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        int index = 0;
        List<Tensor> all = parameters();
        for (Tensor p : all) {
            State s = state.get(p);
            if (s != null) {
                String k = "state." + index + ".";
                out.put(k + "step", Tensor.of(new long[] {s.step}));
                for (var e : new TreeMap<>(s.buffers).entrySet()) out.put(k + e.getKey(), Updates.copyOf(e.getValue()));
                for (var e : new TreeMap<>(s.scalars).entrySet()) out.put(k + e.getKey(), number(e.getValue()));
            }
            index++;
        }
        index = 0;
        for (int g = 0; g < groups.size(); g++) {
            ParamGroup group = groups.get(g);
            String k = "param_groups." + g + ".";
            for (var e : group.options().entrySet()) out.put(k + e.getKey(), number(e.getValue()));
            long[] ids = new long[group.params.size()];
            for (int i = 0; i < ids.length; i++) ids[i] = index++;
            out.put(k + "params", Tensor.of(ids));
        }
        return out;
    }

    /**
     * Restores a {@link #stateDict()}: the same number of groups with the same number of parameters each; options
     * are validated again, buffers are copied (cast to the parameter's dtype) and must have its shape.
     */
    public void loadStateDict(Map<String, Tensor> sd) {
        Map<Integer, Map<String, Tensor>> groupEntries = new TreeMap<>(), stateEntries = new TreeMap<>();
        for (var e : sd.entrySet()) {
            String[] parts = e.getKey().split("\\.", 3);
            if (parts.length != 3 || !(parts[0].equals("state") || parts[0].equals("param_groups"))) {
                throw new IllegalArgumentException(name + ": unexpected state dict entry '" + e.getKey() + "'");
            }
            int i;
            try {
                i = Integer.parseInt(parts[1]);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(name + ": unexpected state dict entry '" + e.getKey() + "'", ex);
            }
            (parts[0].equals("state") ? stateEntries : groupEntries)
                    .computeIfAbsent(i, x -> new LinkedHashMap<>())
                    .put(parts[2], e.getValue());
        }
        if (groupEntries.size() != groups.size() || !groupEntries.keySet().equals(range(groups.size()))) {
            throw new IllegalArgumentException(name + ": loaded state dict has " + groupEntries.size()
                    + " parameter groups, this optimizer has " + groups.size());
        }
        List<Map<String, Double>> options = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Map<String, Tensor> entries = groupEntries.get(g);
            Tensor ids = entries.get("params");
            int size = groups.get(g).params.size();
            if (ids == null || ids.numel() != size) {
                throw new IllegalArgumentException(name + ": loaded parameter group " + g + " has "
                        + (ids == null ? "no" : String.valueOf(ids.numel())) + " parameters, this optimizer's has "
                        + size);
            }
            Map<String, Double> o = new LinkedHashMap<>();
            ParamGroup check = ParamGroup.of(List.of());
            for (var e : entries.entrySet()) {
                if (e.getKey().equals("params")) continue;
                if (!defaults.containsKey(e.getKey())) {
                    throw new IllegalArgumentException(
                            name + ": loaded parameter group " + g + " has option '" + e.getKey() + "' that " + name
                                    + " does not have (" + String.join(", ", defaults.keySet()) + ")");
                }
                o.put(e.getKey(), e.getValue().item());
                check.set(e.getKey(), e.getValue().item());
            }
            for (String k : defaults.keySet())
                if (!check.has(k))
                    throw new IllegalArgumentException(
                            name + ": loaded parameter group " + g + " lacks option '" + k + "'");
            validate(check, g);
            options.add(o);
        }
        List<Tensor> all = parameters();
        Map<Tensor, State> loaded = new IdentityHashMap<>();
        for (var e : stateEntries.entrySet()) {
            int i = e.getKey();
            if (i < 0 || i >= all.size())
                throw new IllegalArgumentException(
                        name + ": loaded state for parameter index " + i + ", this optimizer has " + all.size());
            Tensor p = all.get(i);
            String who = paramName(p);
            State s = new State(p.dtype(), p.shape());
            for (var b : e.getValue().entrySet()) {
                String k = b.getKey();
                Tensor v = b.getValue();
                if (k.equals("step")) s.step = Math.round(v.item());
                else if (scalarStateNames().contains(k)) s.setScalar(k, v.item());
                else {
                    if (!Arrays.equals(v.shape(), p.shape())) {
                        throw new IllegalArgumentException(name + ": loaded state '" + k + "' of parameter " + who
                                + " has shape " + Arrays.toString(v.shape()) + ", the parameter has shape "
                                + Arrays.toString(p.shape()));
                    }
                    s.put(k, Updates.copyOf(v.dtype() == p.dtype() ? v : v.to(p.dtype())));
                }
            }
            loaded.put(p, s);
        }
        // Everything checked: only now change the optimizer, so that a refused dict leaves it as it was.
        for (int g = 0; g < groups.size(); g++) {
            for (var o : options.get(g).entrySet()) groups.get(g).set(o.getKey(), o.getValue());
        }
        state.clear();
        state.putAll(loaded);
    }

    private static Set<Integer> range(int n) {
        Set<Integer> s = new java.util.TreeSet<>();
        for (int i = 0; i < n; i++) s.add(i);
        return s;
    }

    private static Tensor number(double v) {
        return Tensor.fromArray(DType.FLOAT64, new double[] {v}, 1);
    }

    /** The parameter's name for messages: 'dotted.name', or its index and group and shape. */
    String paramName(Tensor p) {
        for (int g = 0; g < groups.size(); g++) {
            List<Tensor> ps = groups.get(g).params;
            for (int i = 0; i < ps.size(); i++)
                if (ps.get(i) == p) return groups.get(g).nameOf(i, g);
        }
        return "of shape " + Arrays.toString(p.shape());
    }

    // ------------------------------------------------------------ checks

    private String where(int g) {
        return g < 0 ? "" : (explicitGroups || g > 0) ? " in parameter group " + g : "";
    }

    /** Refuses a negative, NaN or infinite option, naming it, its value and the group. */
    protected final void checkNonNegative(ParamGroup group, int g, String option, String what) {
        double v = group.get(option);
        if (!(v >= 0) || Double.isInfinite(v))
            throw new IllegalArgumentException(name + ": invalid " + what + ": " + v + " (must be >= 0)" + where(g));
    }

    /** Refuses an option outside [0, 1), naming it, its value and the group. */
    protected final void checkBeta(ParamGroup group, int g, String option, String what) {
        double v = group.get(option);
        if (!(v >= 0 && v < 1))
            throw new IllegalArgumentException(
                    name + ": invalid " + what + ": " + v + " (must be in [0, 1))" + where(g));
    }

    private void checkNonNegative(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v))
            throw new IllegalArgumentException(name + ": invalid " + what + ": " + v + " (must be >= 0)");
    }

    /** The optimizer's name as torch spells it ("Adam"). */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        if (groups.size() == 1) return name + "(lr=" + lr() + ")";
        StringBuilder b = new StringBuilder(name).append("(");
        for (int g = 0; g < groups.size(); g++)
            b.append(g == 0 ? "" : ", ")
                    .append("group ")
                    .append(g)
                    .append(": lr=")
                    .append(groups.get(g).lr());
        return b.append(")").toString();
    }
}
