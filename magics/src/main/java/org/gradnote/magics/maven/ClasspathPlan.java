package org.gradnote.magics.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which resolved jars to add to a class path: new libraries are added, ones already there in the same version are
 * skipped, and a different version of a library already loaded is a conflict (the old one would win anyway, and
 * the new code may then fail with NoClassDefFoundError or NoSuchMethodError), reported up front.
 */
public record ClasspathPlan(List<Coordinates> add, List<Coordinates> present, List<String> conflicts) {

    /**
     * Compares resolved artifacts with what is on the class path already: which to add, which are present, and which
     * conflict in version.
     */
    public static ClasspathPlan of(List<Coordinates> resolved, Map<String, Coordinates> onClassPath) {
        List<Coordinates> add = new ArrayList<>(), present = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (Coordinates c : resolved) {
            Coordinates there = onClassPath.get(c.key());
            if (there == null) add.add(c);
            else if (there.version().equals(c.version())) present.add(c);
            else
                conflicts.add(c + " wanted, but " + there.version() + " is already on the class path ("
                        + there.location() + ")");
        }
        return new ClasspathPlan(add, present, conflicts);
    }
}
