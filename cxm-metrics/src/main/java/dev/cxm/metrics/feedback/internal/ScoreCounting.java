package dev.cxm.metrics.feedback.internal;

/**
 * The hot loop of every feedback metric: counting how many scores of an array fall on each point of a
 * scale, at a few hundred million scores per second.
 *
 * <p>It first checks every score against the scale in one branch-free pass the JIT vectorises, then counts
 * into eight private tallies in turn, so that runs of equal scores do not wait on one memory slot.
 */
public final class ScoreCounting {

    private static final int LANES = 8;

    private ScoreCounting() {}

    /**
     * Adds to {@code counts[s - min]} one for every score {@code s} of {@code scores[from, to)}; changes
     * nothing and returns the position of the first score off the scale when there is one, else -1.
     *
     * @param scores the scores
     * @param from the first position counted
     * @param to the position after the last one counted
     * @param min the scale's lowest score
     * @param counts the tallies, one per scale point, added to
     * @return the position of the first score off the scale, or -1
     */
    public static int countInto(int[] scores, int from, int to, int min, long[] counts) {
        int points = counts.length;
        int firstBad = firstOffScale(scores, from, to, min, points);
        if (firstBad >= 0) {
            return firstBad;
        }
        // Eight tallies side by side in one array: lane j counts scores i with i % 8 == j.
        int[] tallies = new int[LANES * points];
        int i = from;
        while (i < to) {
            // Flush the int tallies before they could overflow.
            int chunkEnd = (int) Math.min(to, (long) i + (1L << 30));
            int unrolledEnd = chunkEnd - (LANES - 1);
            for (; i < unrolledEnd; i += LANES) {
                tallies[scores[i] - min]++;
                tallies[points + scores[i + 1] - min]++;
                tallies[2 * points + scores[i + 2] - min]++;
                tallies[3 * points + scores[i + 3] - min]++;
                tallies[4 * points + scores[i + 4] - min]++;
                tallies[5 * points + scores[i + 5] - min]++;
                tallies[6 * points + scores[i + 6] - min]++;
                tallies[7 * points + scores[i + 7] - min]++;
            }
            for (; i < chunkEnd; i++) {
                tallies[scores[i] - min]++;
            }
            for (int k = 0; k < points; k++) {
                long sum = 0;
                for (int lane = 0; lane < LANES; lane++) {
                    sum += tallies[lane * points + k];
                    tallies[lane * points + k] = 0;
                }
                counts[k] += sum;
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
