package org.gradnote.magics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** {@code %%writefile [-a] PATH}: writes (or appends) the cell body to a file. */
final class WriteFileMagic implements Magic {
    public String name() {
        return "writefile";
    }

    public Kind kind() {
        return Kind.CELL;
    }

    public String usage() {
        return "%%writefile [-a] PATH";
    }

    public String summary() {
        return "Write the cell body to a file (-a appends).";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        List<String> tokens = MagicArgs.split(call.args());
        boolean append = !tokens.isEmpty() && tokens.get(0).equals("-a");
        List<String> rest = append ? tokens.subList(1, tokens.size()) : tokens;
        if (rest.size() != 1) throw MagicUsageException.of(this, "needs exactly one PATH");
        String file = rest.get(0);
        String text = call.body().endsWith("\n") ? call.body() : call.body() + "\n";
        return new Invocation() {
            public void run(MagicContext context) throws Exception {
                Path path = context.workingDirectory().resolve(file);
                boolean existed = Files.exists(path);
                if (path.getParent() != null) Files.createDirectories(path.getParent());
                Files.writeString(
                        path,
                        text,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                context.out().println((append ? "Appending to " : existed ? "Overwriting " : "Writing ") + file);
            }

            public JavaEquivalent javaEquivalent() {
                return JavaEquivalent.of("java.nio.file.Files.writeString(java.nio.file.Path.of("
                        + MagicArgs.javaLiteral(file) + "), " + MagicArgs.javaLiteral(text)
                        + ", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption."
                        + (append ? "APPEND" : "TRUNCATE_EXISTING") + ");");
            }
        };
    }
}
