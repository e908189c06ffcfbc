package dev.cxm.metrics.survival;

import java.time.temporal.ChronoUnit;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.RandomAccess;

import dev.cxm.metrics.stats.ConfidenceInterval;

/**
 * A Kaplan-Meier survival curve of one group: the estimate of S(t), the probability that a subject lasts
 * beyond t, at every time where subjects churned or were censored, with Greenwood's variance and a log-log
 * confidence band. Made by {@link KaplanMeier}.
 *
 * <p>Once the curve has fallen to 0 (every subject still at risk churned), Greenwood's sum is infinite: the
 * standard error and the band are undefined there and reported empty, as R's survival package reports them
 * ({@code NaN}, {@code NA}); the confidence limits of a quantile are read only where the band is defined.
 *
 * <p>Immutable; the steps are held as primitive arrays and {@link #timeline()} is a read-only view over
 * them, so a curve of ten million distinct times costs arrays, not objects.
 */
public final class SurvivalCurve {

    /** The name of the confidence band's method, as recorded in every {@link ConfidenceInterval}. */
    public static final String BAND_METHOD = "log-log";

    /** Survival values this close to a quantile's target count as equal to it (as in R's survival). */
    private static final double QUANTILE_TOLERANCE = 1e-8;

    private final String group;
    private final ChronoUnit unit;
    private final int subjects;
    private final int events;
    private final double level;
    private final double z;
    private final double[] times;
    private final int[] atRisk;
    private final int[] eventCounts;
    private final int[] censoredCounts;
    private final double[] survival;
    private final double[] greenwoodSums;
    /** The steps before the first where S is 0: the band and standard error are defined on them only. */
    private final int definedSteps;

    SurvivalCurve(String group, ChronoUnit unit, int subjects, double level, double z, double[] times, int[] atRisk,
            int[] eventCounts, int[] censoredCounts, double[] survival, double[] greenwoodSums) {
        this.group = group;
        this.unit = unit;
        this.subjects = subjects;
        this.level = level;
        this.z = z;
        this.times = times;
        this.atRisk = atRisk;
        this.eventCounts = eventCounts;
        this.censoredCounts = censoredCounts;
        this.survival = survival;
        this.greenwoodSums = greenwoodSums;
        int defined = 0;
        while (defined < survival.length && survival[defined] > 0) {
            defined++;
        }
        this.definedSteps = defined;
        int total = 0;
        for (int d : eventCounts) {
            total += d;
        }
        this.events = total;
    }

    /**
     * Returns the group the curve describes.
     *
     * @return the group's name, {@value SurvivalData#DEFAULT_GROUP} for ungrouped data
     */
    public String group() {
        return group;
    }

    /**
     * Returns the unit of every time of the curve: the unit of the durations it was estimated from.
     *
     * @return the unit, such as {@link ChronoUnit#DAYS}
     */
    public ChronoUnit unit() {
        return unit;
    }

    /**
     * Returns how many subjects the curve was estimated from.
     *
     * @return the number of subjects in the group, churned or censored
     */
    public int subjects() {
        return subjects;
    }

    /**
     * Returns how many of them churned (the rest were censored).
     *
     * @return the number of churns, from 0 to {@link #subjects()}
     */
    public int events() {
        return events;
    }

    /**
     * Returns the confidence level of the band.
     *
     * @return the level, strictly between 0 and 1 (0.95 for a 95% band)
     */
    public double level() {
        return level;
    }

    /**
     * Returns the steps in time order: one per distinct time at which subjects churned or were censored.
     *
     * @return a read-only view of the steps
     */
    public List<SurvivalStep> timeline() {
        return new Timeline();
    }

    /**
     * Returns the estimate of S(time) (the curve is a right-continuous step function, 1 before the first
     * churn) with its standard error and confidence interval, both empty where S(time) is 0.
     *
     * @param time the duration asked about, in {@link #unit()}
     * @return the estimate of the probability of lasting beyond {@code time}
     * @throws IllegalArgumentException if {@code time} is NaN
     */
    public SurvivalEstimate at(double time) {
        if (Double.isNaN(time)) {
            throw new IllegalArgumentException("time: NaN is not a time");
        }
        int k = lastStepAtOrBefore(time);
        if (k < 0) {
            return new SurvivalEstimate(time, 1, OptionalDouble.of(0),
                    Optional.of(new ConfidenceInterval(1, 1, level, BAND_METHOD)));
        }
        if (k >= definedSteps) {
            return new SurvivalEstimate(time, survival[k], OptionalDouble.empty(), Optional.empty());
        }
        return new SurvivalEstimate(time, survival[k], OptionalDouble.of(standardError(k)),
                Optional.of(new ConfidenceInterval(lower(k), upper(k), level, BAND_METHOD)));
    }

    /**
     * Returns the median time to churn with its confidence limits: {@code quantile(0.5)}.
     *
     * @return the median, in {@link #unit()}; empty where the curve never falls to 0.5 within follow-up
     */
    public SurvivalQuantile median() {
        return quantile(0.5);
    }

    /**
     * Returns the time by which a share {@code probability} of the subjects has churned: the first time
     * the curve falls to {@code 1 - probability} or below. Where the curve sits exactly at that value over
     * an interval, the quantile is the midpoint of the interval, as in R's survival package. The limits
     * apply the same rule to the band: the lower limit to the lower band, the upper limit to the upper band,
     * over the steps where the band is defined (not where S is 0), as R does.
     *
     * @param probability the share of subjects churned by the quantile, strictly between 0 and 1 (0.25 for the
     *     first quartile)
     * @return the quantile and its limits, in {@link #unit()}; each empty where its curve never falls that far
     * @throws IllegalArgumentException if {@code probability} is outside (0, 1)
     */
    public SurvivalQuantile quantile(double probability) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability: " + probability + " is outside (0, 1)");
        }
        double target = 1 - probability;
        // S never increases, so its crossing is found by bisection. The band need not be monotone, but
        // lower <= S <= upper: the lower band crosses at or before S does, the upper band at or after.
        int estimateCrossing = firstStepAtOrBelow(target + QUANTILE_TOLERANCE);
        return new SurvivalQuantile(probability, quantileAt(estimateCrossing, target, Curve.ESTIMATE),
                quantileAt(firstCrossing(target, Curve.LOWER, 0, estimateCrossing + 1), target, Curve.LOWER),
                quantileAt(firstCrossing(target, Curve.UPPER, estimateCrossing, times.length), target, Curve.UPPER),
                level);
    }

    private enum Curve { ESTIMATE, LOWER, UPPER }

    private double value(int k, Curve curve) {
        return switch (curve) {
            case ESTIMATE -> survival[k];
            case LOWER -> lower(k);
            case UPPER -> upper(k);
        };
    }

    /** Returns the first step whose survival is at or below {@code value}, or the number of steps. */
    private int firstStepAtOrBelow(double value) {
        int low = 0;
        int high = times.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (survival[mid] <= value) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /**
     * Returns the first step in [from, to) where the band {@code curve} is defined and at or below the target,
     * or the number of steps.
     */
    private int firstCrossing(double target, Curve curve, int from, int to) {
        for (int k = from; k < Math.min(to, definedSteps); k++) {
            if (value(k, curve) <= target + QUANTILE_TOLERANCE) {
                return k;
            }
        }
        return times.length;
    }

    /**
     * Returns the quantile read at the crossing step {@code k}: its time, or, where the curve sits exactly
     * at the target, the midpoint between it and the first later time the curve falls below the target
     * (for a band, the first such time where the band is defined).
     */
    private OptionalDouble quantileAt(int k, double target, Curve curve) {
        if (k >= times.length) {
            return OptionalDouble.empty();
        }
        if (Math.abs(value(k, curve) - target) < QUANTILE_TOLERANCE) {
            int end = curve == Curve.ESTIMATE ? times.length : definedSteps;
            int later = curve == Curve.ESTIMATE ? firstStepAtOrBelow(target - QUANTILE_TOLERANCE - Math.ulp(target))
                    : k + 1;
            while (later < end && !(value(later, curve) < target - QUANTILE_TOLERANCE)) {
                later++;
            }
            if (later < end) {
                return OptionalDouble.of((times[k] + times[later]) / 2);
            }
        }
        return OptionalDouble.of(times[k]);
    }

    private int lastStepAtOrBefore(double time) {
        int k = Arrays.binarySearch(times, time);
        return k >= 0 ? k : -k - 2;
    }

    /** Returns Greenwood's standard error at step {@code k}, one where S is above 0. */
    private double standardError(int k) {
        return survival[k] * Math.sqrt(greenwoodSums[k]);
    }

    /**
     * The band at step {@code k}, one where S is above 0, is S^exp(+z sigma / log S) .. S^exp(-z sigma / log S),
     * sigma^2 the Greenwood sum; [1, 1] where S is 1.
     */
    private double lower(int k) {
        double s = survival[k];
        if (s == 1) {
            return s;
        }
        return Math.min(s, Math.pow(s, Math.exp(-z * Math.sqrt(greenwoodSums[k]) / Math.log(s))));
    }

    private double upper(int k) {
        double s = survival[k];
        if (s == 1) {
            return s;
        }
        return Math.max(s, Math.pow(s, Math.exp(z * Math.sqrt(greenwoodSums[k]) / Math.log(s))));
    }

    @Override
    public String toString() {
        return "SurvivalCurve[group=" + group + ", unit=" + unit + ", subjects=" + subjects + ", events=" + events + ", steps="
                + times.length + "]";
    }

    /** The read-only view of the steps. */
    private final class Timeline extends AbstractList<SurvivalStep> implements RandomAccess {
        @Override
        public SurvivalStep get(int k) {
            if (k >= definedSteps) {
                return new SurvivalStep(times[k], atRisk[k], eventCounts[k], censoredCounts[k], survival[k],
                        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
            }
            return new SurvivalStep(times[k], atRisk[k], eventCounts[k], censoredCounts[k], survival[k],
                    OptionalDouble.of(standardError(k)), OptionalDouble.of(lower(k)), OptionalDouble.of(upper(k)));
        }

        @Override
        public int size() {
            return times.length;
        }
    }
}
