package org.gradnote.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Tokens (characters or space-separated words) to integer ids and back, with the special ids a sequence model needs:
 * {@link #PAD} 0, {@link #BOS} 1, {@link #EOS} 2 and {@link #UNK} 3 for tokens never seen.
 */
public final class Vocab {
    /** Padding, ignored by masks and losses. */
    public static final int PAD = 0;
    /** Beginning of sequence: the decoder's first input. */
    public static final int BOS = 1;
    /** End of sequence: the decoder learns to emit it to stop. */
    public static final int EOS = 2;
    /** A token outside the vocabulary. */
    public static final int UNK = 3;

    private static final List<String> SPECIALS = List.of("<pad>", "<bos>", "<eos>", "<unk>");

    private final boolean chars;
    private final List<String> tokens = new ArrayList<>(SPECIALS);
    private final Map<String, Integer> ids = new HashMap<>();

    private Vocab(boolean chars, Collection<String> texts) {
        this.chars = chars;
        TreeSet<String> seen = new TreeSet<>(); // sorted, so the ids do not depend on the texts' order
        for (String text : texts) seen.addAll(split(text));
        seen.removeAll(SPECIALS);
        tokens.addAll(seen);
        for (int i = 0; i < tokens.size(); i++) ids.put(tokens.get(i), i);
    }

    /** A vocabulary of the characters in {@code texts}. */
    public static Vocab ofChars(Collection<String> texts) {
        return new Vocab(true, texts);
    }

    /** A vocabulary of the space-separated words in {@code texts}. */
    public static Vocab ofWords(Collection<String> texts) {
        return new Vocab(false, texts);
    }

    /** The number of ids, specials included: the size an embedding table or output layer needs. */
    public int size() {
        return tokens.size();
    }

    /** The id of one token, {@link #UNK} if it is not in the vocabulary. */
    public int id(String token) {
        return ids.getOrDefault(token, UNK);
    }

    /** The token of one id, e.g. "<eos>" for {@link #EOS}. */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("Vocab.token: id " + id + " is outside 0.." + (tokens.size() - 1));
        }
        return tokens.get(id);
    }

    /** The tokens of a text: its characters, or its space-separated words. */
    public List<String> split(String text) {
        if (chars) {
            List<String> out = new ArrayList<>(text.length());
            text.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
            return out;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }

    /** The ids of a text, optionally preceded by {@link #BOS} and followed by {@link #EOS}. */
    public int[] encode(String text, boolean bos, boolean eos) {
        List<String> parts = split(text);
        int[] out = new int[parts.size() + (bos ? 1 : 0) + (eos ? 1 : 0)];
        int k = 0;
        if (bos) out[k++] = BOS;
        for (String p : parts) out[k++] = id(p);
        if (eos) out[k] = EOS;
        return out;
    }

    /** The text of ids up to the first {@link #EOS}, skipping {@link #PAD} and {@link #BOS}. */
    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            if (id == EOS) break;
            if (id == PAD || id == BOS) continue;
            if (!chars && sb.length() > 0) sb.append(' ');
            sb.append(token(id));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Vocab(" + (chars ? "chars" : "words") + ", " + size() + " ids)";
    }
}
