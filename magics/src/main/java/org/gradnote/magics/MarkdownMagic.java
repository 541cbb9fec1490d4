package org.gradnote.magics;

import java.util.Map;

/** {@code %%markdown}: shows the cell body as Markdown (the front end renders it). */
final class MarkdownMagic implements Magic {
    public String name() {
        return "markdown";
    }

    public Kind kind() {
        return Kind.CELL;
    }

    public String usage() {
        return "%%markdown + Markdown body";
    }

    public String summary() {
        return "Render the cell body as Markdown.";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        if (!call.args().isEmpty()) throw MagicUsageException.of(this, "takes no arguments");
        String markdown = call.body();
        return new Invocation() {
            public void run(MagicContext context) {
                context.display(Map.of("text/markdown", markdown, "text/plain", markdown));
            }

            public JavaEquivalent javaEquivalent() {
                return JavaEquivalent.none("Markdown output exists only in the notebook");
            }
        };
    }
}
