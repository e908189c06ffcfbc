package dev.cxm.metrics.text;

import dev.cxm.core.accumulate.Accumulator;
import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.internal.Checks;

/**
 * Counts sentiment scores for a {@link SentimentSummary}, with a mergeable {@link SentimentTally} that
 * serialises as JSON. Not thread-safe: give each thread its own and merge them.
 */
public final class SentimentAccumulator
        implements Accumulator<SentimentScore, SentimentTally, SentimentResult, SentimentAccumulator> {

    private final SentimentSummary summary;
    private long n;
    private long blank;
    private long truncated;
    private long positives;
    private long negatives;
    private long strongNegatives;
    private long compoundSum;
    private long absoluteSum;
    private long squareSum;

    SentimentAccumulator(SentimentSummary summary, SentimentTally state) {
        this.summary = summary;
        set(state);
    }

    /**
     * Returns the summary this accumulator counts for.
     *
     * @return the summary
     */
    public SentimentSummary summary() {
        return summary;
    }

    /**
     * Adds one score; its compound score counts to four decimals.
     *
     * @param score the score
     * @return this accumulator
     * @throws IllegalArgumentException when a count would overflow; nothing is added then
     */
    @Override
    public SentimentAccumulator add(SentimentScore score) {
        Checks.present("score", score);
        double compound = score.compound();
        long units = Math.round(compound * SentimentTally.SCALE);
        try {
            // Every sum first, so that an overflow changes nothing.
            long newSquareSum = Math.addExact(squareSum, units * units);
            long newAbsoluteSum = Math.addExact(absoluteSum, Math.abs(units));
            long newCompoundSum = Math.addExact(compoundSum, units);
            long newN = Math.addExact(n, 1);
            squareSum = newSquareSum;
            absoluteSum = newAbsoluteSum;
            compoundSum = newCompoundSum;
            n = newN;
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException("n: " + n + " texts are as many as one accumulator counts; a sum would"
                    + " overflow", overflow);
        }
        // Each count below is at most n, which did not overflow.
        blank += score.blank() ? 1 : 0;
        truncated += score.truncated() ? 1 : 0;
        positives += compound >= summary.neutralBand() ? 1 : 0;
        negatives += compound <= -summary.neutralBand() ? 1 : 0;
        strongNegatives += compound <= summary.strongNegativeThreshold() ? 1 : 0;
        return this;
    }

    /**
     * Adds everything {@code other} has counted (which is left unchanged).
     *
     * @param other an accumulator of the same thresholds
     * @return this accumulator
     * @throws IllegalArgumentException when {@code other} is this accumulator, counts by other thresholds, or a
     *     count would overflow; nothing is merged then
     */
    @Override
    public SentimentAccumulator merge(SentimentAccumulator other) {
        Accumulators.requireOther(this, other);
        set(state().plus(other.state()));
        return this;
    }

    /**
     * Returns the state: an immutable snapshot.
     *
     * @return the state
     */
    @Override
    public SentimentTally state() {
        return new SentimentTally(summary.neutralBand(), summary.strongNegativeThreshold(), n, blank, truncated,
                positives, negatives, strongNegatives, compoundSum, absoluteSum, squareSum);
    }

    private void set(SentimentTally state) {
        n = state.n();
        blank = state.blank();
        truncated = state.truncated();
        positives = state.positives();
        negatives = state.negatives();
        strongNegatives = state.strongNegatives();
        compoundSum = state.compoundSum();
        absoluteSum = state.absoluteSum();
        squareSum = state.squareSum();
    }

    /**
     * Returns the summary of the scores counted so far.
     *
     * @return the result
     */
    @Override
    public SentimentResult result() {
        return summary.result(state());
    }
}
