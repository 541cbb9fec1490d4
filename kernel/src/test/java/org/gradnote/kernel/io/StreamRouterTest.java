package org.gradnote.kernel.io;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timer flush never cuts a line that is still arriving into two stream messages (it read "variabl" / "es"). */
class StreamRouterTest {
    private final List<String> sent = new ArrayList<>();
    private final StreamRouter router = new StreamRouter(
            "stderr",
            new OutputListener() {
                @Override
                public void text(String stream, String text) {
                    sent.add(text);
                }

                @Override
                public void marker(String stream, String tag, JsonObject payload) {
                    sent.add("<" + tag + ">");
                }
            },
            new Object());

    private void write(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        router.write(b, 0, b.length);
    }

    @Test
    void aGrowingLineIsHeldUntilItEndsThenSentWhole() {
        write("IllegalArgumentException: no such variabl");
        router.flushCompleteLines();
        assertEquals(List.of(), sent, "a partial line is held while it may still grow");
        write("es in this cell\nnext");
        router.flushCompleteLines();
        assertEquals(List.of("IllegalArgumentException: no such variables in this cell\n"), sent);
        router.flushCompleteLines(); // "next" has not grown since the previous tick: a prompt, sent as it is
        assertEquals(List.of("IllegalArgumentException: no such variables in this cell\n", "next"), sent);
    }

    @Test
    void aPartialLineThatStopsGrowingIsSentAtTheNextTick() {
        write("Epoch 1 ... ");
        router.flushCompleteLines();
        assertTrue(sent.isEmpty());
        router.flushCompleteLines();
        assertEquals(List.of("Epoch 1 ... "), sent);
        write("done\n");
        router.flushCompleteLines();
        assertEquals(List.of("Epoch 1 ... ", "done\n"), sent);
    }

    @Test
    void anExplicitFlushSendsEverythingAtOnce() {
        write("half a li");
        router.flushText();
        assertEquals(List.of("half a li"), sent, "end of cell, a marker or an input prompt: nothing is held");
    }
}
