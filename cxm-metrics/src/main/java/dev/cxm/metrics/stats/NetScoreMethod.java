package dev.cxm.metrics.stats;

/**
 * How an interval for a net score (the share of one category minus the share of another, such as
 * promoters minus detractors) is computed.
 */
public enum NetScoreMethod {
    /**
     * The adjusted Wald interval of Rocks (2016): add 3 to n and 3/4 to each of the two counts, then the
     * Wald interval of the adjusted shares. Good coverage from small samples on; the default. It deviates
     * from Rocks in one respect: when the observed score lies outside the adjusted interval (a single
     * response at 95%; more samples at lower levels), the nearer bound is widened to it, and the interval's
     * method reads {@value NetScoreInterval#WIDENED}.
     */
    ADJUSTED_WALD("adjusted-wald"),
    /** The plain Wald interval of the observed shares; under-covers for small samples and extreme mixes. */
    WALD("wald");

    private final String methodName;

    NetScoreMethod(String methodName) {
        this.methodName = methodName;
    }

    /**
     * Returns the name that {@link ConfidenceInterval#method()} carries, such as {@code "adjusted-wald"}.
     *
     * @return the method's name
     */
    public String methodName() {
        return methodName;
    }
}
