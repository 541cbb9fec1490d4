package org.gradnote.kernel.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The arguments of one export verb: positional files, {@code --flag}s and {@code --option VALUE}s. */
record CliArgs(List<String> positional, Map<String, String> options) {

    /** Thrown for arguments the verb does not accept; the CLI answers with the verb's usage line. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** @param flags options without a value; {@code valued} options take the next argument or {@code =value} */
    static CliArgs parse(List<String> args, List<String> flags, List<String> valued, boolean passThroughParams)
            throws UsageException {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                positional.add(a);
                continue;
            }
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (flags.contains(a)) {
                options.put(a, "true");
            } else if (valued.contains(name)) {
                String value = a.contains("=")
                        ? a.substring(a.indexOf('=') + 1)
                        : (i + 1 < args.size() ? args.get(++i) : null);
                if (value == null) throw new UsageException(name + " needs a value");
                options.put(name, value);
            } else if (passThroughParams && a.contains("=")) {
                positional.add(a);
            } else {
                throw new UsageException("unknown option " + a);
            }
        }
        return new CliArgs(positional, options);
    }

    Optional<Path> path(String option) {
        return Optional.ofNullable(options.get(option)).map(Path::of);
    }

    boolean flag(String option) {
        return options.containsKey(option);
    }
}
