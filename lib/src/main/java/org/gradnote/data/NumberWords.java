package org.gradnote.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated translation task: English number words to digits ("three hundred twelve" to "312"), for the
 * sequence-to-sequence labs. Words are space-separated, without "and" or hyphens ("twenty one").
 */
public final class NumberWords {
    private static final String[] ONES = {
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen"
    };
    private static final String[] TENS = {
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
    };

    /** The largest number {@link #words} spells. */
    public static final int MAX = 999_999;

    private NumberWords() {}

    /** One example: the number, its words (the source) and its digits (the target). */
    public record Pair(int number, String words, String digits) {}

    /** The words of {@code n} in 0..{@value #MAX}, e.g. 4012 gives "four thousand twelve". */
    public static String words(int n) {
        if (n < 0 || n > MAX) {
            throw new IllegalArgumentException("NumberWords.words: " + n + " is outside 0.." + MAX);
        }
        if (n == 0) return ONES[0];
        List<String> out = new ArrayList<>();
        if (n >= 1000) {
            below1000(n / 1000, out);
            out.add("thousand");
        }
        below1000(n % 1000, out);
        return String.join(" ", out);
    }

    private static void below1000(int n, List<String> out) {
        if (n >= 100) {
            out.add(ONES[n / 100]);
            out.add("hundred");
            n %= 100;
        }
        if (n >= 20) {
            out.add(TENS[n / 10]);
            n %= 10;
            if (n > 0) out.add(ONES[n]);
        } else if (n > 0) {
            out.add(ONES[n]);
        }
    }

    /**
     * {@code count} distinct numbers drawn uniformly from 0..{@code bound}-1 in a random order fixed by {@code seed}:
     * slicing the list gives train and test sets that share no number.
     */
    public static List<Pair> sample(int count, int bound, long seed) {
        if (bound <= 0 || bound > MAX + 1 || count < 0 || count > bound) {
            throw new IllegalArgumentException("NumberWords.sample: needs 0 <= count <= bound <= " + (MAX + 1)
                    + ", got count " + count + " and bound " + bound);
        }
        // A partial Fisher-Yates shuffle of 0..bound-1: only the first count positions are drawn.
        int[] numbers = new int[bound];
        for (int i = 0; i < bound; i++) numbers[i] = i;
        Random rng = new Random(seed);
        List<Pair> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(bound - i);
            int t = numbers[i];
            numbers[i] = numbers[j];
            numbers[j] = t;
            out.add(new Pair(numbers[i], words(numbers[i]), Integer.toString(numbers[i])));
        }
        return out;
    }
}
