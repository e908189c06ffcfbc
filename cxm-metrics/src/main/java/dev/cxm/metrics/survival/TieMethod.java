package dev.cxm.metrics.survival;

/** How a Cox fit treats subjects that churn at the same time. */
public enum TieMethod {
    /** Efron's approximation (1977): R's default and the more accurate; cxm's default too. */
    EFRON,
    /** Breslow's approximation (1974): every tied churn sees the whole risk set. */
    BRESLOW
}
