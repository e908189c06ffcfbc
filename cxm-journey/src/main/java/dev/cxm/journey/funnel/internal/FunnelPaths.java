package dev.cxm.journey.funnel.internal;

import java.util.Arrays;

/**
 * Finds, for one customer's events held as primitive columns, how far the customer got through a funnel and
 * the path that counts (the first completion). The definitions, which the tests check against a brute-force
 * enumeration of every path:
 *
 * <ul>
 *   <li>A path of length {@code k} is a list of event positions {@code e1 < ... < ek} where event {@code ei}
 *       matches step {@code i} (ordered and strict), with {@code time(ek) - time(e1) <= window}; strict paths
 *       take adjacent positions ({@code e(i+1) = ei + 1}); an exclusion {@code (f, g)} forbids an event that
 *       matches it strictly between {@code ef} and {@code e(min(g, k))} that is not itself on the path, for
 *       {@code f < k}.</li>
 *   <li>Unordered: for a start position {@code s}, {@code m(s, c)} is the largest number of distinct steps
 *       matched by distinct events of positions {@code s..c} within the window of {@code time(s)} (a maximum
 *       matching); the customer reaches {@code max m}.</li>
 *   <li>The customer's level is the longest path (unordered: the largest matching). The path that counts is
 *       the one that reaches that level first (smallest last position), among those the one that starts
 *       last, and then the one whose earlier steps are latest, compared from the last step back.
 *       Unordered: the smallest completion position, then the latest start; step {@code j} happens at the
 *       first position where the matching from that start reaches {@code j}.</li>
 *   <li>Every attempt: the same, among the paths whose first step is one given event ({@link #findFrom});
 *       the caller cuts a customer's events into attempts.</li>
 * </ul>
 *
 * <p>Ordered and strict run in one pass that keeps, per level, the chain with the latest start (as
 * ClickHouse's {@code windowFunnel} does), clearing the levels an excluded event interrupts. Not
 * thread-safe; reused customer after customer.
 */
public final class FunnelPaths {

    /** The funnel orders. */
    public enum Mode {
        /** Steps in order, other events may come between. */
        ORDERED,
        /** Steps in order, nothing between. */
        STRICT,
        /** Steps in any order. */
        UNORDERED
    }

    private final Mode mode;
    private final int steps;
    private final long window;
    /** Per exclusion: its first step and last step (1-based), and its bit in the exclusion masks. */
    private final int[] exclusionFrom;
    private final int[] exclusionTo;

    // Chains by level (1..steps): start position, last position and the positions of the chain.
    private final int[] start;
    private final int[] last;
    private int[][] chain;
    private final int[] pendingStart;
    private int[][] pendingChain;

    private int level;
    private final int[] path;
    // Unordered: per step count, where the matching first reached it; per step, the event that takes it.
    private final int[] reachedAt;
    private final int[] stepOwner;

    /**
     * Creates the finder of one funnel.
     *
     * @param mode the order
     * @param steps the number of steps, 1 to 32
     * @param windowMicros the conversion window in microseconds
     * @param exclusionFrom per exclusion, the step (1-based) after which it applies
     * @param exclusionTo per exclusion, the step (1-based) before which it applies
     */
    public FunnelPaths(Mode mode, int steps, long windowMicros, int[] exclusionFrom, int[] exclusionTo) {
        this.mode = mode;
        this.steps = steps;
        this.window = windowMicros;
        this.exclusionFrom = exclusionFrom.clone();
        this.exclusionTo = exclusionTo.clone();
        this.start = new int[steps + 1];
        this.last = new int[steps + 1];
        this.chain = new int[steps + 1][steps];
        this.pendingStart = new int[steps + 1];
        this.pendingChain = new int[steps + 1][steps];
        this.path = new int[steps];
        this.reachedAt = new int[steps + 1];
        this.stepOwner = new int[steps];
    }

    /**
     * Finds the level and the path that counts for one customer.
     *
     * @param n the number of events
     * @param times their instants in microseconds, in time order
     * @param stepMasks per event, bit {@code i} set when it matches step {@code i + 1}
     * @param exclusionMasks per event, bit {@code x} set when it matches exclusion {@code x}
     * @return the level reached: 0 to the number of steps
     */
    public int find(int n, long[] times, long[] stepMasks, long[] exclusionMasks) {
        level = 0;
        if (mode == Mode.UNORDERED) {
            return unordered(n, times, stepMasks);
        }
        return chains(0, -1, n, times, stepMasks, exclusionMasks);
    }

    /**
     * Finds the level and the path that counts among the paths whose first step is the event at {@code first}
     * (unordered: the paths of the events from {@code first} on, within its window): one attempt.
     *
     * @param first the position of the attempt's first event, which takes step 1 (unordered: some step)
     * @param n the number of events
     * @param times their instants in microseconds, in time order
     * @param stepMasks per event, bit {@code i} set when it matches step {@code i + 1}
     * @param exclusionMasks per event, bit {@code x} set when it matches exclusion {@code x}
     * @return the level reached: 1 to the number of steps
     */
    public int findFrom(int first, int n, long[] times, long[] stepMasks, long[] exclusionMasks) {
        level = 0;
        if (mode == Mode.UNORDERED) {
            unorderedFrom(first, n, times, stepMasks, oneStepEach(n, stepMasks), Integer.MAX_VALUE);
            return level;
        }
        return chains(first, first, n, times, stepMasks, exclusionMasks);
    }

    /**
     * The one pass of ordered and strict funnels over positions {@code from..n-1}; only the event at
     * {@code pinned} may start a chain, or any when it is negative.
     */
    private int chains(int from, int pinned, int n, long[] times, long[] stepMasks, long[] exclusionMasks) {
        Arrays.fill(start, -1);
        Arrays.fill(last, -1);
        boolean strict = mode == Mode.STRICT;
        for (int p = from; p < n; p++) {
            long mask = stepMasks[p];
            if (pinned >= 0 && p != pinned) {
                mask &= ~1L;
            }
            long excluded = exclusionMasks[p];
            if (mask == 0 && excluded == 0) {
                continue;
            }
            long time = times[p];
            // Extensions read the chains as they stood before this event, so one event is never two steps
            // of one path; they are applied after the exclusions have cleared what this event interrupts.
            long extending = mask & ~1L;
            long formed = mask & 1L;
            while (extending != 0) {
                int l = Long.numberOfTrailingZeros(extending);
                extending &= extending - 1;
                if (start[l] >= 0 && time - times[start[l]] <= window && (!strict || last[l] == p - 1)) {
                    pendingStart[l + 1] = start[l];
                    System.arraycopy(chain[l], 0, pendingChain[l + 1], 0, l);
                    pendingChain[l + 1][l] = p;
                    formed |= 1L << l;
                }
            }
            if ((mask & 1L) != 0) {
                pendingStart[1] = p;
                pendingChain[1][0] = p;
            }
            if (excluded != 0) {
                clearInterrupted(excluded);
            }
            // Bit b of formed: level b + 1 has a new chain ending here; highest first, for the level reached.
            while (formed != 0) {
                int b = 63 - Long.numberOfLeadingZeros(formed);
                formed &= ~(1L << b);
                int l = b + 1;
                if (pendingStart[l] >= start[l]) {
                    start[l] = pendingStart[l];
                    last[l] = p;
                    int[] swap = chain[l];
                    chain[l] = pendingChain[l];
                    pendingChain[l] = swap;
                    if (l > level) {
                        level = l;
                        System.arraycopy(chain[l], 0, path, 0, l);
                    }
                }
            }
            if (pinned >= 0 && level == steps) {
                break;
            }
        }
        return level;
    }

    /** Clears the chains an excluded event interrupts: those of levels {@code f..g-1} of each exclusion. */
    private void clearInterrupted(long excluded) {
        for (int x = 0; x < exclusionFrom.length; x++) {
            if ((excluded & (1L << x)) != 0) {
                for (int l = exclusionFrom[x]; l < exclusionTo[x]; l++) {
                    start[l] = -1;
                    last[l] = -1;
                }
            }
        }
    }

    private int unordered(int n, long[] times, long[] stepMasks) {
        boolean oneStepEach = oneStepEach(n, stepMasks);
        int bestCompletion = Integer.MAX_VALUE;
        for (int s = 0; s < n; s++) {
            if (stepMasks[s] != 0) {
                bestCompletion = unorderedFrom(s, n, times, stepMasks, oneStepEach, bestCompletion);
            }
        }
        return level;
    }

    private static boolean oneStepEach(int n, long[] stepMasks) {
        for (int p = 0; p < n; p++) {
            if (Long.bitCount(stepMasks[p]) > 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Grows the largest matching of the events from {@code s} on within its window, taking its path when it
     * beats the best so far (more steps, or as many completed no later); returns the best completion position.
     */
    private int unorderedFrom(int s, int n, long[] times, long[] stepMasks, boolean oneStepEach, int bestCompletion) {
        Arrays.fill(stepOwner, -1);
        long covered = 0;
        int size = 0;
        for (int q = s; q < n && times[q] - times[s] <= window && size < steps; q++) {
            long mask = stepMasks[q];
            if (mask == 0) {
                continue;
            }
            boolean grew;
            if (oneStepEach) {
                grew = (covered & mask) == 0;
                covered |= mask;
            } else {
                grew = augment(q, stepMasks, stepOwner, new boolean[steps]);
            }
            if (grew) {
                size++;
                reachedAt[size] = q;
                if (size > level || (size == level && q <= bestCompletion)) {
                    level = size;
                    bestCompletion = q;
                    System.arraycopy(reachedAt, 1, path, 0, size);
                }
            }
        }
        return bestCompletion;
    }

    /** Kuhn's augmenting path: tries to give event {@code q} a step, moving other events' steps if needed. */
    private boolean augment(int q, long[] stepMasks, int[] stepOwner, boolean[] visited) {
        long mask = stepMasks[q];
        for (int step = 0; step < steps; step++) {
            if ((mask & (1L << step)) != 0 && !visited[step]) {
                visited[step] = true;
                if (stepOwner[step] < 0 || augment(stepOwner[step], stepMasks, stepOwner, visited)) {
                    stepOwner[step] = q;
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Returns the position of the event of step {@code step} (1-based) on the path that counts.
     *
     * @param step a step up to the level found
     * @return the event's position
     */
    public int positionOf(int step) {
        return path[step - 1];
    }
}
