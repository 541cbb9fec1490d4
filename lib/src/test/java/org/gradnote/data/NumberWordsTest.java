package org.gradnote.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NumberWordsTest {
    @Test
    void spellsNumbersTheUsualWay() {
        assertEquals("zero", NumberWords.words(0));
        assertEquals("seven", NumberWords.words(7));
        assertEquals("thirteen", NumberWords.words(13));
        assertEquals("forty", NumberWords.words(40));
        assertEquals("twenty one", NumberWords.words(21));
        assertEquals("one hundred", NumberWords.words(100));
        assertEquals("three hundred twelve", NumberWords.words(312));
        assertEquals("nine hundred ninety nine", NumberWords.words(999));
        assertEquals("four thousand twelve", NumberWords.words(4012));
        assertEquals("one hundred five thousand six hundred", NumberWords.words(105_600));
        assertEquals("nine hundred ninety nine thousand nine hundred ninety nine", NumberWords.words(999_999));
        var e = assertThrows(IllegalArgumentException.class, () -> NumberWords.words(1_000_000));
        assertEquals("NumberWords.words: 1000000 is outside 0..999999", e.getMessage());
    }

    @Test
    void sampleIsDistinctInRangeAndRepeatableUnderItsSeed() {
        List<NumberWords.Pair> a = NumberWords.sample(300, 1000, 5);
        assertEquals(300, a.size());
        Set<Integer> seen = new HashSet<>();
        for (var p : a) {
            assertTrue(p.number() >= 0 && p.number() < 1000, p.toString());
            assertTrue(seen.add(p.number()), "repeated " + p.number());
            assertEquals(Integer.toString(p.number()), p.digits());
            assertEquals(NumberWords.words(p.number()), p.words());
        }
        assertEquals(a, NumberWords.sample(300, 1000, 5));
        assertNotEquals(a, NumberWords.sample(300, 1000, 6));
        // Drawing everything gives each number once: a permutation, not sorted.
        List<NumberWords.Pair> all = NumberWords.sample(50, 50, 1);
        assertEquals(50, all.stream().map(NumberWords.Pair::number).distinct().count());
        assertNotEquals(0, all.get(0).number() + all.get(1).number() - 1);
        assertThrows(IllegalArgumentException.class, () -> NumberWords.sample(11, 10, 1));
    }
}
