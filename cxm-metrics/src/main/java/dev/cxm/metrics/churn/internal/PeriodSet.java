package dev.cxm.metrics.churn.internal;

import java.util.Arrays;

/**
 * The set of periods one customer was active in: a bit set over period numbers that starts at the first
 * 64-period word it needs, so a customer active within a few years of months or weeks costs one word.
 */
public final class PeriodSet implements ActivePeriods {

    private int base;
    private long[] words;

    /** Creates the set holding {@code period}. */
    public PeriodSet(int period) {
        this.base = Math.floorDiv(period, 64) * 64;
        this.words = new long[1];
        add(period);
    }

    /** Adds {@code period}. */
    public void add(int period) {
        if (period < base) {
            int newBase = Math.floorDiv(period, 64) * 64;
            int shift = (base - newBase) / 64;
            long[] grown = new long[words.length + shift];
            System.arraycopy(words, 0, grown, shift, words.length);
            words = grown;
            base = newBase;
        }
        int word = (period - base) >>> 6;
        if (word >= words.length) {
            words = Arrays.copyOf(words, Math.max(word + 1, words.length * 2));
        }
        words[word] |= 1L << (period - base);
    }

    /** Adds every period of {@code other}. */
    public void addAll(ActivePeriods other) {
        for (int p = other.first(); p != NONE; p = other.next(p)) {
            add(p);
        }
    }

    /** Returns whether {@code period} is in the set. */
    public boolean contains(int period) {
        if (period < base) {
            return false;
        }
        int word = (period - base) >>> 6;
        return word < words.length && (words[word] & (1L << (period - base))) != 0;
    }

    @Override
    public int first() {
        return next(base - 1);
    }

    @Override
    public int next(int period) {
        int from = Math.max(period + 1, base) - base;
        int word = from >>> 6;
        if (word >= words.length) {
            return NONE;
        }
        long bits = words[word] & (-1L << from);
        while (true) {
            if (bits != 0) {
                return base + word * 64 + Long.numberOfTrailingZeros(bits);
            }
            if (++word == words.length) {
                return NONE;
            }
            bits = words[word];
        }
    }

    @Override
    public int last() {
        for (int word = words.length - 1; word >= 0; word--) {
            if (words[word] != 0) {
                return base + word * 64 + 63 - Long.numberOfLeadingZeros(words[word]);
            }
        }
        throw new IllegalStateException("a period set is never empty");
    }
}
