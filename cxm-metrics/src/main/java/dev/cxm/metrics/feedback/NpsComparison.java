package dev.cxm.metrics.feedback;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.feedback.internal.Percent;
import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.stats.NetScoreDifference;
import dev.cxm.metrics.stats.NetScoreMethod;
import dev.cxm.metrics.stats.PercentileBootstrap;
import dev.cxm.metrics.stats.TwoSampleComparison;

/**
 * Compares two Net Promoter Scores from independent samples: the difference, its interval and a two-sided
 * z test, by the adjusted Wald method (each sample adjusted as for its own interval; see
 * {@link NetScoreDifference}) unless configured otherwise. Optionally the interval comes from a seeded
 * percentile bootstrap instead; the z test stays analytic.
 *
 * <pre>{@code
 * NpsDifference change = NpsComparison.ofDefaults().compare(lastQuarter, thisQuarter);
 * if (change.significantAt(0.05)) { ... }
 * NpsComparison bootstrap = NpsComparison.custom().bootstrap(10_000, 42L).build();
 * }</pre>
 *
 * <p>With survey weights, each side enters with its effective sample size and weighted shares.
 *
 * <p>Immutable and thread-safe, with value {@code equals}: a host can keep it in its own configuration.
 */
public final class NpsComparison {

    private static final NpsComparison DEFAULTS = custom().build();

    private final double level;
    private final NetScoreMethod method;
    private final OptionalInt bootstrapResamples;
    private final OptionalLong bootstrapSeed;

    private NpsComparison(Builder builder) {
        this.level = builder.level;
        this.method = builder.method;
        this.bootstrapResamples = builder.bootstrapResamples;
        this.bootstrapSeed = builder.bootstrapSeed;
    }

    /**
     * Returns the comparison at 95% by the adjusted Wald method, without bootstrap.
     *
     * @return the default configuration
     */
    public static NpsComparison ofDefaults() {
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
     * Starts a configuration from {@code base}: its level, method and bootstrap.
     *
     * @param base the configuration to start from
     * @return a builder holding {@code base}'s settings
     */
    public static Builder from(NpsComparison base) {
        Checks.present("base", base);
        Builder builder = new Builder().level(base.level).method(base.method);
        builder.bootstrapResamples = base.bootstrapResamples;
        builder.bootstrapSeed = base.bootstrapSeed;
        return builder;
    }

    /**
     * Returns the difference {@code other - baseline} with its interval and test; all empty when either side
     * has no score.
     *
     * @param baseline the first result, such as last quarter's
     * @param other the second result, such as this quarter's
     * @return the difference, its interval, z statistic and p-value
     */
    public NpsDifference compare(NpsResult baseline, NpsResult other) {
        Checks.present("baseline", baseline);
        Checks.present("other", other);
        if (baseline.score().isEmpty() || other.score().isEmpty()) {
            return new NpsDifference(OptionalDouble.empty(), Optional.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), baseline, other);
        }
        Sample first = Sample.of(baseline);
        Sample second = Sample.of(other);
        TwoSampleComparison test = NetScoreDifference.compare(method, first.plus, first.minus, first.n, second.plus,
                second.minus, second.n, level);
        ConfidenceInterval interval = test.interval();
        if (bootstrapResamples.isPresent()) {
            interval = NetScoreDifference.bootstrapInterval(first.plus, first.minus, first.n, second.plus,
                    second.minus, second.n, level, bootstrapResamples.getAsInt(), bootstrapSeed.getAsLong());
        }
        double difference = other.score().getAsDouble() - baseline.score().getAsDouble();
        return new NpsDifference(OptionalDouble.of(difference), Optional.of(Percent.of(interval)),
                OptionalDouble.of(test.zStatistic()), OptionalDouble.of(test.pValue()), baseline, other);
    }

    /**
     * Returns the confidence level of the interval.
     *
     * @return the level, strictly between 0 and 1
     */
    public double level() {
        return level;
    }

    /**
     * Returns the analytic method of the test (and of the interval, unless bootstrapped).
     *
     * @return the method
     */
    public NetScoreMethod method() {
        return method;
    }

    /**
     * Returns the number of bootstrap resamples, when the interval is bootstrapped.
     *
     * @return the resamples, or empty for the analytic interval
     */
    public OptionalInt bootstrapResamples() {
        return bootstrapResamples;
    }

    /**
     * Returns the seed of the bootstrap's random generator, when the interval is bootstrapped.
     *
     * @return the seed, or empty for the analytic interval
     */
    public OptionalLong bootstrapSeed() {
        return bootstrapSeed;
    }

    /**
     * Compares the configuration: equal level, method and bootstrap (resamples and seed).
     *
     * @param other the object to compare with
     * @return whether {@code other} is an equally configured comparison
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof NpsComparison that && Double.compare(level, that.level) == 0 && method == that.method
                && bootstrapResamples.equals(that.bootstrapResamples) && bootstrapSeed.equals(that.bootstrapSeed);
    }

    /**
     * Hashes the configuration, consistently with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(level, method, bootstrapResamples, bootstrapSeed);
    }

    /**
     * Returns the level, method and bootstrap, such as
     * {@code NpsComparison[0.95 adjusted-wald, bootstrap 1000 resamples seed 42]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        String bootstrap = bootstrapResamples.isPresent() ? ", bootstrap " + bootstrapResamples.getAsInt()
                + " resamples seed " + bootstrapSeed.getAsLong() : "";
        return "NpsComparison[" + level + " " + method.methodName() + bootstrap + "]";
    }

    /** The effective counts of one side. */
    private record Sample(double plus, double minus, double n) {
        static Sample of(NpsResult result) {
            boolean unweighted = result.totalWeight() == result.n() && result.effectiveN() == result.n();
            if (unweighted) {
                return new Sample(result.promoters(), result.detractors(), result.n());
            }
            double n = result.effectiveN();
            return new Sample(result.promoterShare().getAsDouble() * n, result.detractorShare().getAsDouble() * n, n);
        }
    }

    /** Builds an {@link NpsComparison}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private double level = ConfidenceInterval.DEFAULT_LEVEL;
        private NetScoreMethod method = NetScoreMethod.ADJUSTED_WALD;
        private OptionalInt bootstrapResamples = OptionalInt.empty();
        private OptionalLong bootstrapSeed = OptionalLong.empty();

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
         * Sets the analytic method; {@link NetScoreMethod#ADJUSTED_WALD} unless set.
         *
         * @param value the method
         * @return this builder
         */
        public Builder method(NetScoreMethod value) {
            this.method = Checks.present("method", value);
            return this;
        }

        /**
         * Makes the interval a percentile bootstrap of {@code resamples} resamples drawn with a generator
         * seeded by {@code seed}, so that the same inputs and seed give the same interval.
         *
         * @param resamples the number of resamples, at least {@link PercentileBootstrap#MINIMUM_RESAMPLES}
         * @param seed the seed of the random generator
         * @return this builder
         * @throws IllegalArgumentException naming the resamples when there are fewer than
         *     {@link PercentileBootstrap#MINIMUM_RESAMPLES}
         */
        public Builder bootstrap(int resamples, long seed) {
            this.bootstrapResamples = OptionalInt.of(PercentileBootstrap.requireResamples(resamples));
            this.bootstrapSeed = OptionalLong.of(seed);
            return this;
        }

        /**
         * Makes the interval analytic again (the default), as for a builder started {@link NpsComparison#from}
         * a bootstrapped comparison.
         *
         * @return this builder
         */
        public Builder noBootstrap() {
            this.bootstrapResamples = OptionalInt.empty();
            this.bootstrapSeed = OptionalLong.empty();
            return this;
        }

        /**
         * Builds the comparison.
         *
         * @return the configured comparison
         */
        public NpsComparison build() {
            return new NpsComparison(this);
        }
    }
}
