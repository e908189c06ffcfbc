package dev.cxm.metrics.feedback;

import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.feedback.internal.Percent;
import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.stats.Estimate;
import dev.cxm.metrics.stats.MeanInterval;
import dev.cxm.metrics.stats.NetScoreInterval;
import dev.cxm.metrics.stats.NetScoreMethod;
import dev.cxm.metrics.stats.ProportionInterval;

/**
 * A score on a rating scale: CSAT ({@link #csat()}: 1..5, share of the top two boxes), CES
 * ({@link #ces()}: CES 2.0, 1..7, mean effort and share agreeing 5..7), or any scale whose good (and
 * optionally bad) scores the caller names.
 *
 * <p>Every result carries the share of good responses (Wilson interval), the share of bad ones when bad
 * scores are defined, and the mean (t interval); {@link RatingMeasure} picks the headline. With survey
 * weights, shares and mean are weighted and the intervals use Kish's effective sample size: the Wilson
 * interval of the effective counts, and the t interval with standard error {@code s / sqrt(nEff)} and
 * {@code nEff - 1} degrees of freedom, where {@code s²} is the weighted variance with Bessel's correction for
 * reliability weights.
 *
 * <pre>{@code
 * RatingResult csat = RatingScore.csat().of(5, 4, 4, 2, 5);                   // 80% top-2-box
 * RatingScore top3 = RatingScore.from(RatingScore.csat()).topBoxes(3).build();
 * RatingScore stars = RatingScore.builder(FeedbackScale.custom("stars", 1, 10))
 *         .good(8, 10).bad(1, 4).report(RatingMeasure.NET).build();
 * }</pre>
 */
public final class RatingScore implements FeedbackMetric<RatingResult> {

    private static final RatingScore CSAT = builder(FeedbackScale.CSAT).topBoxes(2).build();
    private static final RatingScore CES = builder(FeedbackScale.CES).good(5, 7).report(RatingMeasure.MEAN).build();

    private final FeedbackScale scale;
    private final ScoreRange good;
    private final Optional<ScoreRange> bad;
    private final RatingMeasure reported;
    private final double level;

    private RatingScore(Builder builder) {
        this.scale = builder.scale;
        this.good = builder.good;
        this.bad = builder.bad;
        this.reported = builder.reported;
        this.level = builder.level;
    }

    /** Returns CSAT on 1..5: the share of the top two boxes (4 and 5) is the headline, at 95%. */
    public static RatingScore csat() {
        return CSAT;
    }

    /** Returns CES 2.0 on 1..7: the mean is the headline, with the share agreeing (5..7), at 95%. */
    public static RatingScore ces() {
        return CES;
    }

    /**
     * Starts a rating score on {@code scale}: the top two boxes good (the top one on a 2-point scale, so that
     * good never covers the whole scale, as {@link Builder#topBoxes} requires), their share the headline, 95%.
     */
    public static Builder builder(FeedbackScale scale) {
        return new Builder(Checks.present("scale", scale));
    }

    /** Starts a configuration from {@code base}. */
    public static Builder from(RatingScore base) {
        Builder builder = new Builder(base.scale).good(base.good.from(), base.good.to()).report(base.reported)
                .level(base.level);
        base.bad.ifPresent(range -> builder.bad(range.from(), range.to()));
        return builder;
    }

    @Override
    public FeedbackScale scale() {
        return scale;
    }

    /** Returns the scores that count as good. */
    public ScoreRange good() {
        return good;
    }

    /** Returns the scores that count as bad, when defined. */
    public Optional<ScoreRange> bad() {
        return bad;
    }

    /** Returns the headline measure. */
    public RatingMeasure reported() {
        return reported;
    }

    /** Returns the confidence level of the intervals. */
    public double level() {
        return level;
    }

    @Override
    public RatingResult result(ScoreDistribution state) {
        ScoreDistribution.requireScale(scale, Checks.present("state", state).scale());
        double effectiveN = state.effectiveN();
        Optional<Estimate> goodShare = share(state, good, effectiveN);
        Optional<Estimate> badShare = bad.flatMap(range -> share(state, range, effectiveN));
        Optional<Estimate> mean = mean(state, effectiveN);
        Optional<Estimate> headline = switch (reported) {
            case GOOD_SHARE -> goodShare.map(RatingScore::percent);
            case MEAN -> mean;
            case NET -> net(state, effectiveN);
        };
        return new RatingResult(reported,
                headline.map(e -> OptionalDouble.of(e.value())).orElse(OptionalDouble.empty()),
                headline.flatMap(Estimate::interval), state.n(), scale, good, state.count(good.from(), good.to()),
                goodShare, bad, bad.map(range -> state.count(range.from(), range.to())).orElse(0L), badShare, mean,
                state.totalWeight(), effectiveN);
    }

    private Optional<Estimate> share(ScoreDistribution state, ScoreRange range, double effectiveN) {
        if (!(state.totalWeight() > 0) || !(effectiveN > 0)) {
            return Optional.empty();
        }
        // The share is the weighted share, computed as the interval computes it so that it lies inside.
        double successes = Math.min(effectiveN, state.effectiveCount(range.from(), range.to()));
        return Optional.of(Estimate.of(successes / effectiveN, ProportionInterval.wilson(successes, effectiveN, level)));
    }

    private Optional<Estimate> mean(ScoreDistribution state, double effectiveN) {
        OptionalDouble mean = state.mean();
        if (mean.isEmpty()) {
            return Optional.empty();
        }
        double value = mean.getAsDouble();
        if (!(effectiveN > 1)) {
            return Optional.of(Estimate.withoutInterval(value));
        }
        double variance = state.meanSquaredDeviation(value) * effectiveN / (effectiveN - 1);
        return Optional.of(Estimate.of(value, MeanInterval.t(value, Math.sqrt(variance / effectiveN), effectiveN - 1,
                level, scale.min(), scale.max())));
    }

    private Optional<Estimate> net(ScoreDistribution state, double effectiveN) {
        ScoreRange badRange = bad.orElseThrow();
        if (!(state.totalWeight() > 0) || !(effectiveN > 0)) {
            return Optional.empty();
        }
        double plus = state.effectiveCount(good.from(), good.to());
        double minus = state.effectiveCount(badRange.from(), badRange.to());
        double net = Math.max(-1, Math.min(1, (plus - minus) / effectiveN));
        return Optional.of(Estimate.of(100 * net, Percent.of(NetScoreInterval.of(NetScoreMethod.ADJUSTED_WALD, plus,
                minus, effectiveN, level))));
    }

    private static Estimate percent(Estimate share) {
        return new Estimate(100 * share.value(), share.interval().map(Percent::of));
    }

    /** Returns the scale, good and bad scores, headline and level. */
    @Override
    public String toString() {
        return "RatingScore[" + scale + " good " + good + bad.map(range -> " bad " + range).orElse("") + ", "
                + reported.measureName() + ", " + level + "]";
    }

    /** Builds a {@link RatingScore}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private final FeedbackScale scale;
        private ScoreRange good;
        private Optional<ScoreRange> bad = Optional.empty();
        private RatingMeasure reported = RatingMeasure.GOOD_SHARE;
        private double level = ConfidenceInterval.DEFAULT_LEVEL;

        private Builder(FeedbackScale scale) {
            this.scale = scale;
            int boxes = Math.min(2, scale.points() - 1);
            this.good = new ScoreRange(scale.max() - boxes + 1, scale.max());
        }

        /**
         * Counts the {@code k} highest scores as good ("top-k box").
         *
         * @throws IllegalArgumentException naming k when it is not between 1 and the number of points - 1
         */
        public Builder topBoxes(int k) {
            requireBoxes("topBoxes", k);
            this.good = new ScoreRange(scale.max() - k + 1, scale.max());
            return this;
        }

        /**
         * Counts the {@code k} lowest scores as bad ("bottom-k box").
         *
         * @throws IllegalArgumentException naming k when it is not between 1 and the number of points - 1
         */
        public Builder bottomBoxes(int k) {
            requireBoxes("bottomBoxes", k);
            this.bad = Optional.of(new ScoreRange(scale.min(), scale.min() + k - 1));
            return this;
        }

        /**
         * Counts the scores {@code from..to} as good.
         *
         * @throws IllegalArgumentException naming the score when one is off the scale or the range is empty
         */
        public Builder good(int from, int to) {
            this.good = range(from, to);
            return this;
        }

        /**
         * Counts the scores {@code from..to} as bad.
         *
         * @throws IllegalArgumentException naming the score when one is off the scale or the range is empty
         */
        public Builder bad(int from, int to) {
            this.bad = Optional.of(range(from, to));
            return this;
        }

        /** Sets the headline measure; {@link RatingMeasure#GOOD_SHARE} unless set. */
        public Builder report(RatingMeasure value) {
            this.reported = Checks.present("report", value);
            return this;
        }

        /** Sets the confidence level, strictly between 0 and 1; 0.95 unless set. */
        public Builder level(double value) {
            this.level = ConfidenceInterval.requireLevel(value);
            return this;
        }

        /**
         * Builds the metric.
         *
         * @throws IllegalArgumentException when good and bad scores overlap, or the headline is
         *     {@link RatingMeasure#NET} without bad scores
         */
        public RatingScore build() {
            if (bad.isPresent() && bad.get().overlaps(good)) {
                throw new IllegalArgumentException("bad: " + bad.get() + " overlaps good " + good
                        + "; a score is good, bad or neither");
            }
            if (reported == RatingMeasure.NET && bad.isEmpty()) {
                throw new IllegalArgumentException("report: net needs bad scores; set bad(from, to) or bottomBoxes(k)");
            }
            return new RatingScore(this);
        }

        private ScoreRange range(int from, int to) {
            scale.requireOnScale(from);
            scale.requireOnScale(to);
            return new ScoreRange(from, to);
        }

        private void requireBoxes(String field, int k) {
            if (k < 1 || k >= scale.points()) {
                throw new IllegalArgumentException(field + ": " + k + " is outside 1.." + (scale.points() - 1)
                        + " for the " + scale.points() + "-point scale " + scale);
            }
        }
    }
}
