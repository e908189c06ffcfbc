package dev.cxm.metrics.text.internal;

import java.util.Arrays;
import java.util.HashMap;

/**
 * The words the sentiment rules know, in one compact open-addressing table keyed by the lower-case word: its
 * valence when it is a lexicon word, its degree-modifier scalar when it is a booster or dampener, whether it
 * negates, and a code for the few words a rule names ({@code but}, {@code no}, {@code least}, ...). A lookup
 * reads the characters of a token straight from a buffer: no string, no boxing.
 *
 * <p>Built once by {@link VaderLexicon}, then read-only and safe to share between threads.
 */
final class Vocabulary {

    /** The word has a valence (it is in the lexicon, published or extra). */
    static final int SENTIMENT = 1;
    /** The word negates what follows it. */
    static final int NEGATION = 2;
    /** The word is a degree modifier (booster or dampener). */
    static final int MODIFIER = 4;

    private final char[] pool;
    private final int[] starts;
    private final int[] lengths;
    private final int[] hashes;
    private final int[] table;
    private final int mask;
    private final double[] valence;
    private final double[] scalar;
    private final byte[] flags;
    private final byte[] codes;
    private final int size;

    private Vocabulary(Builder builder) {
        this.size = builder.size;
        this.pool = Arrays.copyOf(builder.pool, builder.poolSize);
        this.starts = Arrays.copyOf(builder.starts, size);
        this.lengths = Arrays.copyOf(builder.lengths, size);
        this.valence = Arrays.copyOf(builder.valence, size);
        this.scalar = Arrays.copyOf(builder.scalar, size);
        this.flags = Arrays.copyOf(builder.flags, size);
        this.codes = Arrays.copyOf(builder.codes, size);
        int capacity = Integer.highestOneBit(Math.max(4, size * 3)) << 1;
        this.mask = capacity - 1;
        this.table = new int[capacity];
        this.hashes = new int[size];
        Arrays.fill(table, -1);
        for (int id = 0; id < size; id++) {
            hashes[id] = hash(pool, starts[id], starts[id] + lengths[id]);
            int slot = hashes[id] & mask;
            while (table[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id;
        }
    }

    static Builder builder() {
        return new Builder();
    }

    /** Returns the id of the word in {@code chars[from, to)} (already lower case), or -1 when it is unknown. */
    int find(char[] chars, int from, int to) {
        int hash = hash(chars, from, to);
        int slot = hash & mask;
        for (int id = table[slot]; id >= 0; id = table[slot]) {
            if (hashes[id] == hash && sameChars(id, chars, from, to)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Compares a word's characters by hand: words are short, too short for a vectorised compare to pay. */
    private boolean sameChars(int id, char[] chars, int from, int to) {
        int length = to - from;
        if (lengths[id] != length) {
            return false;
        }
        int start = starts[id];
        for (int k = 0; k < length; k++) {
            if (pool[start + k] != chars[from + k]) {
                return false;
            }
        }
        return true;
    }

    /** Returns the id of {@code word} (lower case), or -1. */
    int find(String word) {
        char[] chars = word.toCharArray();
        return find(chars, 0, chars.length);
    }

    boolean has(int id, int flag) {
        return id >= 0 && (flags[id] & flag) != 0;
    }

    /** Returns the valence of a {@link #SENTIMENT} word. */
    double valence(int id) {
        return valence[id];
    }

    /** Returns the scalar of a {@link #MODIFIER}: positive for a booster, negative for a dampener. */
    double scalar(int id) {
        return scalar[id];
    }

    /** Returns the rule code of a word ({@link RuleWords}), 0 for none; -1 ids give 0. */
    int code(int id) {
        return id < 0 ? 0 : codes[id];
    }

    int size() {
        return size;
    }

    String word(int id) {
        return new String(pool, starts[id], lengths[id]);
    }

    private static int hash(char[] chars, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + chars[i];
        }
        return h ^ (h >>> 16);
    }

    /** Collects the words; a word added twice keeps one id and gains the flags of both. */
    static final class Builder {
        private char[] pool = new char[1 << 16];
        private int poolSize;
        private int[] starts = new int[1024];
        private int[] lengths = new int[1024];
        private double[] valence = new double[1024];
        private double[] scalar = new double[1024];
        private byte[] flags = new byte[1024];
        private byte[] codes = new byte[1024];
        private int size;
        private final HashMap<String, Integer> ids = new HashMap<>();

        private int idOf(String word) {
            Integer known = ids.get(word);
            if (known != null) {
                return known;
            }
            if (size == starts.length) {
                int capacity = size * 2;
                starts = Arrays.copyOf(starts, capacity);
                lengths = Arrays.copyOf(lengths, capacity);
                valence = Arrays.copyOf(valence, capacity);
                scalar = Arrays.copyOf(scalar, capacity);
                flags = Arrays.copyOf(flags, capacity);
                codes = Arrays.copyOf(codes, capacity);
            }
            while (poolSize + word.length() > pool.length) {
                pool = Arrays.copyOf(pool, pool.length * 2);
            }
            word.getChars(0, word.length(), pool, poolSize);
            starts[size] = poolSize;
            lengths[size] = word.length();
            poolSize += word.length();
            ids.put(word, size);
            return size++;
        }

        /** Sets the valence of a lexicon word; a later call for the same word replaces the earlier value. */
        Builder sentiment(String word, double value) {
            int id = idOf(word);
            valence[id] = value;
            flags[id] |= SENTIMENT;
            return this;
        }

        boolean hasSentiment(String word) {
            Integer id = ids.get(word);
            return id != null && (flags[id] & SENTIMENT) != 0;
        }

        Builder negation(String word) {
            // idOf first: it may grow the arrays, and flags[idOf(word)] would read the array before growing it
            int id = idOf(word);
            flags[id] |= NEGATION;
            return this;
        }

        Builder modifier(String word, double value) {
            int id = idOf(word);
            scalar[id] = value;
            flags[id] |= MODIFIER;
            return this;
        }

        Builder code(String word, int code) {
            int id = idOf(word);
            codes[id] = (byte) code;
            return this;
        }

        Vocabulary build() {
            return new Vocabulary(this);
        }
    }
}
