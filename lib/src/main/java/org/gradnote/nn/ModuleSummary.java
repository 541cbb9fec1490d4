package org.gradnote.nn;

import java.util.Arrays;
import java.util.Map;
import org.gradnote.tensor.Tensor;

/** Formats a module's parameter table (what {@code sum(p.numel() for p in model.parameters())} prints, and more). */
final class ModuleSummary {
    private ModuleSummary() {}

    static String of(Module m) {
        Map<String, Tensor> params = m.namedParameters();
        int w = "parameter".length();
        for (String k : params.keySet()) w = Math.max(w, k.length());
        String fmt = "%-" + w + "s  %-16s  %12s  %s%n";
        StringBuilder b = new StringBuilder(m.getClass().getSimpleName()).append('\n');
        b.append(String.format(fmt, "parameter", "shape", "count", "trainable"));
        long total = 0, trainable = 0;
        for (var e : params.entrySet()) {
            Tensor p = e.getValue();
            total += p.numel();
            if (p.requiresGrad()) trainable += p.numel();
            b.append(String.format(
                    fmt,
                    e.getKey(),
                    Arrays.toString(p.shape()),
                    String.format(java.util.Locale.ROOT, "%,d", p.numel()),
                    p.requiresGrad() ? "yes" : "no"));
        }
        b.append(String.format(java.util.Locale.ROOT, "total: %,d parameters (%,d trainable)", total, trainable));
        return b.toString();
    }
}
