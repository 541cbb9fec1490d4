package org.gradnote.kernel.display;

import static org.junit.jupiter.api.Assertions.*;

import org.gradnote.nn.Linear;
import org.junit.jupiter.api.Test;

/** A module's architecture toggle is visibly clickable even where the page's CSS hides summary markers. */
class ModuleRendererTest {
    @Test
    void architectureToggleLooksClickable() {
        String html = ModuleRenderer.html(new Linear(3, 2));
        int summary = html.indexOf("<summary ");
        assertTrue(summary > 0 && html.indexOf("<details>") < summary, html);
        String tag = html.substring(summary, html.indexOf('>', summary));
        assertTrue(tag.contains("display:list-item"), "the disclosure marker is back: " + tag);
        assertTrue(tag.contains("cursor:pointer"), tag);
        assertTrue(
                html.contains(">architecture (click to expand)</summary><pre>Linear(in_features=3, out_features=2"),
                html);
    }
}
