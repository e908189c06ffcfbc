package dev.cxm.metrics.survival;

import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hipparchus.distribution.continuous.NormalDistribution;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.survival.internal.DurationSort;

/**
 * The Kaplan-Meier (product-limit) estimator of the survival curve from right-censored durations, with
 * Greenwood's variance and a log-log confidence band, as R's {@code survfit(..., conf.type = "log-log")}
 * computes them.
 *
 * <pre>{@code
 * Map<String, SurvivalCurve> curves = KaplanMeier.ofDefaults().fitByGroup(data);
 * double retainedAfterAYear = curves.get("monthly").at(365).survival();
 * SurvivalCurve at90 = KaplanMeier.custom().level(0.90).build().fit(data);
 * }</pre>
 *
 * <p>At each distinct time t with d churns among n subjects at risk, S(t) = S(t-) (1 - d/n); the Greenwood
 * sum accumulates d / (n (n - d)), and the band is S^exp(+-z sigma / log S) with sigma the square root of
 * the sum. The work is two primitive sorts (radix sorts for large inputs) and a merge.
 */
public final class KaplanMeier {

    private static final KaplanMeier DEFAULTS = new KaplanMeier(ConfidenceInterval.DEFAULT_LEVEL);

    private final double level;
    private final double z;

    private KaplanMeier(double level) {
        this.level = ConfidenceInterval.requireLevel(level);
        this.z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    /**
     * Returns the estimator with 95% confidence bands.
     *
     * @return the default estimator
     */
    public static KaplanMeier ofDefaults() {
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
     * @param base the estimator whose settings the builder starts with
     * @return a builder holding the settings of {@code base}
     */
    public static Builder from(KaplanMeier base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Returns the confidence level of the bands.
     *
     * @return the level, strictly between 0 and 1
     */
    public double level() {
        return level;
    }

    /**
     * Estimates one curve from every subject, ignoring groups; the curve is named after the data's group
     * when there is only one, else {@value SurvivalData#DEFAULT_GROUP}.
     *
     * @param data the subjects
     * @return the curve of all subjects
     */
    public SurvivalCurve fit(SurvivalData data) {
        String name = data.groups().size() == 1 ? data.groups().get(0) : SurvivalData.DEFAULT_GROUP;
        double[][][] split = partition(data, null, 1);
        return estimate(name, data.unit(), split[0][0], split[1][0]);
    }

    /**
     * Estimates one curve per group, in the data's group order.
     *
     * @param data the subjects
     * @return the curves by group name, in the data's group order
     */
    public Map<String, SurvivalCurve> fitByGroup(SurvivalData data) {
        int groupCount = data.groups().size();
        double[][][] split = partition(data, data.groupColumn(), groupCount);
        Map<String, SurvivalCurve> curves = new LinkedHashMap<>();
        for (int g = 0; g < groupCount; g++) {
            curves.put(data.groups().get(g), estimate(data.groups().get(g), data.unit(), split[0][g], split[1][g]));
        }
        return Collections.unmodifiableMap(curves);
    }

    /**
     * Splits the durations by group: {@code [0][g]} the churn times of group g, {@code [1][g]} its censoring
     * times; {@code groupOf} null puts every subject in group 0.
     */
    private static double[][][] partition(SurvivalData data, int[] groupOf, int groupCount) {
        double[] durations = data.durationColumn();
        boolean[] observed = data.observedColumn();
        int[][] counts = new int[2][groupCount];
        for (int i = 0; i < durations.length; i++) {
            counts[observed[i] ? 0 : 1][groupOf == null ? 0 : groupOf[i]]++;
        }
        double[][][] split = new double[2][groupCount][];
        for (int g = 0; g < groupCount; g++) {
            split[0][g] = new double[counts[0][g]];
            split[1][g] = new double[counts[1][g]];
        }
        int[][] next = new int[2][groupCount];
        for (int i = 0; i < durations.length; i++) {
            int kind = observed[i] ? 0 : 1;
            int g = groupOf == null ? 0 : groupOf[i];
            split[kind][g][next[kind][g]++] = durations[i];
        }
        return split;
    }

    /** Estimates the curve from the event and censoring times; sorts both arrays in place. */
    private SurvivalCurve estimate(String group, ChronoUnit unit, double[] eventTimes, double[] censorTimes) {
        DurationSort.sort(eventTimes);
        DurationSort.sort(censorTimes);
        int steps = countDistinct(eventTimes, censorTimes);
        double[] times = new double[steps];
        int[] atRiskAt = new int[steps];
        int[] events = new int[steps];
        int[] censored = new int[steps];
        double[] survival = new double[steps];
        double[] greenwood = new double[steps];
        int i = 0;
        int j = 0;
        int atRisk = eventTimes.length + censorTimes.length;
        double s = 1;
        double sum = 0;
        for (int k = 0; k < steps; k++) {
            double t = Math.min(i < eventTimes.length ? eventTimes[i] : Double.POSITIVE_INFINITY,
                    j < censorTimes.length ? censorTimes[j] : Double.POSITIVE_INFINITY);
            int d = 0;
            while (i < eventTimes.length && eventTimes[i] == t) {
                d++;
                i++;
            }
            int c = 0;
            while (j < censorTimes.length && censorTimes[j] == t) {
                c++;
                j++;
            }
            if (d > 0) {
                s *= 1 - (double) d / atRisk;
                sum = atRisk > d ? sum + (double) d / ((double) atRisk * (atRisk - d)) : Double.POSITIVE_INFINITY;
            }
            times[k] = t;
            atRiskAt[k] = atRisk;
            events[k] = d;
            censored[k] = c;
            survival[k] = s;
            greenwood[k] = sum;
            atRisk -= d + c;
        }
        return new SurvivalCurve(group, unit, eventTimes.length + censorTimes.length, level, z, times, atRiskAt, events,
                censored, survival, greenwood);
    }

    /** Returns how many distinct values two sorted arrays hold together. */
    private static int countDistinct(double[] a, double[] b) {
        int i = 0;
        int j = 0;
        int count = 0;
        while (i < a.length || j < b.length) {
            double t = Math.min(i < a.length ? a[i] : Double.POSITIVE_INFINITY, j < b.length ? b[j] : Double.POSITIVE_INFINITY);
            while (i < a.length && a[i] == t) {
                i++;
            }
            while (j < b.length && b[j] == t) {
                j++;
            }
            count++;
        }
        return count;
    }

    /** Compares the confidence level. */
    @Override
    public boolean equals(Object other) {
        return other instanceof KaplanMeier that && Double.compare(level, that.level) == 0;
    }

    /** Hashes the confidence level. */
    @Override
    public int hashCode() {
        return Double.hashCode(level);
    }

    /** Returns the level, such as {@code KaplanMeier[level=0.95]}. */
    @Override
    public String toString() {
        return "KaplanMeier[level=" + level + "]";
    }

    /** Builds a {@link KaplanMeier}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private double level;

        private Builder(KaplanMeier base) {
            this.level = base.level;
        }

        /**
         * Sets the confidence level of the bands; 0.95 unless set.
         *
         * @param value the level, strictly between 0 and 1
         * @return this builder
         * @throws IllegalArgumentException naming the level when it is outside (0, 1)
         */
        public Builder level(double value) {
            this.level = ConfidenceInterval.requireLevel(value);
            return this;
        }

        /**
         * Builds the estimator.
         *
         * @return the estimator
         */
        public KaplanMeier build() {
            return level == DEFAULTS.level ? DEFAULTS : new KaplanMeier(level);
        }
    }
}
