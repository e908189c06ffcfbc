package dev.cxm.metrics.feedback;

import java.util.Objects;
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
 * A score on a rating scale: CSAT, CES, or any scale whose good (and optionally bad) scores the caller
 * names. The scale has no sensible default, so it is the argument of {@link #ofDefaults(FeedbackScale)} and
 * {@link #custom(FeedbackScale)}; {@link #csat()} and {@link #ces()} are the two named presets of the
 * domain.
 *
 * <p>Every result carries the share of good responses (Wilson interval), the share of bad ones when bad
 * scores are defined, and the mean (t interval); {@link RatingMeasure} picks the headline. With survey
 * weights, shares and mean are weighted and the intervals use Kish's effective sample size: the Wilson
 * interval of the effective counts, and the t interval with standard error {@code s / sqrt(nEff)} and
 * {@code nEff - 1} degrees of freedom, where {@code s²} is the weighted variance with Bessel's correction for
 * reliability weights.
 *
 * <p>Immutable and thread-safe, with value {@code equals}: a host can keep it in its own configuration.
 *
 * <pre>{@code
 * RatingResult csat = RatingScore.csat().of(5, 4, 4, 2, 5);                   // 80% top-2-box
 * RatingScore top3 = RatingScore.from(RatingScore.csat()).topBoxes(3).build();
 * RatingScore stars = RatingScore.custom(FeedbackScale.custom("stars", 1, 10))
 *         .good(8, 10).bad(1, 4).report(RatingMeasure.NET).build();
 * }</pre>
 */
public final class RatingScore implements FeedbackMetric<RatingResult> {

    private static final RatingScore CSAT = ofDefaults(FeedbackScale.CSAT);
    private static final RatingScore CES = custom(FeedbackScale.CES).good(5, 7).report(RatingMeasure.MEAN).build();

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

    /**
     * Returns the defaults on {@code scale}: the top two boxes good (the top one on a 2-point scale, so that
     * good never covers the whole scale, as {@link Builder#topBoxes} requires), no bad scores, the good
     * share the headline, intervals at 95%.
     *
     * @param scale the rating scale
     * @return the default rating score on {@code scale}
     */
    public static RatingScore ofDefaults(FeedbackScale scale) {
        return custom(scale).build();
    }

    /**
     * Starts a configuration on {@code scale} from the defaults of {@link #ofDefaults(FeedbackScale)}.
     *
     * @param scale the rating scale
     * @return a builder holding the defaults
     */
    public static Builder custom(FeedbackScale scale) {
        return new Builder(Checks.present("scale", scale));
    }

    /**
     * Starts a configuration from {@code base}: its scale, good and bad scores, headline and level.
     *
     * @param base the configuration to start from
     * @return a builder holding {@code base}'s settings
     */
    public static Builder from(RatingScore base) {
        Checks.present("base", base);
        Builder builder = new Builder(base.scale);
        builder.good = base.good;
        builder.bad = base.bad;
        builder.reported = base.reported;
        builder.level = base.level;
        return builder;
    }

    /**
     * Returns the CSAT preset, equal to {@code ofDefaults(FeedbackScale.CSAT)}: on 1..5, the share of the top
     * two boxes (4 and 5) is the headline, at 95%.
     *
     * @return the CSAT score
     */
    public static RatingScore csat() {
        return CSAT;
    }

    /**
     * Returns the CES 2.0 preset: on 1..7, the mean is the headline, with the share agreeing (5..7) as the
     * good share, at 95%. (Unlike {@code ofDefaults(FeedbackScale.CES)}, whose headline is the top-2-box share.)
     *
     * @return the CES score
     */
    public static RatingScore ces() {
        return CES;
    }

    @Override
    public FeedbackScale scale() {
        return scale;
    }

    /**
     * Returns the scores that count as good.
     *
     * @return the good range
     */
    public ScoreRange good() {
        return good;
    }

    /**
     * Returns the scores that count as bad, when defined.
     *
     * @return the bad range, or empty
     */
    public Optional<ScoreRange> bad() {
        return bad;
    }

    /**
     * Returns the headline measure.
     *
     * @return the measure {@link RatingResult#score()} reports
     */
    public RatingMeasure reported() {
        return reported;
    }

    /**
     * Returns the confidence level of the intervals.
     *
     * @return the level, strictly between 0 and 1
     */
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

    /**
     * Compares the configuration: equal scale, good and bad scores, headline and level.
     *
     * @param other the object to compare with
     * @return whether {@code other} is an equally configured rating score
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof RatingScore that && scale.equals(that.scale) && good.equals(that.good)
                && bad.equals(that.bad) && reported == that.reported && Double.compare(level, that.level) == 0;
    }

    /**
     * Hashes the configuration, consistently with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(scale, good, bad, reported, level);
    }

    /**
     * Returns the scale, good and bad scores, headline and level, such as
     * {@code RatingScore[csat:1..5 good 4..5, good-share, 0.95]}.
     *
     * @return the description
     */
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
         * @param k how many of the highest scores are good
         * @return this builder
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
         * @param k how many of the lowest scores are bad
         * @return this builder
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
         * @param from the lowest good score
         * @param to the highest good score
         * @return this builder
         * @throws IllegalArgumentException naming the score when one is off the scale or the range is empty
         */
        public Builder good(int from, int to) {
            this.good = range("good", from, to);
            return this;
        }

        /**
         * Counts the scores {@code from..to} as bad.
         *
         * @param from the lowest bad score
         * @param to the highest bad score
         * @return this builder
         * @throws IllegalArgumentException naming the score when one is off the scale or the range is empty
         */
        public Builder bad(int from, int to) {
            this.bad = Optional.of(range("bad", from, to));
            return this;
        }

        /**
         * Defines no bad scores (the default), as for a builder started {@link RatingScore#from} a score that
         * has them.
         *
         * @return this builder
         */
        public Builder noBad() {
            this.bad = Optional.empty();
            return this;
        }

        /**
         * Sets the headline measure; {@link RatingMeasure#GOOD_SHARE} unless set.
         *
         * @param value the measure
         * @return this builder
         */
        public Builder report(RatingMeasure value) {
            this.reported = Checks.present("report", value);
            return this;
        }

        /**
         * Sets the confidence level, strictly between 0 and 1; 0.95 unless set.
         *
         * @param value the level
         * @return this builder
         * @throws IllegalArgumentException naming the level when it is outside (0, 1)
         */
        public Builder level(double value) {
            this.level = ConfidenceInterval.requireLevel(value);
            return this;
        }

        /**
         * Builds the metric.
         *
         * @return the configured rating score
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

        private ScoreRange range(String field, int from, int to) {
            scale.requireOnScale(from);
            scale.requireOnScale(to);
            if (to < from) {
                throw new IllegalArgumentException(field + ": " + from + ".." + to + " is empty; to must not be"
                        + " below from");
            }
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
