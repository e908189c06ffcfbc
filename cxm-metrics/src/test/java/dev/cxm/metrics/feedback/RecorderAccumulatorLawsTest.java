package dev.cxm.metrics.feedback;

import org.junit.jupiter.api.Nested;
import org.quicktheories.core.Gen;

import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.test.accumulate.AccumulatorLaws;

/**
 * The accumulator laws for {@link FeedbackRecorder}, used from one thread: the thread-safe count must keep
 * the same contract as the plain accumulator. The oracle of each law is the same responses added to one
 * recorder; results compare exactly (unweighted counts; the weighted laws are in
 * {@link WeightedAccumulatorLawsTest}). Concurrent use is tested in {@link FeedbackRecorderTest}.
 */
class RecorderAccumulatorLawsTest {

    /** The laws for a recorder of {@link #metric()}. */
    abstract static class RecorderLaws<R extends FeedbackResult>
            extends AccumulatorLaws<FeedbackResponse, ScoreDistribution, R, FeedbackRecorder<R>> {

        abstract FeedbackMetric<R> metric();

        @Override
        protected FeedbackRecorder<R> newAccumulator() {
            return metric().recorder();
        }

        @Override
        protected FeedbackRecorder<R> restore(ScoreDistribution state) {
            return metric().recorder(state);
        }

        @Override
        protected Gen<FeedbackResponse> values() {
            return ScoreLaws.responses(metric());
        }

        @Override
        protected Class<ScoreDistribution> stateType() {
            return ScoreDistribution.class;
        }
    }

    /** NPS. */
    @Nested
    class Nps extends RecorderLaws<NpsResult> {
        @Override
        FeedbackMetric<NpsResult> metric() {
            return NetPromoterScore.ofDefaults();
        }
    }

    /** CSAT. */
    @Nested
    class Csat extends RecorderLaws<RatingResult> {
        @Override
        FeedbackMetric<RatingResult> metric() {
            return RatingScore.csat();
        }
    }
}
