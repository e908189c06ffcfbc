package dev.cxm.metrics.drivers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.drivers.internal.Decomposition;
import dev.cxm.metrics.drivers.internal.RelativeWeights;
import dev.cxm.metrics.drivers.internal.ShapleyDecomposition;
import dev.cxm.metrics.drivers.internal.ShareBootstrap;
import dev.cxm.metrics.drivers.internal.VarianceInflation;
import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.stats.PercentileBootstrap;

/**
 * Key-driver analysis: how much of an outcome's variance each driver explains, as its share of R² of the
 * outcome's least-squares regression on all drivers, with bootstrap percentile intervals for the shares.
 *
 * <pre>{@code
 * KeyDriverResult result = KeyDrivers.ofDefaults().compute(data);   // Shapley up to 15 drivers, 1,000 resamples
 * KeyDrivers quick = KeyDrivers.custom().method(DriverMethod.RELATIVE_WEIGHTS).resamples(0).build();
 * KeyDriverResult streamed = quick.compute(accumulator.result());    // from moments: no intervals
 * }</pre>
 *
 * <p>R² is divided by the Shapley value (LMG: each driver's increase of R² averaged over every order in
 * which drivers can enter the model), exact from the R² of all 2<sup>p</sup> subsets for up to
 * {@value #MAX_SHAPLEY_DRIVERS} drivers, or by Johnson's relative weights, which approximate it closely for
 * any number; {@link DriverMethod#AUTOMATIC} (the default) takes the first up to
 * {@value #MAX_SHAPLEY_DRIVERS} drivers and the second above. Both work on the correlation matrix, so a
 * driver's scale and unit do not matter.
 *
 * <p>The intervals resample the rows with replacement ({@link #resamples()} times, 1,000 unless set; 0 for
 * none), divide R² anew on each resample and take the percentiles of each driver's share; a seed makes them
 * reproducible. They need the rows, so they come with {@link #compute(DriverData)}, not with
 * {@link #compute(DriverMoments)}.
 *
 * <p>Malformed input throws {@link IllegalArgumentException} naming the column: fewer rows than drivers plus
 * 2 (R², adjusted R² and the intervals need a residual degree of freedom), an outcome or driver without
 * variance. The result warns of drivers whose variance inflation factor exceeds
 * {@value #COLLINEARITY_THRESHOLD} (nearly collinear: they explain much of the same variance, which the method
 * splits between them, so their shares are unstable), and of fewer rows than {@code 50 + 8 p} (Green's 1991
 * rule of thumb for estimating R²).
 *
 * <p>An immutable configuration that compares by value.
 */
public final class KeyDrivers {

    /** The most drivers the exact Shapley decomposition takes (2<sup>15</sup> subsets). */
    public static final int MAX_SHAPLEY_DRIVERS = 15;
    /** The bootstrap resamples unless set. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** The bootstrap seed unless set. */
    public static final long DEFAULT_SEED = 1;
    /** The variance inflation factor above which a driver is reported as nearly collinear with the others. */
    public static final double COLLINEARITY_THRESHOLD = 10;

    /** Importances closer than this fraction of R² are equal, and share a rank. */
    private static final double TIE = 1e-12;

    private static final KeyDrivers DEFAULTS = new KeyDrivers(DriverMethod.AUTOMATIC, DEFAULT_RESAMPLES,
            DEFAULT_SEED, ConfidenceInterval.DEFAULT_LEVEL);

    private final DriverMethod method;
    private final int resamples;
    private final long seed;
    private final double level;

    private KeyDrivers(DriverMethod method, int resamples, long seed, double level) {
        this.method = method;
        this.resamples = resamples;
        this.seed = seed;
        this.level = level;
    }

    /**
     * Returns the defaults: {@link DriverMethod#AUTOMATIC}, {@value #DEFAULT_RESAMPLES} resamples, seed
     * {@value #DEFAULT_SEED}, 95% intervals.
     *
     * @return the default analysis
     */
    public static KeyDrivers ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Starts a configuration from the defaults.
     *
     * @return a builder holding the defaults
     */
    public static Builder custom() {
        return new Builder(DEFAULTS);
    }

    /**
     * Starts a configuration from {@code base}.
     *
     * @param base the analysis whose settings the builder starts with
     * @return a builder holding the settings of {@code base}
     */
    public static Builder from(KeyDrivers base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Returns how R² is divided.
     *
     * @return the method
     */
    public DriverMethod method() {
        return method;
    }

    /**
     * Returns the bootstrap resamples; 0 for no intervals.
     *
     * @return the resamples
     */
    public int resamples() {
        return resamples;
    }

    /**
     * Returns the seed of the bootstrap's random generator.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
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
     * Analyses rows: the importances, and bootstrap intervals of the shares unless {@link #resamples()} is 0.
     *
     * @param data the rows
     * @return the key drivers
     * @throws IllegalArgumentException when there are fewer rows than drivers plus 2, the outcome or a driver
     *     has no variance, or {@link DriverMethod#SHAPLEY} is asked for more than {@value #MAX_SHAPLEY_DRIVERS}
     *     drivers
     */
    public KeyDriverResult compute(DriverData data) {
        Checks.present("data", data);
        DriverMoments moments = data.moments();
        Analysis analysis = analyse(moments);
        List<Optional<ConfidenceInterval>> intervals = new ArrayList<>();
        int degenerate = 0;
        if (resamples > 0) {
            ShareBootstrap.Replicates replicates = ShareBootstrap.run(data.rowMajorValues(), data.drivers().size() + 1,
                    data.rows(), resamples, seed, analysis.decomposer);
            for (double[] shares : replicates.shares()) {
                intervals.add(Optional.of(PercentileBootstrap.ofReplicates(shares, level)));
            }
            degenerate = replicates.degenerate();
        } else {
            data.drivers().forEach(name -> intervals.add(Optional.empty()));
        }
        if (degenerate > 0) {
            analysis.warnings.add(degenerate + " of " + resamples + " bootstrap resamples drew the outcome or a"
                    + " driver with a single value; on those, that variable was taken to explain nothing (or to have"
                    + " nothing to explain)");
        }
        return analysis.result(intervals, resamples);
    }

    /**
     * Analyses moments (from a {@link DriverAccumulator}, say): the importances without intervals, since the
     * bootstrap resamples rows and moments keep none. The result says so in a warning when this analysis is
     * configured with resamples.
     *
     * @param moments the moments of the rows
     * @return the key drivers, without intervals
     * @throws IllegalArgumentException when there are fewer rows than drivers plus 2, the outcome or a driver
     *     has no variance, or {@link DriverMethod#SHAPLEY} is asked for more than {@value #MAX_SHAPLEY_DRIVERS}
     *     drivers
     */
    public KeyDriverResult compute(DriverMoments moments) {
        Analysis analysis = analyse(Checks.present("moments", moments));
        if (resamples > 0) {
            analysis.warnings.add("no intervals: the bootstrap resamples rows, and moments keep none; compute from"
                    + " DriverData for intervals");
        }
        List<Optional<ConfidenceInterval>> none = new ArrayList<>();
        moments.drivers().forEach(name -> none.add(Optional.empty()));
        return analysis.result(none, 0);
    }

    /** Returns the method used for {@code drivers} drivers; throws when Shapley is asked for too many. */
    private DriverMethod methodFor(int drivers) {
        if (method == DriverMethod.AUTOMATIC) {
            return drivers <= MAX_SHAPLEY_DRIVERS ? DriverMethod.SHAPLEY : DriverMethod.RELATIVE_WEIGHTS;
        }
        if (method == DriverMethod.SHAPLEY && drivers > MAX_SHAPLEY_DRIVERS) {
            throw new IllegalArgumentException("method: shapley is exact for at most " + MAX_SHAPLEY_DRIVERS
                    + " drivers (2^" + MAX_SHAPLEY_DRIVERS + " subsets); " + drivers + " drivers need relative-weights"
                    + " (or automatic, which chooses it)");
        }
        return method;
    }

    private Analysis analyse(DriverMoments moments) {
        int p = moments.drivers().size();
        long n = moments.count();
        if (n < p + 2L) {
            throw new IllegalArgumentException("rows: " + n + " rows for " + p + " drivers; key-driver analysis needs"
                    + " at least drivers + 2 = " + (p + 2) + " rows (an intercept, a coefficient per driver and a"
                    + " residual degree of freedom)");
        }
        double[][] scatter = moments.scatter();
        if (!(scatter[0][0] > 0)) {
            throw new IllegalArgumentException("outcome " + moments.outcome() + ": no variance; every row has the same"
                    + " value, so there is nothing to explain");
        }
        for (int j = 1; j <= p; j++) {
            if (!(scatter[j][j] > 0)) {
                throw new IllegalArgumentException("driver " + moments.drivers().get(j - 1) + ": no variance; every"
                        + " row has the same value, so it explains nothing; leave it out");
            }
        }
        DriverMethod used = methodFor(p);
        Decomposition.Method decomposer = used == DriverMethod.SHAPLEY ? ShapleyDecomposition::decompose
                : RelativeWeights::decompose;
        double[][] correlations = moments.correlations();
        return new Analysis(moments, used, decomposer, decomposer.decompose(correlations),
                VarianceInflation.of(correlations), correlations);
    }

    /** The point estimates of one analysis and its warnings so far. */
    private final class Analysis {
        final DriverMoments moments;
        final DriverMethod used;
        final Decomposition.Method decomposer;
        final Decomposition decomposition;
        final double[] inflation;
        final double[][] correlations;
        final List<String> warnings = new ArrayList<>();

        Analysis(DriverMoments moments, DriverMethod used, Decomposition.Method decomposer,
                Decomposition decomposition, double[] inflation, double[][] correlations) {
            this.moments = moments;
            this.used = used;
            this.decomposer = decomposer;
            this.decomposition = decomposition;
            this.inflation = inflation;
            this.correlations = correlations;
            warnAboutSampleSize();
            warnAboutCollinearity();
            if (!(decomposition.rSquared() > 0)) {
                warnings.add("the drivers explain none of the outcome's variance (R² = 0): there is nothing to share,"
                        + " and every share is given as 0");
            }
        }

        private void warnAboutSampleSize() {
            int p = moments.drivers().size();
            long recommended = 50L + 8L * p;
            if (moments.count() < recommended) {
                warnings.add("small sample: " + moments.count() + " rows for " + p + " drivers, below 50 + 8 × drivers"
                        + " = " + recommended + " (Green 1991), so R² and the shares are estimated loosely; read"
                        + " the intervals");
            }
        }

        private void warnAboutCollinearity() {
            List<String> collinear = new ArrayList<>();
            for (int j = 0; j < inflation.length; j++) {
                if (inflation[j] > COLLINEARITY_THRESHOLD) {
                    collinear.add(moments.drivers().get(j) + " (" + (Double.isInfinite(inflation[j])
                            ? "a linear combination of the others"
                            : String.format(Locale.ROOT, "VIF %.1f", inflation[j])) + ")");
                }
            }
            if (!collinear.isEmpty()) {
                warnings.add("nearly collinear drivers (variance inflation factor above "
                        + String.format(Locale.ROOT, "%.0f", COLLINEARITY_THRESHOLD) + "): "
                        + String.join(", ", collinear) + "; they explain much of the same variance, which "
                        + used.methodName() + " splits between them, so their shares are unstable");
            }
        }

        KeyDriverResult result(List<Optional<ConfidenceInterval>> intervals, int resamplesUsed) {
            List<String> names = moments.drivers();
            int p = names.size();
            double rSquared = decomposition.rSquared();
            double[] importances = decomposition.importances();
            double[] shares = decomposition.shares();
            Integer[] order = new Integer[p];
            for (int j = 0; j < p; j++) {
                order[j] = j;
            }
            java.util.Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -importances[j])
                    .thenComparingInt(j -> j));
            List<DriverImportance> drivers = new ArrayList<>();
            int rank = 0;
            for (int position = 0; position < p; position++) {
                int j = order[position];
                // Equal to rounding (the same column twice, say): the same rank.
                if (position == 0 || importances[order[position - 1]] - importances[j] > TIE * rSquared) {
                    rank = position + 1;
                }
                drivers.add(new DriverImportance(names.get(j), importances[j], Math.min(1, shares[j]),
                        intervals.get(j), rank, correlations[0][j + 1], inflation[j]));
            }
            long n = moments.count();
            double adjusted = 1 - (1 - rSquared) * (n - 1) / (double) (n - p - 1);
            return new KeyDriverResult(moments.outcome(), n, used, rSquared, Math.min(rSquared, adjusted), drivers,
                    resamplesUsed, seed, warnings);
        }
    }

    /** Compares method, resamples, seed and level. */
    @Override
    public boolean equals(Object other) {
        return other instanceof KeyDrivers that && method == that.method && resamples == that.resamples
                && seed == that.seed && Double.compare(level, that.level) == 0;
    }

    /** Hashes method, resamples, seed and level. */
    @Override
    public int hashCode() {
        return Objects.hash(method, resamples, seed, level);
    }

    /** Returns the settings, such as {@code KeyDrivers[method=automatic, resamples=1000, seed=1, level=0.95]}. */
    @Override
    public String toString() {
        return "KeyDrivers[method=" + method.methodName() + ", resamples=" + resamples + ", seed=" + seed + ", level="
                + level + "]";
    }

    /** Builds a {@link KeyDrivers}; each setter refuses a bad value at once and leaves the builder unchanged. */
    public static final class Builder {
        private DriverMethod method;
        private int resamples;
        private long seed;
        private double level;

        private Builder(KeyDrivers base) {
            this.method = base.method;
            this.resamples = base.resamples;
            this.seed = base.seed;
            this.level = base.level;
        }

        /**
         * Sets how R² is divided; {@link DriverMethod#AUTOMATIC} unless set.
         *
         * @param value the method
         * @return this builder
         */
        public Builder method(DriverMethod value) {
            this.method = Checks.present("method", value);
            return this;
        }

        /**
         * Sets the bootstrap resamples; {@value KeyDrivers#DEFAULT_RESAMPLES} unless set, 0 for no intervals.
         *
         * @param value 0, or at least {@link PercentileBootstrap#MINIMUM_RESAMPLES}
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is neither 0 nor at least
         *     {@link PercentileBootstrap#MINIMUM_RESAMPLES}
         */
        public Builder resamples(int value) {
            if (value != 0 && value < PercentileBootstrap.MINIMUM_RESAMPLES) {
                throw new IllegalArgumentException("resamples: " + value + " is neither 0 (no intervals) nor at least "
                        + PercentileBootstrap.MINIMUM_RESAMPLES + "; a percentile bootstrap needs enough resamples to"
                        + " estimate its tails");
            }
            this.resamples = value;
            return this;
        }

        /**
         * Sets the seed of the bootstrap's random generator; {@value KeyDrivers#DEFAULT_SEED} unless set.
         *
         * @param value any seed
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sets the confidence level of the intervals; 0.95 unless set.
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
         * Builds the analysis.
         *
         * @return the analysis
         */
        public KeyDrivers build() {
            return new KeyDrivers(method, resamples, seed, level);
        }
    }
}
