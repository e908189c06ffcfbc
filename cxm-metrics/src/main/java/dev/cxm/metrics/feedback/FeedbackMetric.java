package dev.cxm.metrics.feedback;

import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;

import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;

/**
 * A feedback score (NPS, CSAT, CES, or one of a custom scale): an immutable definition that turns the
 * {@link ScoreDistribution} of a set of responses into a result, and hands out accumulators, recorders and
 * collectors that build that distribution from scores, responses or streams.
 *
 * <p>Implementations are configurations with value {@code equals}: two equally configured metrics are equal,
 * and accumulators of equal metrics merge.
 *
 * <pre>{@code
 * NpsResult nps = responses.stream().collect(NetPromoterScore.ofDefaults().collector());
 * RatingResult csat = RatingScore.csat().of(4, 5, 3, 5, 2);
 * }</pre>
 *
 * @param <R> the result type
 */
public interface FeedbackMetric<R extends FeedbackResult> {

    /**
     * Returns the scale this metric counts responses on.
     *
     * @return the scale
     */
    FeedbackScale scale();

    /**
     * Returns the result of the responses that {@code state} summarises.
     *
     * @param state the responses' distribution, on this metric's scale
     * @return the result
     * @throws IllegalArgumentException when {@code state} is on another scale
     */
    R result(ScoreDistribution state);

    /**
     * Returns a new, empty accumulator of this metric: fast, for one thread at a time.
     *
     * @return the accumulator
     */
    default FeedbackAccumulator<R> accumulator() {
        return new FeedbackAccumulator<>(this);
    }

    /**
     * Returns an accumulator that continues from {@code state} (one saved by {@link FeedbackAccumulator#state()},
     * possibly elsewhere).
     *
     * @param state the state to continue from
     * @return the accumulator
     * @throws IllegalArgumentException when {@code state} is on another scale
     */
    default FeedbackAccumulator<R> accumulator(ScoreDistribution state) {
        return new FeedbackAccumulator<>(this, state);
    }

    /**
     * Returns a new, empty recorder of this metric: thread-safe, for a host whose request threads add
     * responses while a gauge reads the result (see {@link FeedbackRecorder} for what a concurrent reader sees).
     *
     * @return the recorder
     */
    default FeedbackRecorder<R> recorder() {
        return new FeedbackRecorder<>(this);
    }

    /**
     * Returns a recorder that continues from {@code state}.
     *
     * @param state the state to continue from
     * @return the recorder
     * @throws IllegalArgumentException when {@code state} is on another scale
     */
    default FeedbackRecorder<R> recorder(ScoreDistribution state) {
        return new FeedbackRecorder<>(this, state);
    }

    /**
     * Returns the result of the given scores.
     *
     * @param scores the scores, each on this metric's scale
     * @return the result
     * @throws IllegalArgumentException naming the first score off the scale and its position
     */
    default R of(int... scores) {
        return accumulator().addAll(scores).result();
    }

    /**
     * Returns a collector of responses into this metric's result; it runs on parallel streams too.
     * A response on another scale makes it throw {@link IllegalArgumentException}.
     *
     * @return the collector
     */
    default Collector<FeedbackResponse, FeedbackAccumulator<R>, R> collector() {
        return Accumulators.collector(this::accumulator);
    }

    /**
     * Returns a collector of survey-weighted responses.
     *
     * @param weight gives each response's weight: 0 or within [{@value ScoreDistribution#MIN_WEIGHT},
     *     {@value ScoreDistribution#MAX_WEIGHT}]
     * @return the collector
     */
    default Collector<FeedbackResponse, FeedbackAccumulator<R>, R> collector(
            ToDoubleFunction<? super FeedbackResponse> weight) {
        Checks.present("weight", weight);
        return Collector.of(this::accumulator, (acc, response) -> acc.add(response, weight.applyAsDouble(response)),
                FeedbackAccumulator::merge, FeedbackAccumulator::result, Collector.Characteristics.UNORDERED);
    }

    /**
     * Returns a collector of any values that carry a score on this metric's scale, such as rows of a host
     * application's own survey table.
     *
     * @param score gives each value's score
     * @param <T> the values collected
     * @return the collector
     */
    default <T> Collector<T, FeedbackAccumulator<R>, R> collectingScores(ToIntFunction<? super T> score) {
        Checks.present("score", score);
        return Collector.of(this::accumulator, (acc, value) -> acc.add(score.applyAsInt(value)),
                FeedbackAccumulator::merge, FeedbackAccumulator::result, Collector.Characteristics.UNORDERED);
    }

    /**
     * Returns a collector of any values that carry a score and a survey weight.
     *
     * @param score gives each value's score
     * @param weight gives each value's weight
     * @param <T> the values collected
     * @return the collector
     */
    default <T> Collector<T, FeedbackAccumulator<R>, R> collectingScores(ToIntFunction<? super T> score,
            ToDoubleFunction<? super T> weight) {
        Checks.present("score", score);
        Checks.present("weight", weight);
        return Collector.of(this::accumulator,
                (acc, value) -> acc.add(score.applyAsInt(value), weight.applyAsDouble(value)),
                FeedbackAccumulator::merge, FeedbackAccumulator::result, Collector.Characteristics.UNORDERED);
    }
}
