package dev.cxm.metrics.survival.internal;

import java.util.Arrays;

/**
 * Harrell's concordance index of a risk score against right-censored durations, as R's
 * {@code concordance} reports it for a Cox model: among comparable pairs (a subject churned at t, the other
 * lasted beyond t or was censored at t), the share where the subject that churned first has the higher
 * score, ties in the score counting one half.
 *
 * <p>O(n log n): subjects are visited from the longest duration down while a Fenwick tree over the ranks
 * of the scores counts, for each churned subject, the scores below, equal to and above its own among those
 * that outlasted it.
 */
public final class Concordance {

    private Concordance() {}

    /**
     * Returns the concordance index.
     *
     * @param order the subjects in duration order; positions index {@code observed} and {@code scores}
     * @param observed event flags, by position
     * @param scores risk scores (higher means churning sooner), by position
     * @return the index in [0, 1], or 0.5 when no pair is comparable
     */
    public static double index(TimeOrder order, boolean[] observed, double[] scores) {
        double[] distinct = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            distinct[i] = scores[i] + 0.0; // -0.0 becomes 0.0, so that equal scores share one rank
        }
        Arrays.sort(distinct);
        int m = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || distinct[i] != distinct[m - 1]) {
                distinct[m++] = distinct[i];
            }
        }
        long[] tree = new long[m + 1];
        long inserted = 0;
        long concordant = 0;
        long discordant = 0;
        long tied = 0;
        for (int b = order.blockCount() - 1; b >= 0; b--) {
            int start = order.blockStart(b);
            int end = order.blockEnd(b);
            for (int i = start; i < end; i++) {
                if (!observed[i]) {
                    add(tree, rank(distinct, m, scores[i]));
                    inserted++;
                }
            }
            for (int i = start; i < end; i++) {
                if (observed[i]) {
                    int r = rank(distinct, m, scores[i]);
                    long below = prefix(tree, r - 1);
                    long equal = prefix(tree, r) - below;
                    concordant += below;
                    tied += equal;
                    discordant += inserted - below - equal;
                }
            }
            for (int i = start; i < end; i++) {
                if (observed[i]) {
                    add(tree, rank(distinct, m, scores[i]));
                    inserted++;
                }
            }
        }
        long comparable = concordant + discordant + tied;
        return comparable == 0 ? 0.5 : (concordant + tied / 2.0) / comparable;
    }

    /** Returns the 1-based rank of {@code score} among the distinct scores. */
    private static int rank(double[] distinct, int m, double score) {
        return Arrays.binarySearch(distinct, 0, m, score + 0.0) + 1;
    }

    private static void add(long[] tree, int rank) {
        for (int i = rank; i < tree.length; i += i & -i) {
            tree[i]++;
        }
    }

    private static long prefix(long[] tree, int rank) {
        long sum = 0;
        for (int i = rank; i > 0; i -= i & -i) {
            sum += tree[i];
        }
        return sum;
    }
}
