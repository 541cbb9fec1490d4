package org.gradnote.grid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every run of a grid, in a stable order: parameters (first axis slowest), then folds, then seeds. */
final class GridPlan {
    private GridPlan() {}

    /** The cartesian product of the spec's axes over the export with hash {@code exportHash}. */
    static List<RunSpec> runs(GridSpec spec, String exportHash) {
        List<LinkedHashMap<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : spec.params().entrySet()) {
            List<LinkedHashMap<String, String>> next = new ArrayList<>();
            for (LinkedHashMap<String, String> c : combos) {
                for (String v : axis.getValue()) {
                    LinkedHashMap<String, String> m = new LinkedHashMap<>(c);
                    m.put(axis.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        List<Integer> folds = new ArrayList<>();
        if (spec.folds() == 0) folds.add(null);
        else for (int f = 0; f < spec.folds(); f++) folds.add(f);
        List<Long> seeds = new ArrayList<>(spec.seeds());
        if (seeds.isEmpty()) seeds.add(null);
        List<RunSpec> out = new ArrayList<>();
        for (LinkedHashMap<String, String> c : combos) {
            for (Integer f : folds) {
                for (Long s : seeds) out.add(RunSpec.of(exportHash, c, s, f, spec.folds()));
            }
        }
        return out;
    }

    /** The grid's identity: what {@code --out} and {@code --resume} compare. */
    static String gridId(GridSpec spec, String exportHash) {
        return RunSpec.sha256(exportHash + "\0" + spec.params() + "\0" + spec.seeds() + "\0" + spec.folds())
                .substring(0, 16);
    }
}
