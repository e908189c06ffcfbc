package dev.cxm.metrics.churn.internal;

/** The periods one customer was active in, walked in ascending order. */
public interface ActivePeriods {

    /** Returns the value {@link #next} returns when there is no further period. */
    int NONE = Integer.MIN_VALUE;

    /** Returns the first period. */
    int first();

    /** Returns the first period after {@code period}, or {@link #NONE}. */
    int next(int period);

    /** Returns the last period. */
    int last();
}
