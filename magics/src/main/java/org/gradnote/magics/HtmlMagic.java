package org.gradnote.magics;

import java.util.Map;

/** {@code %%html}: shows the cell body as HTML. */
final class HtmlMagic implements Magic {
    public String name() {
        return "html";
    }

    public Kind kind() {
        return Kind.CELL;
    }

    public String usage() {
        return "%%html + HTML body";
    }

    public String summary() {
        return "Render the cell body as HTML.";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        if (!call.args().isEmpty()) throw MagicUsageException.of(this, "takes no arguments");
        String html = call.body();
        return new Invocation() {
            public void run(MagicContext context) {
                context.display(Map.of("text/html", html, "text/plain", "<HTML>"));
            }

            public JavaEquivalent javaEquivalent() {
                return JavaEquivalent.none("HTML output exists only in the notebook");
            }
        };
    }
}
