package dev.cxm.metrics.feedback;

import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Instant;

import org.quicktheories.core.Gen;

import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.test.accumulate.AccumulatorLaws;

/**
 * The accumulator laws for a {@link FeedbackAccumulator} of one metric, over unweighted responses with every
 * score of the metric's scale. The oracle of each law is the same responses added to one accumulator;
 * results compare exactly, since unweighted counts are integers and every sum of them is exact.
 *
 * @param <R> the metric's result type
 */
abstract class ScoreLaws<R extends FeedbackResult>
        extends AccumulatorLaws<FeedbackResponse, ScoreDistribution, R, FeedbackAccumulator<R>> {

    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    /** Returns the metric under test. */
    abstract FeedbackMetric<R> metric();

    @Override
    protected FeedbackAccumulator<R> newAccumulator() {
        return metric().accumulator();
    }

    @Override
    protected FeedbackAccumulator<R> restore(ScoreDistribution state) {
        return metric().accumulator(state);
    }

    @Override
    protected Gen<FeedbackResponse> values() {
        return responses(metric());
    }

    @Override
    protected Class<ScoreDistribution> stateType() {
        return ScoreDistribution.class;
    }

    /** Returns responses on {@code metric}'s scale, every score from one end to the other. */
    static Gen<FeedbackResponse> responses(FeedbackMetric<?> metric) {
        return integers().between(metric.scale().min(), metric.scale().max()).zip(integers().between(1, 50),
                (score, customer) -> FeedbackResponse.builder(CustomerId.of("c" + customer), AT, "survey",
                        metric.scale(), score).build());
    }
}
