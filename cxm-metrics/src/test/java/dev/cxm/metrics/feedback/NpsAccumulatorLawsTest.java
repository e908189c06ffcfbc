package dev.cxm.metrics.feedback;

import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Instant;

import org.quicktheories.core.Gen;

import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.test.accumulate.AccumulatorLaws;

/**
 * The accumulator laws for the NPS accumulator, over NPS responses with every score of the scale. The
 * oracle of each law is the same responses added to one accumulator; results compare exactly, since
 * unweighted counts are integers.
 */
class NpsAccumulatorLawsTest
        extends AccumulatorLaws<FeedbackResponse, ScoreDistribution, NpsResult, FeedbackAccumulator<NpsResult>> {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    protected FeedbackAccumulator<NpsResult> newAccumulator() {
        return NetPromoterScore.ofDefaults().accumulator();
    }

    @Override
    protected FeedbackAccumulator<NpsResult> restore(ScoreDistribution state) {
        return NetPromoterScore.ofDefaults().accumulator(state);
    }

    @Override
    protected Gen<FeedbackResponse> values() {
        return integers().between(0, 10).zip(integers().between(1, 50), (score, customer) -> FeedbackResponse
                .builder(CustomerId.of("c" + customer), AT, "nps", FeedbackScale.NPS, score).build());
    }

    @Override
    protected Class<ScoreDistribution> stateType() {
        return ScoreDistribution.class;
    }
}
