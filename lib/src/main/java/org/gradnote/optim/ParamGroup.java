package org.gradnote.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gradnote.tensor.Tensor;

/**
 * Parameters that share hyper-parameters, as a {@code param_groups} entry of {@code torch.optim}: options set here
 * override the optimizer's defaults, e.g.
 * {@code new SGD(List.of(ParamGroup.of(body.parameters()).lr(1e-3), ParamGroup.of(head.parameters())), 0.1, 0.9)}.
 * Options are numbers under torch's names ("lr", "momentum", "weight_decay", "eps"...; Adam's betas as "beta1" and
 * "beta2"; flags such as "nesterov" as 1 or 0). Schedulers change a group's "lr" (and OneCycleLR its momentum).
 */
public final class ParamGroup {
    final List<Tensor> params;
    final List<String> names; // null entries for parameters given without a name
    private final Map<String, Double> options = new LinkedHashMap<>();

    private ParamGroup(List<Tensor> params, List<String> names) {
        this.params = params;
        this.names = names;
    }

    /** A group of the given parameters (their error messages say "parameter i of group g"). */
    public static ParamGroup of(List<Tensor> params) {
        Objects.requireNonNull(params, "params");
        List<Tensor> ps = new ArrayList<>(params);
        for (int i = 0; i < ps.size(); i++) Objects.requireNonNull(ps.get(i), "parameter " + i);
        return new ParamGroup(ps, new ArrayList<>(Collections.nCopies(ps.size(), (String) null)));
    }

    /** A group of named parameters, e.g. {@code model.namedParameters()}: error messages then name the culprit. */
    public static ParamGroup of(Map<String, Tensor> namedParams) {
        Objects.requireNonNull(namedParams, "namedParams");
        List<Tensor> ps = new ArrayList<>();
        List<String> ns = new ArrayList<>();
        for (var e : namedParams.entrySet()) {
            ps.add(Objects.requireNonNull(e.getValue(), e.getKey()));
            ns.add(e.getKey());
        }
        return new ParamGroup(ps, ns);
    }

    /** The group's parameters, in order (unmodifiable). */
    public List<Tensor> params() {
        return Collections.unmodifiableList(params);
    }

    /** Sets an option by torch's name (validated by the optimizer the group belongs to). */
    public ParamGroup set(String option, double value) {
        options.put(Objects.requireNonNull(option, "option"), value);
        return this;
    }

    /** The value of an option (after the optimizer filled in its defaults). */
    public double get(String option) {
        Double v = options.get(option);
        if (v == null)
            throw new IllegalArgumentException(
                    "ParamGroup: no option '" + option + "' (options: " + options.keySet() + ")");
        return v;
    }

    /** True when the option is set in this group. */
    public boolean has(String option) {
        return options.containsKey(option);
    }

    /** The options by name, in the order they were set (unmodifiable view). */
    public Map<String, Double> options() {
        return Collections.unmodifiableMap(options);
    }

    /** The learning rate. */
    public double lr() {
        return get("lr");
    }

    /** Sets the learning rate (must be >= 0: schedulers and users change it during a run). */
    public ParamGroup lr(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr))
            throw new IllegalArgumentException("ParamGroup: invalid learning rate: " + lr + " (must be >= 0)");
        return set("lr", lr);
    }

    /** Momentum (SGD, RMSprop). */
    public ParamGroup momentum(double momentum) {
        return set("momentum", momentum);
    }

    /** Dampening of SGD's momentum. */
    public ParamGroup dampening(double dampening) {
        return set("dampening", dampening);
    }

    /** Weight decay (L2 penalty; decoupled for AdamW). */
    public ParamGroup weightDecay(double weightDecay) {
        return set("weight_decay", weightDecay);
    }

    /** Nesterov momentum (SGD). */
    public ParamGroup nesterov(boolean nesterov) {
        return set("nesterov", nesterov ? 1 : 0);
    }

    /** Adam's and NAdam's coefficients of the running averages. */
    public ParamGroup betas(double beta1, double beta2) {
        return set("beta1", beta1).set("beta2", beta2);
    }

    /** The term added to denominators for numerical stability. */
    public ParamGroup eps(double eps) {
        return set("eps", eps);
    }

    /** AMSGrad (Adam, AdamW). */
    public ParamGroup amsgrad(boolean amsgrad) {
        return set("amsgrad", amsgrad ? 1 : 0);
    }

    /** RMSprop's smoothing constant. */
    public ParamGroup alpha(double alpha) {
        return set("alpha", alpha);
    }

    /** Centered RMSprop. */
    public ParamGroup centered(boolean centered) {
        return set("centered", centered ? 1 : 0);
    }

    /** Adagrad's learning-rate decay. */
    public ParamGroup lrDecay(double lrDecay) {
        return set("lr_decay", lrDecay);
    }

    /** Adagrad's initial accumulator value. */
    public ParamGroup initialAccumulatorValue(double value) {
        return set("initial_accumulator_value", value);
    }

    /** NAdam's momentum decay. */
    public ParamGroup momentumDecay(double momentumDecay) {
        return set("momentum_decay", momentumDecay);
    }

    /** True when the flag option is set to a non-zero value. */
    boolean flag(String option) {
        return get(option) != 0;
    }

    /** The name of parameter i, or "parameter i of group g (shape [...])" when it was given without one. */
    String nameOf(int i, int group) {
        String n = names.get(i);
        if (n != null) return "'" + n + "'";
        return i + " of group " + group + " (shape "
                + java.util.Arrays.toString(params.get(i).shape()) + ")";
    }

    @Override
    public String toString() {
        return "ParamGroup(" + params.size() + " parameters, " + options + ")";
    }
}
