package dev.cxm.metrics.feedback;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

import dev.cxm.core.accumulate.Accumulator;
import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;

/**
 * A thread-safe count of responses for one {@link FeedbackMetric}, for a host whose request threads add
 * responses while a gauge (or any other thread) reads the {@link #result()}. It is an {@link Accumulator}
 * like {@link FeedbackAccumulator}, with the same state ({@link ScoreDistribution}), so the two restore from
 * each other's states; use the accumulator where one thread counts, the recorder where many do.
 *
 * <pre>{@code
 * FeedbackRecorder<NpsResult> live = NetPromoterScore.ofDefaults().recorder();
 * // on each request thread:
 * live.add(response);
 * // on the metrics thread:
 * Gauge.builder("nps", live, r -> r.result().score().orElse(Double.NaN)).register(registry);
 * }</pre>
 *
 * <p><b>How it counts.</b> A response of weight 1 (every response without survey weights) is one increment
 * of a {@link LongAdder} per scale point, so threads that answer the same score do not wait on each other.
 * A response with another weight updates its point's count, weight and squared weight together under a
 * short lock on one of a few stripes, chosen by thread, so that no reader sees one without the others.
 *
 * <p><b>What a concurrent reader gets.</b> Every method may be called from any thread at any time.
 * {@link #state()} (and so {@link #result()}) returns exactly the state of some set S of the responses
 * added, never a mixture: S holds every {@code add} and {@code merge} that returned before {@code state()}
 * was called, none that started after it returned, and any subset of those that ran while it did. A
 * response is in S whole (its count, weight and squared weight) or not at all, and so is everything one
 * {@code merge} adds. S need not be a prefix in time: of two adds that overlap the read, the later may be
 * in S while the earlier is not. Reads that follow each other (on one thread, or ordered by other means) see
 * growing sets, so no count goes down from one gauge reading to the next. Every state read is therefore a
 * valid {@link ScoreDistribution} and every result the result of real responses; what a read is not is an
 * atomic cut across threads. Sums of weights other than 1 may be added in another order than on one thread
 * and differ from a {@link FeedbackAccumulator}'s in the last bits; counts, and sums of unit weights, are
 * exact.
 *
 * <p>A {@code merge} first checks that no count would overflow against the counts at that moment; counts
 * near {@link Long#MAX_VALUE}, unreachable by adding responses, are not otherwise guarded.
 *
 * @param <R> the metric's result type
 */
public final class FeedbackRecorder<R extends FeedbackResult>
        implements Accumulator<FeedbackResponse, ScoreDistribution, R, FeedbackRecorder<R>> {

    /** Stripes of weighted sums: a power of two, about twice the processors, at most 64. */
    private static final int STRIPES = Math.min(64,
            Integer.highestOneBit(Math.max(1, 2 * Runtime.getRuntime().availableProcessors() - 1)) << 1);

    private final FeedbackMetric<R> metric;
    private final FeedbackScale scale;
    private final int min;
    private final LongAdder[] unitCounts;
    /** Created on first use, so that a recorder without weights costs one adder per point. */
    private final AtomicReferenceArray<Stripe> stripes = new AtomicReferenceArray<>(STRIPES);

    FeedbackRecorder(FeedbackMetric<R> metric) {
        this.metric = Checks.present("metric", metric);
        this.scale = metric.scale();
        this.min = scale.min();
        this.unitCounts = new LongAdder[scale.points()];
        for (int i = 0; i < unitCounts.length; i++) {
            unitCounts[i] = new LongAdder();
        }
    }

    FeedbackRecorder(FeedbackMetric<R> metric, ScoreDistribution state) {
        this(metric);
        Checks.present("state", state);
        ScoreDistribution.requireScale(scale, state.scale());
        stripe().addAll(state.counts(), state.weights(), state.squaredWeights());
    }

    /**
     * Returns the metric this recorder counts for.
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
     * @return this recorder
     * @throws IllegalArgumentException naming the score when it is off the metric's scale
     */
    public FeedbackRecorder<R> add(int score) {
        unitCounts[index(score)].increment();
        return this;
    }

    /**
     * Adds one response with score {@code score} and survey weight {@code weight}.
     *
     * @param score the score, on the metric's scale
     * @param weight the survey weight: 0 or within [{@value ScoreDistribution#MIN_WEIGHT},
     *     {@value ScoreDistribution#MAX_WEIGHT}]
     * @return this recorder
     * @throws IllegalArgumentException naming the value when the score is off the scale or the weight is
     *     invalid; nothing is added then
     */
    public FeedbackRecorder<R> add(int score, double weight) {
        int index = index(score);
        ScoreDistribution.requireWeight(weight);
        return addWeighted(index, weight);
    }

    /**
     * Adds a response's score, with weight 1.
     *
     * @param response the response, on the metric's scale
     * @return this recorder
     * @throws IllegalArgumentException naming the event id when the response is on another scale
     */
    @Override
    public FeedbackRecorder<R> add(FeedbackResponse response) {
        unitCounts[indexOf(response)].increment();
        return this;
    }

    /**
     * Adds a response's score with a survey weight.
     *
     * @param response the response, on the metric's scale
     * @param weight the survey weight (see {@link #add(int, double)})
     * @return this recorder
     * @throws IllegalArgumentException naming the event id when the response is on another scale or the
     *     weight is invalid; nothing is added then
     */
    public FeedbackRecorder<R> add(FeedbackResponse response, double weight) {
        int index = indexOf(response);
        try {
            ScoreDistribution.requireWeight(weight);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (response " + response.eventId() + ")", e);
        }
        return addWeighted(index, weight);
    }

    private FeedbackRecorder<R> addWeighted(int index, double weight) {
        if (weight == 1) {
            unitCounts[index].increment();
        } else {
            stripe().add(index, weight);
        }
        return this;
    }

    /**
     * Adds what {@code other} has counted, as of a {@link #state()} of it, to this recorder in one step: a
     * reader sees all of it or none. {@code other} is left unchanged.
     *
     * @param other another recorder on the same scale
     * @return this recorder
     * @throws IllegalArgumentException when {@code other} is this recorder, counts on another scale, or a
     *     count would overflow; nothing is added then
     */
    @Override
    public FeedbackRecorder<R> merge(FeedbackRecorder<R> other) {
        Accumulators.requireOther(this, other);
        ScoreDistribution.requireScale(scale, other.scale);
        ScoreDistribution added = other.state();
        // Throws, naming the score, when a count would overflow.
        state().merge(added);
        stripe().addAll(added.counts(), added.weights(), added.squaredWeights());
        return this;
    }

    /**
     * Returns the state of the responses recorded so far; while other threads add, the state of some set of
     * them as the class documentation describes.
     *
     * @return the state, from which {@link FeedbackMetric#recorder(ScoreDistribution)} and
     *     {@link FeedbackMetric#accumulator(ScoreDistribution)} continue
     */
    @Override
    public ScoreDistribution state() {
        int points = unitCounts.length;
        long[] counts = new long[points];
        double[] weights = new double[points];
        double[] squared = new double[points];
        for (int s = 0; s < STRIPES; s++) {
            Stripe stripe = stripes.get(s);
            if (stripe != null) {
                stripe.addInto(counts, weights, squared, min);
            }
        }
        for (int i = 0; i < points; i++) {
            long units = unitCounts[i].sum();
            counts[i] = ScoreDistribution.addCounts(counts[i], units, min + i);
            weights[i] += units;
            squared[i] += units;
        }
        return new ScoreDistribution(scale, counts, weights, squared);
    }

    /**
     * Returns the metric's result of {@link #state()}.
     *
     * @return the result
     */
    @Override
    public R result() {
        return metric.result(state());
    }

    /**
     * Returns the metric, such as {@code FeedbackRecorder[NetPromoterScore[0.95 adjusted-wald]]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "FeedbackRecorder[" + metric + "]";
    }

    private Stripe stripe() {
        int index = spread(System.identityHashCode(Thread.currentThread())) & (STRIPES - 1);
        Stripe stripe = stripes.get(index);
        if (stripe == null) {
            stripes.compareAndSet(index, null, new Stripe(unitCounts.length));
            stripe = stripes.get(index);
        }
        return stripe;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private int indexOf(FeedbackResponse response) {
        FeedbackScale responseScale = Checks.present("response", response).scale();
        if (responseScale != scale && !responseScale.equals(scale)) {
            throw new IllegalArgumentException("scale: response " + response.eventId() + " is on the scale "
                    + responseScale + "; this recorder counts the scale " + scale);
        }
        // The response's score lies on its scale (the record checks it), and that scale is ours.
        return response.score() - min;
    }

    private int index(int score) {
        scale.requireOnScale(score);
        return score - min;
    }

    /**
     * One stripe of weighted sums: count, weight and squared weight per point, changed and read only under
     * the stripe's lock, so that they always agree.
     */
    private static final class Stripe {
        private final long[] counts;
        private final double[] weights;
        private final double[] squared;

        Stripe(int points) {
            counts = new long[points];
            weights = new double[points];
            squared = new double[points];
        }

        synchronized void add(int index, double weight) {
            counts[index]++;
            weights[index] += weight;
            squared[index] += weight * weight;
        }

        synchronized void addAll(long[] addedCounts, double[] addedWeights, double[] addedSquared) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += addedCounts[i];
                weights[i] += addedWeights[i];
                squared[i] += addedSquared[i];
            }
        }

        synchronized void addInto(long[] intoCounts, double[] intoWeights, double[] intoSquared, int min) {
            for (int i = 0; i < counts.length; i++) {
                intoCounts[i] = ScoreDistribution.addCounts(intoCounts[i], counts[i], min + i);
                intoWeights[i] += weights[i];
                intoSquared[i] += squared[i];
            }
        }
    }
}
