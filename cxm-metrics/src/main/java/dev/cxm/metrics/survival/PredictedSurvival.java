package dev.cxm.metrics.survival;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The survival curve a Cox model predicts for one covariate vector: S(t | x) = exp(-H0(t) exp((x - mean)'
 * beta)), a step function that changes at the churn times of the data it was fitted on.
 */
public final class PredictedSurvival {

    private final double[] times;
    private final double[] survival;

    PredictedSurvival(double[] times, double[] survival) {
        this.times = times;
        this.survival = survival;
    }

    /**
     * Returns S(time | x): 1 before the first churn time, the value of the last step at or before it after.
     *
     * @param time the time since the start of follow-up, in the unit of the data the model was fitted on
     * @return the predicted probability of not having churned by {@code time}, in [0, 1]
     * @throws IllegalArgumentException if {@code time} is NaN
     */
    public double at(double time) {
        if (Double.isNaN(time)) {
            throw new IllegalArgumentException("time: NaN is not a time");
        }
        int k = Arrays.binarySearch(times, time);
        k = k >= 0 ? k : -k - 2;
        return k < 0 ? 1 : survival[k];
    }

    /**
     * Returns the steps, one per churn time, in time order.
     *
     * @return a read-only view of the steps
     */
    public List<SurvivalPoint> points() {
        return new Points();
    }

    /** The read-only view of the steps. */
    private final class Points extends AbstractList<SurvivalPoint> implements RandomAccess {
        @Override
        public SurvivalPoint get(int k) {
            return new SurvivalPoint(times[k], survival[k]);
        }

        @Override
        public int size() {
            return times.length;
        }
    }
}
