package dev.cxm.metrics.feedback;

import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;

/**
 * A feedback score (NPS, CSAT, CES, or one of a custom scale): an immutable definition that turns the
 * {@link ScoreDistribution} of a set of responses into a result, and hands out accumulators and
 * collectors that build that distribution from scores, responses or streams.
 *
 * <pre>{@code
 * NpsResult nps = responses.stream().collect(NetPromoterScore.ofDefaults().collector());
 * RatingResult csat = RatingScore.csat().of(4, 5, 3, 5, 2);
 * }</pre>
 *
 * @param <R> the result type
 */
public interface FeedbackMetric<R extends FeedbackResult> {

    /** Returns the scale this metric counts responses on. */
    FeedbackScale scale();

    /** Returns the result of the responses that {@code state} summarises. */
    R result(ScoreDistribution state);

    /** Returns a new, empty accumulator of this metric. */
    default FeedbackAccumulator<R> accumulator() {
        return new FeedbackAccumulator<>(this);
    }

    /**
     * Returns an accumulator that continues from {@code state} (one saved by {@link FeedbackAccumulator#state()},
     * possibly elsewhere).
     *
     * @throws IllegalArgumentException when {@code state} is on another scale
     */
    default FeedbackAccumulator<R> accumulator(ScoreDistribution state) {
        return new FeedbackAccumulator<>(this, state);
    }

    /** Returns the result of the given scores. */
    default R of(int... scores) {
        return accumulator().addAll(scores).result();
    }

    /**
     * Returns a collector of responses into this metric's result; it runs on parallel streams too.
     * A response on another scale makes it throw {@link IllegalArgumentException}.
     */
    default Collector<FeedbackResponse, FeedbackAccumulator<R>, R> collector() {
        return Collector.of(this::accumulator, FeedbackAccumulator::add, FeedbackAccumulator::merge,
                FeedbackAccumulator::result, Collector.Characteristics.UNORDERED);
    }

    /**
     * Returns a collector of survey-weighted responses: {@code weight} gives each response's weight (finite,
     * 0 or more).
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
     */
    default <T> Collector<T, FeedbackAccumulator<R>, R> collectingScores(ToIntFunction<? super T> score) {
        Checks.present("score", score);
        return Collector.of(this::accumulator, (acc, value) -> acc.add(score.applyAsInt(value)),
                FeedbackAccumulator::merge, FeedbackAccumulator::result, Collector.Characteristics.UNORDERED);
    }

    /** Returns a collector of any values that carry a score and a survey weight. */
    default <T> Collector<T, FeedbackAccumulator<R>, R> collectingScores(ToIntFunction<? super T> score,
            ToDoubleFunction<? super T> weight) {
        Checks.present("score", score);
        Checks.present("weight", weight);
        return Collector.of(this::accumulator,
                (acc, value) -> acc.add(score.applyAsInt(value), weight.applyAsDouble(value)),
                FeedbackAccumulator::merge, FeedbackAccumulator::result, Collector.Characteristics.UNORDERED);
    }
}
