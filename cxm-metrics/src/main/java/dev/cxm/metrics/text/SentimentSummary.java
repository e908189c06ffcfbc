package dev.cxm.metrics.text;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collector;

import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.stats.CriticalValues;
import dev.cxm.metrics.stats.Estimate;
import dev.cxm.metrics.stats.MeanInterval;
import dev.cxm.metrics.stats.ProportionInterval;

/**
 * Summarises sentiment scores: the mean compound score (t interval), the positive and negative shares
 * (Wilson intervals), and the emotional intensity, as the mean absolute compound score (t interval) and the
 * share of strongly negative texts (Wilson). Counting runs in a {@link SentimentAccumulator}, which merges and
 * saves its state as every cxm accumulator does.
 *
 * <pre>{@code
 * SentimentResult result = comments.stream().map(analyzer::score).collect(SentimentSummary.ofDefaults().collector());
 * result.negativeShare();         // share at -0.05 or below, with its Wilson interval
 * result.strongNegativeShare();   // share at -0.5 or below
 * }</pre>
 *
 * <p>Settings: the confidence level ({@value ConfidenceInterval#DEFAULT_LEVEL} unless set), the neutral band
 * ({@value #DEFAULT_NEUTRAL_BAND}: VADER's convention, a text at 0.05 or more is positive, at -0.05 or less
 * negative) and the strong-negative threshold ({@value #DEFAULT_STRONG_NEGATIVE}: cxm's convention, the
 * compound score a single clearly negative sentence such as "This is terrible." reaches). Immutable,
 * thread-safe, value {@code equals}.
 */
public final class SentimentSummary {

    /** The half-width of the neutral band unless set: VADER's convention. */
    public static final double DEFAULT_NEUTRAL_BAND = 0.05;
    /** The strong-negative threshold unless set. */
    public static final double DEFAULT_STRONG_NEGATIVE = -0.5;

    private static final SentimentSummary DEFAULTS = new Builder().build();

    /** How many t quantiles (for 1 to this many degrees of freedom) each summary remembers. */
    private static final int CACHED_QUANTILES = 512;

    private final double level;
    private final double neutralBand;
    private final double strongNegativeThreshold;
    /** The t quantiles of this level computed so far, as raw bits (0 until computed): a breakdown's result
     * needs one per group and period, and each is an iterative solve. Not part of the configuration. */
    private final AtomicLongArray quantiles = new AtomicLongArray(CACHED_QUANTILES);

    private SentimentSummary(Builder builder) {
        this.level = builder.level;
        this.neutralBand = builder.neutralBand;
        this.strongNegativeThreshold = builder.strongNegativeThreshold;
    }

    /**
     * Returns the summary with the defaults: level 0.95, neutral band 0.05, strong negative at -0.5 or below.
     *
     * @return the summary
     */
    public static SentimentSummary ofDefaults() {
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
     * @param base the summary whose settings the builder starts with
     * @return a builder holding {@code base}'s settings
     */
    public static Builder from(SentimentSummary base) {
        Checks.present("base", base);
        Builder builder = new Builder();
        builder.level = base.level;
        builder.neutralBand = base.neutralBand;
        builder.strongNegativeThreshold = base.strongNegativeThreshold;
        return builder;
    }

    /**
     * Returns the confidence level of the intervals.
     *
     * @return the level, in (0, 1)
     */
    public double level() {
        return level;
    }

    /**
     * Returns the half-width of the neutral band: a text at it or above is positive, at its negative or below
     * negative.
     *
     * @return the band, in (0, 1)
     */
    public double neutralBand() {
        return neutralBand;
    }

    /**
     * Returns the compound score at or below which a text is strongly negative.
     *
     * @return the threshold, in [-1, -neutralBand]
     */
    public double strongNegativeThreshold() {
        return strongNegativeThreshold;
    }

    /**
     * Returns a new, empty accumulator. Not thread-safe.
     *
     * @return the accumulator
     */
    public SentimentAccumulator accumulator() {
        return new SentimentAccumulator(this, SentimentTally.empty(neutralBand, strongNegativeThreshold));
    }

    /**
     * Returns an accumulator that continues from {@code state}.
     *
     * @param state a state saved by an accumulator of the same thresholds
     * @return the accumulator
     * @throws IllegalArgumentException naming the thresholds when the state was counted by others
     */
    public SentimentAccumulator accumulator(SentimentTally state) {
        Checks.present("state", state);
        tally().requireSameThresholds(state);
        return new SentimentAccumulator(this, state);
    }

    /**
     * Returns a collector of scores into their summary; it runs on parallel streams too.
     *
     * @return the collector
     */
    public Collector<SentimentScore, SentimentAccumulator, SentimentResult> collector() {
        return Accumulators.collector(this::accumulator);
    }

    /**
     * Returns the result of a state.
     *
     * @param state the counted scores
     * @return the result, at this summary's level
     * @throws IllegalArgumentException naming the thresholds when the state was counted by others
     */
    public SentimentResult result(SentimentTally state) {
        Checks.present("state", state);
        tally().requireSameThresholds(state);
        long n = state.n();
        if (n == 0) {
            return new SentimentResult(0, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), neutralBand, strongNegativeThreshold);
        }
        // One t quantile serves both means (same n); it is the costly part of a result.
        double t = n < 2 ? Double.NaN : quantile(n - 1);
        return new SentimentResult(n, state.blank(), state.truncated(),
                Optional.of(mean(state.compoundSum(), state.squareSum(), n, t, -1)),
                Optional.of(share(state.positives(), n)), Optional.of(share(state.negatives(), n)),
                Optional.of(mean(state.absoluteSum(), state.squareSum(), n, t, 0)),
                Optional.of(share(state.strongNegatives(), n)), neutralBand, strongNegativeThreshold);
    }

    /** Returns {@code t(level, degreesOfFreedom)}, remembered for small degrees of freedom. */
    private double quantile(long degreesOfFreedom) {
        if (degreesOfFreedom >= CACHED_QUANTILES) {
            return CriticalValues.t(level, degreesOfFreedom);
        }
        int at = (int) degreesOfFreedom;
        long bits = quantiles.get(at);
        if (bits == 0) {
            bits = Double.doubleToRawLongBits(CriticalValues.t(level, degreesOfFreedom));
            quantiles.set(at, bits);
        }
        return Double.longBitsToDouble(bits);
    }

    private SentimentTally tally() {
        return SentimentTally.empty(neutralBand, strongNegativeThreshold);
    }

    private Estimate share(long count, long n) {
        return Estimate.of((double) count / n, ProportionInterval.wilson(count, n, level));
    }

    /**
     * Returns the mean of values whose sum is {@code sum} (units of 1/{@link SentimentTally#SCALE}) and sum of
     * squares {@code squares} (its square), with the t interval {@code mean ± t s / sqrt(n)} clipped to
     * {@code [min, 1]}, as {@link MeanInterval#t} makes it.
     */
    private Estimate mean(long sum, long squares, long n, double t, double min) {
        double scale = SentimentTally.SCALE;
        double mean = sum / (scale * n);
        if (n < 2) {
            return Estimate.withoutInterval(mean);
        }
        // s² = (n Σx² - (Σx)²) / (n (n - 1)), exact in whole numbers until the one division.
        BigInteger count = BigInteger.valueOf(n);
        BigInteger total = BigInteger.valueOf(sum);
        double numerator = count.multiply(BigInteger.valueOf(squares)).subtract(total.multiply(total)).doubleValue();
        double variance = numerator / ((double) n * (n - 1)) / (scale * scale);
        double half = t * Math.sqrt(variance / n);
        return Estimate.of(mean, new ConfidenceInterval(Math.max(min, Math.min(1, mean - half)),
                Math.max(min, Math.min(1, mean + half)), level, MeanInterval.T));
    }

    /**
     * Throws unless the thresholds are valid: a band in (0, 1) and a strong-negative threshold in
     * [-1, -band].
     *
     * @param neutralBand the band
     * @param strongNegativeThreshold the threshold
     * @throws IllegalArgumentException naming the value and the rule
     */
    static void requireThresholds(double neutralBand, double strongNegativeThreshold) {
        if (!(neutralBand > 0 && neutralBand < 1)) {
            throw new IllegalArgumentException("neutralBand: " + neutralBand + " is outside (0, 1)");
        }
        if (!(strongNegativeThreshold >= -1 && strongNegativeThreshold <= -neutralBand)) {
            throw new IllegalArgumentException("strongNegativeThreshold: " + strongNegativeThreshold
                    + " is outside [-1, " + -neutralBand + "]; strongly negative texts are negative texts");
        }
    }

    /**
     * Compares the settings.
     *
     * @param other the object to compare with
     * @return whether {@code other} is a summary with the same level and thresholds
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof SentimentSummary that && level == that.level && neutralBand == that.neutralBand
                && strongNegativeThreshold == that.strongNegativeThreshold;
    }

    /**
     * Hashes the settings, consistently with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(level, neutralBand, strongNegativeThreshold);
    }

    /**
     * Returns the settings, such as {@code SentimentSummary[level 0.95, neutralBand 0.05, strongNegative <= -0.5]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "SentimentSummary[level " + level + ", neutralBand " + neutralBand + ", strongNegative <= "
                + strongNegativeThreshold + "]";
    }

    /** Builds a {@link SentimentSummary}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private double level = ConfidenceInterval.DEFAULT_LEVEL;
        private double neutralBand = DEFAULT_NEUTRAL_BAND;
        private double strongNegativeThreshold = DEFAULT_STRONG_NEGATIVE;

        private Builder() {}

        /**
         * Sets the confidence level of every interval.
         *
         * @param value the level, strictly between 0 and 1
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is outside (0, 1)
         */
        public Builder level(double value) {
            this.level = ConfidenceInterval.requireLevel(value);
            return this;
        }

        /**
         * Sets the half-width of the neutral band.
         *
         * @param value the band, in (0, 1) and at most minus the strong-negative threshold
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is outside its range
         */
        public Builder neutralBand(double value) {
            requireThresholds(value, strongNegativeThreshold);
            this.neutralBand = value;
            return this;
        }

        /**
         * Sets the compound score at or below which a text is strongly negative.
         *
         * @param value the threshold, in [-1, -neutralBand]
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is outside its range
         */
        public Builder strongNegativeThreshold(double value) {
            requireThresholds(neutralBand, value);
            this.strongNegativeThreshold = value;
            return this;
        }

        /**
         * Builds the summary.
         *
         * @return the configured summary
         */
        public SentimentSummary build() {
            return new SentimentSummary(this);
        }
    }
}
