package dev.cxm.kafka;

import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Instant;

import org.quicktheories.core.Gen;

import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.feedback.FeedbackAccumulator;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.feedback.ScoreDistribution;
import dev.cxm.test.accumulate.AccumulatorLaws;

/**
 * The accumulator laws with every restored state passed through the binary serde first, as a state store
 * hands it back: an accumulator continued from the stored bytes continues exactly (the oracle of each law is
 * one accumulator that saw every value).
 */
class BinaryStateAccumulatorLawsTest
        extends AccumulatorLaws<FeedbackResponse, ScoreDistribution, NpsResult, FeedbackAccumulator<NpsResult>> {

    @Override
    protected FeedbackAccumulator<NpsResult> newAccumulator() {
        return NetPromoterScore.ofDefaults().accumulator();
    }

    @Override
    protected FeedbackAccumulator<NpsResult> restore(ScoreDistribution state) {
        byte[] stored = CxmSerdes.scoreDistributions().serializer().serialize("changelog", state);
        return NetPromoterScore.ofDefaults()
                .accumulator(CxmSerdes.scoreDistributions().deserializer().deserialize("changelog", stored));
    }

    @Override
    protected Gen<FeedbackResponse> values() {
        return integers().between(0, 10).map(score -> FeedbackResponse.builder(CustomerId.of("c"),
                Instant.parse("2026-01-01T00:00:00Z"), "s", FeedbackScale.NPS, score).build());
    }

    @Override
    protected Class<ScoreDistribution> stateType() {
        return ScoreDistribution.class;
    }
}
