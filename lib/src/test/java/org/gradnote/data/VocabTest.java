package org.gradnote.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabTest {
    @Test
    void charsMapToSortedIdsAfterTheSpecials() {
        Vocab v = Vocab.ofChars(List.of("312", "20"));
        assertEquals(4 + 4, v.size()); // 0 1 2 3 after pad bos eos unk
        assertEquals(4, v.id("0"));
        assertEquals(7, v.id("3"));
        assertEquals(Vocab.UNK, v.id("9"));
        assertEquals("<eos>", v.token(Vocab.EOS));
        assertArrayEquals(new int[] {Vocab.BOS, 7, 5, 6, Vocab.EOS}, v.encode("312", true, true));
        assertArrayEquals(new int[] {7, 5}, v.encode("31", false, false));
        assertEquals("312", v.decode(new int[] {Vocab.BOS, 7, 5, 6, Vocab.EOS, 4, Vocab.PAD}));
    }

    @Test
    void wordsAreSplitOnSpaces() {
        Vocab v = Vocab.ofWords(List.of("three hundred twelve", "twelve"));
        assertEquals(4 + 3, v.size());
        assertEquals(List.of("three", "hundred", "twelve"), v.split(" three  hundred twelve "));
        int[] ids = v.encode("three hundred twelve", false, true);
        assertArrayEquals(new int[] {v.id("three"), v.id("hundred"), v.id("twelve"), Vocab.EOS}, ids);
        assertEquals("three hundred twelve", v.decode(ids));
        assertEquals("twelve <unk>", v.decode(v.encode("twelve seven", false, false)));
        var e = assertThrows(IllegalArgumentException.class, () -> v.token(7));
        assertEquals("Vocab.token: id 7 is outside 0..6", e.getMessage());
    }
}
