package dev.cxm.metrics.feedback;

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

    /** Returns the comparison at 95% by the adjusted Wald method. */
    public static NpsComparison ofDefaults() {
        return DEFAULTS;
    }

    /** Starts a configuration from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** Returns the difference {@code other - baseline} with its interval and test. */
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

    /** Returns the confidence level of the interval. */
    public double level() {
        return level;
    }

    /** Returns the analytic method of the test (and of the interval, unless bootstrapped). */
    public NetScoreMethod method() {
        return method;
    }

    /** Returns the number of bootstrap resamples, when the interval is bootstrapped. */
    public OptionalInt bootstrapResamples() {
        return bootstrapResamples;
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

        /** Sets the confidence level, strictly between 0 and 1; 0.95 unless set. */
        public Builder level(double value) {
            this.level = ConfidenceInterval.requireLevel(value);
            return this;
        }

        /** Sets the analytic method; {@link NetScoreMethod#ADJUSTED_WALD} unless set. */
        public Builder method(NetScoreMethod value) {
            this.method = Checks.present("method", value);
            return this;
        }

        /**
         * Makes the interval a percentile bootstrap of {@code resamples} resamples drawn with a generator
         * seeded by {@code seed}, so that the same inputs and seed give the same interval.
         *
         * @throws IllegalArgumentException when there are fewer than {@link PercentileBootstrap#MINIMUM_RESAMPLES}
         */
        public Builder bootstrap(int resamples, long seed) {
            this.bootstrapResamples = OptionalInt.of(PercentileBootstrap.requireResamples(resamples));
            this.bootstrapSeed = OptionalLong.of(seed);
            return this;
        }

        /** Builds the comparison. */
        public NpsComparison build() {
            return new NpsComparison(this);
        }
    }
}
