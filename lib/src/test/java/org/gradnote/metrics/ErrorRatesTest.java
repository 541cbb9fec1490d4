package org.gradnote.metrics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorRatesTest {
    private static List<String> chars(String s) {
        return s.chars().mapToObj(Character::toString).toList();
    }

    @Test
    void editDistanceCountsSubstitutionsInsertionsAndDeletions() {
        assertEquals(3, ErrorRates.editDistance(chars("kitten"), chars("sitting")));
        assertEquals(3, ErrorRates.editDistance(chars("sitting"), chars("kitten")));
        assertEquals(0, ErrorRates.editDistance(chars("312"), chars("312")));
        assertEquals(3, ErrorRates.editDistance(chars(""), chars("312")));
        assertEquals(2, ErrorRates.editDistance(chars("312"), chars("3")));
        assertEquals(1, ErrorRates.editDistance(chars("312"), chars("3412")));
        assertEquals(2, ErrorRates.editDistance(chars("312"), chars("123"))); // delete 3, append 3
    }

    @Test
    void ratesAreTotalEditsOverTotalReferenceLength() {
        assertEquals(1.0 / 3, ErrorRates.cer("312", "302"), 1e-15);
        assertEquals(0, ErrorRates.cer("45", "45"));
        assertEquals(2.0, ErrorRates.cer("7", "777"), 1e-15); // two insertions over one character
        // Corpus level: (1 + 2) edits over (3 + 2) characters, not the mean of 1/3 and 1.
        assertEquals(3.0 / 5, ErrorRates.cer(List.of("312", "45"), List.of("302", "")), 1e-15);
        assertEquals(1.0 / 3, ErrorRates.wer("three hundred twelve", " three  hundred eleven"), 1e-15);
        assertEquals(2.0 / 5, ErrorRates.wer(List.of("a b c", "d e"), List.of("a c", "d f e")), 1e-15);
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> ErrorRates.cer(List.of("1"), List.of()));
        assertEquals("cer: 1 references but 0 hypotheses", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ErrorRates.wer(List.of(" "), List.of("a")));
        assertEquals("wer: the references are empty", e.getMessage());
    }
}
