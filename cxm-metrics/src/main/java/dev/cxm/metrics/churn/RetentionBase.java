package dev.cxm.metrics.churn;

/** What a cohort's retention in a later period is a share of. */
public enum RetentionBase {
    /** The cohort's size: the share of the cohort active k periods later. */
    INITIAL_COHORT,
    /** The cohort's members active in the period before: period-over-period retention. */
    PREVIOUS_PERIOD
}
