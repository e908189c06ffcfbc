package dev.cxm.metrics.feedback;

import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.feedback.internal.Percent;
import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.stats.NetScoreInterval;
import dev.cxm.metrics.stats.NetScoreMethod;

/**
 * The Net Promoter Score (Reichheld 2003) on the 0..10 "how likely are you to recommend" scale: promoters
 * score 9 or 10, passives 7 or 8, detractors 0 to 6, and the score is
 * {@code 100 × (share of promoters - share of detractors)}.
 *
 * <p>The interval is Rocks' adjusted Wald interval at 95% unless configured otherwise (see
 * {@link NetScoreMethod}); with survey weights it is computed from Kish's effective sample size and the
 * weighted shares.
 *
 * <p>Immutable and thread-safe, with value {@code equals}: a host can keep it in its own configuration.
 *
 * <pre>{@code
 * NpsResult result = NetPromoterScore.ofDefaults().of(10, 9, 7, 3, 9);         // score 40, n 5
 * NetPromoterScore at90 = NetPromoterScore.custom().level(0.90).method(NetScoreMethod.WALD).build();
 * NpsResult weekly = store.query(EventQuery.ofTypes(EventType.FEEDBACK), FeedbackResponse.class)
 *         .filter(r -> r.scale().equals(FeedbackScale.NPS))
 *         .collect(at90.collector());
 * }</pre>
 */
public final class NetPromoterScore implements FeedbackMetric<NpsResult> {

    /** The lowest promoter score. */
    public static final int PROMOTER_MIN = 9;
    /** The highest detractor score. */
    public static final int DETRACTOR_MAX = 6;

    private static final NetPromoterScore DEFAULTS = custom().build();

    private final double level;
    private final NetScoreMethod method;

    private NetPromoterScore(Builder builder) {
        this.level = builder.level;
        this.method = builder.method;
    }

    /**
     * Returns the NPS with a 95% adjusted Wald interval.
     *
     * @return the default configuration
     */
    public static NetPromoterScore ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Starts a configuration from the defaults.
     *
     * @return a builder holding the defaults
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * Starts a configuration from {@code base}.
     *
     * @param base the configuration to start from
     * @return a builder holding {@code base}'s settings
     */
    public static Builder from(NetPromoterScore base) {
        Checks.present("base", base);
        return new Builder().level(base.level).method(base.method);
    }

    /**
     * Returns the confidence level of the intervals.
     *
     * @return the level, strictly between 0 and 1
     */
    public double level() {
        return level;
    }

    /**
     * Returns the interval method.
     *
     * @return the method
     */
    public NetScoreMethod method() {
        return method;
    }

    @Override
    public FeedbackScale scale() {
        return FeedbackScale.NPS;
    }

    @Override
    public NpsResult result(ScoreDistribution state) {
        ScoreDistribution.requireScale(FeedbackScale.NPS, Checks.present("state", state).scale());
        long promoters = state.count(PROMOTER_MIN, 10);
        long detractors = state.count(0, DETRACTOR_MAX);
        long passives = state.count(DETRACTOR_MAX + 1, PROMOTER_MIN - 1);
        OptionalDouble promoterShare = state.share(PROMOTER_MIN, 10);
        OptionalDouble score = OptionalDouble.empty();
        Optional<ConfidenceInterval> interval = Optional.empty();
        double effectiveN = state.effectiveN();
        if (promoterShare.isPresent() && effectiveN > 0) {
            // The score is computed exactly as the interval computes the observed score it must contain.
            double plus = state.effectiveCount(PROMOTER_MIN, 10);
            double minus = state.effectiveCount(0, DETRACTOR_MAX);
            score = OptionalDouble.of(100 * Math.max(-1, Math.min(1, (plus - minus) / effectiveN)));
            interval = Optional.of(Percent.of(NetScoreInterval.of(method, plus, minus, effectiveN, level)));
        }
        return new NpsResult(score, interval, state.n(), promoters, passives, detractors, promoterShare,
                state.share(DETRACTOR_MAX + 1, PROMOTER_MIN - 1), state.share(0, DETRACTOR_MAX), state.totalWeight(),
                effectiveN);
    }

    /**
     * Compares the configuration: two NPS metrics with the same level and method are equal.
     *
     * @param other the object to compare with
     * @return whether {@code other} is an equally configured NPS
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof NetPromoterScore that && Double.compare(level, that.level) == 0
                && method == that.method;
    }

    /**
     * Hashes the configuration, consistently with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * Double.hashCode(level) + method.hashCode();
    }

    /**
     * Returns the level and method, such as {@code NetPromoterScore[0.95 adjusted-wald]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "NetPromoterScore[" + level + " " + method.methodName() + "]";
    }

    /** Builds a {@link NetPromoterScore}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private double level = ConfidenceInterval.DEFAULT_LEVEL;
        private NetScoreMethod method = NetScoreMethod.ADJUSTED_WALD;

        private Builder() {}

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
         * Sets the interval method; {@link NetScoreMethod#ADJUSTED_WALD} unless set.
         *
         * @param value the method
         * @return this builder
         */
        public Builder method(NetScoreMethod value) {
            this.method = Checks.present("method", value);
            return this;
        }

        /**
         * Builds the metric.
         *
         * @return the configured NPS
         */
        public NetPromoterScore build() {
            return new NetPromoterScore(this);
        }
    }
}
