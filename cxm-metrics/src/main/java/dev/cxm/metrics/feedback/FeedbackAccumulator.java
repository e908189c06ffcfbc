package dev.cxm.metrics.feedback;

import dev.cxm.core.accumulate.Accumulator;
import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.feedback.internal.ScoreCounting;

/**
 * Counts responses for one {@link FeedbackMetric}: {@link #add(int)} scores (optionally weighted),
 * {@link #merge} another accumulator's counts, and read the {@link #result()} at any time. The state is a
 * few numbers per scale point ({@link #state()}), so the same code runs on one thread, on parallel
 * streams and inside a stream engine's aggregation.
 *
 * <p>Not thread-safe: give each thread its own accumulator and merge them, as a parallel stream's
 * collector does; for many threads adding to one count, use a {@link FeedbackRecorder}.
 *
 * @param <R> the metric's result type
 */
public final class FeedbackAccumulator<R extends FeedbackResult>
        implements Accumulator<FeedbackResponse, ScoreDistribution, R, FeedbackAccumulator<R>> {

    /** Scales whose ends lie within ±2^30 take the counting loop, whose unsigned range check cannot wrap. */
    private static final int FAST_PATH_LIMIT = 1 << 30;

    private final FeedbackMetric<R> metric;
    private final FeedbackScale scale;
    private final int min;
    private final long[] counts;
    private final double[] weights;
    private final double[] squaredWeights;
    /** Whether any weight other than 1 was added; until then the weight arrays are not kept up to date. */
    private boolean weighted;

    FeedbackAccumulator(FeedbackMetric<R> metric) {
        this.metric = Checks.present("metric", metric);
        this.scale = metric.scale();
        this.min = scale.min();
        this.counts = new long[scale.points()];
        this.weights = new double[scale.points()];
        this.squaredWeights = new double[scale.points()];
    }

    FeedbackAccumulator(FeedbackMetric<R> metric, ScoreDistribution state) {
        this(metric);
        Checks.present("state", state);
        ScoreDistribution.requireScale(scale, state.scale());
        mergeState(state.counts(), state.weights(), state.squaredWeights(), !state.hasUnitWeights());
    }

    /**
     * Returns the metric this accumulator counts for.
     *
     * @return the metric
     */
    public FeedbackMetric<R> metric() {
        return metric;
    }

    /**
     * Adds one response with score {@code score} and weight 1.
     *
     * @param score the score, on the metric's scale
     * @return this accumulator
     * @throws IllegalArgumentException naming the score when it is off the metric's scale
     */
    public FeedbackAccumulator<R> add(int score) {
        int index = index(score);
        counts[index]++;
        if (weighted) {
            weights[index] += 1;
            squaredWeights[index] += 1;
        }
        return this;
    }

    /**
     * Adds one response with score {@code score} and survey weight {@code weight}.
     *
     * @param score the score, on the metric's scale
     * @param weight the survey weight
     * @return this accumulator
     * @throws IllegalArgumentException naming the value when the score is off the scale or the weight is
     *     neither 0 nor within [{@value ScoreDistribution#MIN_WEIGHT}, {@value ScoreDistribution#MAX_WEIGHT}];
     *     nothing is added then
     */
    public FeedbackAccumulator<R> add(int score, double weight) {
        int index = index(score);
        ScoreDistribution.requireWeight(weight);
        return addWeighted(index, weight);
    }

    private FeedbackAccumulator<R> addWeighted(int index, double weight) {
        if (!weighted) {
            if (weight == 1) {
                counts[index]++;
                return this;
            }
            startWeighting();
        }
        counts[index]++;
        weights[index] += weight;
        squaredWeights[index] += weight * weight;
        return this;
    }

    /**
     * Adds a response's score, with weight 1.
     *
     * @param response the response, on the metric's scale
     * @return this accumulator
     * @throws IllegalArgumentException naming the event id when the response is on another scale
     */
    @Override
    public FeedbackAccumulator<R> add(FeedbackResponse response) {
        // The hot path of store scans, kept short: a response's score lies on its scale (the record checks
        // it), so once the scale is ours the score needs no range check.
        FeedbackScale responseScale = Checks.present("response", response).scale();
        if (responseScale != scale && !responseScale.equals(scale)) {
            throw otherScale(response);
        }
        int index = response.score() - min;
        counts[index]++;
        if (weighted) {
            weights[index] += 1;
            squaredWeights[index] += 1;
        }
        return this;
    }

    /**
     * Adds a response's score with a survey weight.
     *
     * @param response the response, on the metric's scale
     * @param weight the survey weight
     * @return this accumulator
     * @throws IllegalArgumentException naming the event id when the response is on another scale or the
     *     weight is invalid (see {@link #add(int, double)}); nothing is added then
     */
    public FeedbackAccumulator<R> add(FeedbackResponse response, double weight) {
        int index = scoreOf(response) - min;
        try {
            ScoreDistribution.requireWeight(weight);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (response " + response.eventId() + ")", e);
        }
        return addWeighted(index, weight);
    }

    /**
     * Adds every score of {@code scores}, each with weight 1; the fast path for bulk data.
     *
     * @param scores the scores, each on the metric's scale
     * @return this accumulator
     * @throws IllegalArgumentException naming the first score off the scale and its position; nothing is
     *     added then
     */
    public FeedbackAccumulator<R> addAll(int[] scores) {
        return addAll(scores, 0, Checks.present("scores", scores).length);
    }

    /**
     * Adds the scores {@code scores[from, to)}, each with weight 1.
     *
     * @param scores the scores
     * @param from the first position added
     * @param to the position after the last one added
     * @return this accumulator
     * @throws IllegalArgumentException naming the first score off the scale and its position, or the range
     *     when it does not fit the array; nothing is added then
     */
    public FeedbackAccumulator<R> addAll(int[] scores, int from, int to) {
        Checks.present("scores", scores);
        if (from < 0 || to > scores.length || from > to) {
            throw new IllegalArgumentException("range: [" + from + ", " + to + ") does not fit an array of "
                    + scores.length);
        }
        if (Math.abs((long) scale.min()) > FAST_PATH_LIMIT || Math.abs((long) scale.max()) > FAST_PATH_LIMIT) {
            for (int i = from; i < to; i++) {
                index(scores[i]);
            }
            for (int i = from; i < to; i++) {
                add(scores[i]);
            }
            return this;
        }
        long[] added = weighted ? new long[counts.length] : counts;
        int bad = ScoreCounting.countInto(scores, from, to, min, added);
        if (bad >= 0) {
            throw new IllegalArgumentException(offScale(scores[bad]) + " (at position " + bad + ")");
        }
        if (weighted) {
            for (int i = 0; i < added.length; i++) {
                counts[i] += added[i];
                weights[i] += added[i];
                squaredWeights[i] += added[i];
            }
        }
        return this;
    }

    /**
     * Adds the counts of {@code other} (which is left unchanged) to this accumulator. The state does not
     * depend on the metric's options, so accumulators of two metrics on the same scale (NPS at 90% and at
     * 95%, say) merge; the result is this accumulator's metric's.
     *
     * @param other another accumulator on the same scale
     * @return this accumulator
     * @throws IllegalArgumentException when {@code other} is this accumulator, counts on another scale, or a
     *     count would overflow; nothing is added then
     */
    @Override
    public FeedbackAccumulator<R> merge(FeedbackAccumulator<R> other) {
        Accumulators.requireOther(this, other);
        ScoreDistribution.requireScale(scale, other.scale);
        mergeState(other.counts, other.weights, other.squaredWeights, other.weighted);
        return this;
    }

    /**
     * Returns the number of responses added so far.
     *
     * @return the count
     */
    public long n() {
        long n = 0;
        for (long count : counts) {
            n += count;
        }
        return n;
    }

    /**
     * Returns a snapshot of the state, from which {@link FeedbackMetric#accumulator(ScoreDistribution)} continues.
     *
     * @return the state
     */
    @Override
    public ScoreDistribution state() {
        if (weighted) {
            return new ScoreDistribution(scale, counts, weights, squaredWeights);
        }
        double[] unit = new double[counts.length];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = counts[i];
        }
        return new ScoreDistribution(scale, counts, unit, unit);
    }

    /**
     * Returns the metric's result for the responses added so far.
     *
     * @return the result
     */
    @Override
    public R result() {
        return metric.result(state());
    }

    private void mergeState(long[] otherCounts, double[] otherWeights, double[] otherSquared, boolean otherWeighted) {
        // Every sum is computed before anything changes; with weights bounded (see ScoreDistribution) only a
        // count can overflow.
        long[] sums = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            sums[i] = ScoreDistribution.addCounts(counts[i], otherCounts[i], min + i);
        }
        if (otherWeighted && !weighted) {
            startWeighting();
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] = sums[i];
            if (weighted) {
                weights[i] += otherWeighted ? otherWeights[i] : otherCounts[i];
                squaredWeights[i] += otherWeighted ? otherSquared[i] : otherCounts[i];
            }
        }
    }

    private void startWeighting() {
        for (int i = 0; i < counts.length; i++) {
            weights[i] = counts[i];
            squaredWeights[i] = counts[i];
        }
        weighted = true;
    }

    private int scoreOf(FeedbackResponse response) {
        Checks.present("response", response);
        if (response.scale() != scale && !response.scale().equals(scale)) {
            throw otherScale(response);
        }
        return response.score();
    }

    private IllegalArgumentException otherScale(FeedbackResponse response) {
        return new IllegalArgumentException("scale: response " + response.eventId() + " is on the scale "
                + response.scale() + "; this accumulator counts the scale " + scale);
    }

    private int index(int score) {
        int index = score - min;
        if (index < 0 || index >= counts.length || score < min) {
            throw new IllegalArgumentException(offScale(score));
        }
        return index;
    }

    private String offScale(int score) {
        try {
            scale.requireOnScale(score);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new IllegalStateException("score " + score + " was reported off the scale " + scale);
    }

}
