package dev.cxm.metrics.churn;

/** Which customers make up the cohort of a period. */
public enum CohortBasis {
    /** Customers whose first activity falls in the period; each customer is in one cohort. */
    FIRST_TIME,
    /** Customers active in the period, whether for the first time or not; a customer joins the cohort of every period they are active in. */
    RECURRING
}
