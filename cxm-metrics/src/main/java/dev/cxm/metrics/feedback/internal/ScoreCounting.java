package dev.cxm.metrics.feedback.internal;

/**
 * The hot loop of every feedback metric: counting how many scores of an array fall on each point of a
 * scale, at a few hundred million scores per second.
 *
 * <p>It counts into four private tallies in turn, so that runs of equal scores do not wait on one memory
 * slot, and checks each score against the scale with one unsigned comparison.
 */
public final class ScoreCounting {

    private ScoreCounting() {}

    /**
     * Adds to {@code counts[s - min]} one for every score {@code s} of {@code scores[from, to)}; changes
     * nothing and returns the position of the first score off the scale when there is one, else -1.
     */
    public static int countInto(int[] scores, int from, int to, int min, long[] counts) {
        int points = counts.length;
        int firstBad = firstOffScale(scores, from, to, min, points);
        if (firstBad >= 0) {
            return firstBad;
        }
        int[] a = new int[points];
        int[] b = new int[points];
        int[] c = new int[points];
        int[] d = new int[points];
        int i = from;
        while (i < to) {
            // Flush the int tallies before they could overflow.
            int chunkEnd = (int) Math.min(to, (long) i + (1L << 30));
            int unrolledEnd = chunkEnd - 3;
            for (; i < unrolledEnd; i += 4) {
                a[scores[i] - min]++;
                b[scores[i + 1] - min]++;
                c[scores[i + 2] - min]++;
                d[scores[i + 3] - min]++;
            }
            for (; i < chunkEnd; i++) {
                a[scores[i] - min]++;
            }
            for (int k = 0; k < points; k++) {
                counts[k] += (long) a[k] + b[k] + c[k] + d[k];
                a[k] = 0;
                b[k] = 0;
                c[k] = 0;
                d[k] = 0;
            }
        }
        return -1;
    }

    private static int firstOffScale(int[] scores, int from, int to, int min, int points) {
        // A branch-free pass the JIT vectorises: OR together "is off the scale" bits, and search only on failure.
        int offScale = 0;
        for (int i = from; i < to; i++) {
            offScale |= (points - 1 - (scores[i] - min)) | (scores[i] - min);
        }
        if (offScale >= 0) {
            return -1;
        }
        for (int i = from; i < to; i++) {
            if (Integer.compareUnsigned(scores[i] - min, points) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
