package dev.cxm.metrics.feedback;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Nested;
import org.quicktheories.core.Gen;

import dev.cxm.core.accumulate.Accumulator;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.test.accumulate.AccumulatorLaws;

/**
 * The accumulator laws for survey-weighted responses, through {@link FeedbackAccumulator#add(FeedbackResponse,
 * double)} and {@link FeedbackRecorder#add(FeedbackResponse, double)}. A value of the laws is a response with
 * its weight: 0 (a tenth of them), exactly 1 (a tenth, the unweighted path) or any double in [0.01, 100]. The
 * oracle of each law is the same weighted responses added to one accumulator.
 *
 * <p>Results are compared with {@link CloseResults}, to a relative 1e-9, and only here: weights in
 * [0.01, 100] make the sums of weights and squared weights inexact in binary, so merging or reordering
 * (which changes the order of the additions) moves their last bits. Counts still compare exactly.
 *
 * <p>The contract's {@code add(T)} takes one value, so each law runs through a small adapter whose value is
 * the pair (response, weight) and which only forwards to the accumulator under test.
 */
class WeightedAccumulatorLawsTest {

    /** A response with its survey weight: one value of the laws. */
    record Weighted(FeedbackResponse response, double weight) {}

    static Gen<Weighted> weighted(FeedbackMetric<?> metric) {
        Gen<Double> weights = integers().between(0, 9).zip(doubles().between(0.01, 100),
                (kind, value) -> kind == 0 ? 0.0 : kind == 1 ? 1.0 : value);
        return ScoreLaws.responses(metric).zip(weights, Weighted::new);
    }

    /** Forwards the laws to a {@link FeedbackAccumulator}. */
    static final class OnAccumulator<R extends FeedbackResult>
            implements Accumulator<Weighted, ScoreDistribution, R, OnAccumulator<R>> {
        private final FeedbackAccumulator<R> accumulator;

        OnAccumulator(FeedbackAccumulator<R> accumulator) {
            this.accumulator = accumulator;
        }

        @Override
        public OnAccumulator<R> add(Weighted value) {
            accumulator.add(value.response(), value.weight());
            return this;
        }

        @Override
        public OnAccumulator<R> merge(OnAccumulator<R> other) {
            accumulator.merge(other.accumulator);
            return this;
        }

        @Override
        public ScoreDistribution state() {
            return accumulator.state();
        }

        @Override
        public R result() {
            return accumulator.result();
        }
    }

    /** Forwards the laws to a {@link FeedbackRecorder}. */
    static final class OnRecorder<R extends FeedbackResult>
            implements Accumulator<Weighted, ScoreDistribution, R, OnRecorder<R>> {
        private final FeedbackRecorder<R> recorder;

        OnRecorder(FeedbackRecorder<R> recorder) {
            this.recorder = recorder;
        }

        @Override
        public OnRecorder<R> add(Weighted value) {
            recorder.add(value.response(), value.weight());
            return this;
        }

        @Override
        public OnRecorder<R> merge(OnRecorder<R> other) {
            recorder.merge(other.recorder);
            return this;
        }

        @Override
        public ScoreDistribution state() {
            return recorder.state();
        }

        @Override
        public R result() {
            return recorder.result();
        }
    }

    /** The laws for weighted responses on an accumulator of {@link #metric()}. */
    abstract static class OnAccumulatorLaws<R extends FeedbackResult>
            extends AccumulatorLaws<Weighted, ScoreDistribution, R, OnAccumulator<R>> {

        abstract FeedbackMetric<R> metric();

        @Override
        protected OnAccumulator<R> newAccumulator() {
            return new OnAccumulator<>(metric().accumulator());
        }

        @Override
        protected OnAccumulator<R> restore(ScoreDistribution state) {
            return new OnAccumulator<>(metric().accumulator(state));
        }

        @Override
        protected Gen<Weighted> values() {
            return weighted(metric());
        }

        @Override
        protected Class<ScoreDistribution> stateType() {
            return ScoreDistribution.class;
        }

        @Override
        protected void assertSameResult(R expected, R actual) {
            CloseResults.assertClose(expected, actual);
        }
    }

    /** Weighted NPS. */
    @Nested
    class Nps extends OnAccumulatorLaws<NpsResult> {
        @Override
        FeedbackMetric<NpsResult> metric() {
            return NetPromoterScore.ofDefaults();
        }
    }

    /** Weighted CSAT. */
    @Nested
    class Csat extends OnAccumulatorLaws<RatingResult> {
        @Override
        FeedbackMetric<RatingResult> metric() {
            return RatingScore.csat();
        }
    }

    /** Weighted CES. */
    @Nested
    class Ces extends OnAccumulatorLaws<RatingResult> {
        @Override
        FeedbackMetric<RatingResult> metric() {
            return RatingScore.ces();
        }
    }

    /** Weighted custom scale with a net headline. */
    @Nested
    class CustomNet extends OnAccumulatorLaws<RatingResult> {
        @Override
        FeedbackMetric<RatingResult> metric() {
            return RatingScore.custom(FeedbackScale.custom("stars", 1, 10)).good(8, 10).bad(1, 4)
                    .report(RatingMeasure.NET).build();
        }
    }

    /** Weighted NPS on a recorder: the same laws hold for the thread-safe count. */
    @Nested
    class NpsRecorder extends AccumulatorLaws<Weighted, ScoreDistribution, NpsResult, OnRecorder<NpsResult>> {
        @Override
        protected OnRecorder<NpsResult> newAccumulator() {
            return new OnRecorder<>(NetPromoterScore.ofDefaults().recorder());
        }

        @Override
        protected OnRecorder<NpsResult> restore(ScoreDistribution state) {
            return new OnRecorder<>(NetPromoterScore.ofDefaults().recorder(state));
        }

        @Override
        protected Gen<Weighted> values() {
            return weighted(NetPromoterScore.ofDefaults());
        }

        @Override
        protected Class<ScoreDistribution> stateType() {
            return ScoreDistribution.class;
        }

        @Override
        protected void assertSameResult(NpsResult expected, NpsResult actual) {
            CloseResults.assertClose(expected, actual);
        }
    }
}
