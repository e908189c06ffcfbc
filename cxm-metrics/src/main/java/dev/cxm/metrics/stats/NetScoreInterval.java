package dev.cxm.metrics.stats;

/**
 * The confidence interval of a net score {@code p+ - p-}, the difference of two category shares of one
 * trinomial sample (promoters and detractors of an NPS survey, say), on the scale -1..1.
 *
 * <p>Both methods use the variance of a difference of two multinomial shares,
 * {@code (p+ + p- - (p+ - p-)²) / n}. {@link NetScoreMethod#ADJUSTED_WALD} first adds 3/4 to each count
 * and 3 to n (Rocks 2016, "Interval Estimation for the 'Net Promoter Score'", The American Statistician
 * 70(4)), and centres the interval on the adjusted net score; {@link NetScoreMethod#WALD} uses the observed
 * shares. Intervals are clipped to [-1, 1] and always contain the observed net score {@code (plus - minus) / n}:
 * the adjusted interval is centred on a score shrunk towards 0, which for (nearly) unanimous samples
 * would leave the observed score outside (one promoter at 95% gives [-0.485, 0.985]); there the nearer
 * bound is moved out to the observed score, which only adds coverage, and the interval's method says so:
 * {@value #WIDENED} instead of {@code adjusted-wald}. With whole counts at 95% that happens only for a
 * single response; at lower levels more often (792 of the count combinations with n up to 200 at 80%).
 *
 * <p>Counts are {@code double} so that weighted data can pass effective counts; with unweighted data they
 * are whole numbers.
 */
public final class NetScoreInterval {

    /** The method name of an adjusted Wald interval widened to contain the observed net score. */
    public static final String WIDENED = "adjusted-wald-widened";

    /** What the adjusted Wald method adds to each of the two counts. */
    static final double COUNT_ADJUSTMENT = 0.75;
    /** What the adjusted Wald method adds to n. */
    static final double SIZE_ADJUSTMENT = 3;

    private NetScoreInterval() {}

    /**
     * Returns the interval of {@code (plus - minus) / n} by {@code method}; its method is
     * {@code method.methodName()}, or {@value #WIDENED} when an adjusted interval had to be widened to
     * contain the observed net score.
     *
     * @param method the interval method
     * @param plus the count of the category that adds (promoters)
     * @param minus the count of the category that subtracts (detractors)
     * @param n the sample size; positive, at least {@code plus + minus}
     * @param level the confidence level, strictly between 0 and 1
     * @return the interval of the net share, within [-1, 1] and containing the observed net share
     * @throws IllegalArgumentException naming the value when the counts are inconsistent or the level is
     *     outside (0, 1)
     */
    public static ConfidenceInterval of(NetScoreMethod method, double plus, double minus, double n, double level) {
        requireTrinomial(plus, minus, n);
        double z = CriticalValues.z(level);
        Moments moments = moments(method, plus, minus, n);
        double half = z * Math.sqrt(moments.variance() / moments.size());
        double observed = Math.max(-1, Math.min(1, (plus - minus) / n));
        double lower = Math.max(-1, moments.net() - half);
        double upper = Math.min(1, moments.net() + half);
        boolean widened = observed < lower || observed > upper;
        return new ConfidenceInterval(Math.min(observed, lower), Math.max(observed, upper), level,
                widened ? WIDENED : method.methodName());
    }

    /** The net score, per-response variance and size a method works with. */
    record Moments(double net, double variance, double size) {}

    static Moments moments(NetScoreMethod method, double plus, double minus, double n) {
        double adjustCounts = method == NetScoreMethod.ADJUSTED_WALD ? COUNT_ADJUSTMENT : 0;
        double size = n + (method == NetScoreMethod.ADJUSTED_WALD ? SIZE_ADJUSTMENT : 0);
        double pPlus = (plus + adjustCounts) / size;
        double pMinus = (minus + adjustCounts) / size;
        double net = pPlus - pMinus;
        // Never negative in exact arithmetic; the max guards rounding at p+ + p- = |net|.
        double variance = Math.max(0, pPlus + pMinus - net * net);
        return new Moments(net, variance, size);
    }

    static void requireTrinomial(double plus, double minus, double n) {
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("n: " + n + " is not a positive finite number");
        }
        if (!(plus >= 0) || !(minus >= 0) || plus + minus > n * (1 + 1e-12)) {
            throw new IllegalArgumentException("counts: plus " + plus + " and minus " + minus
                    + " must be 0 or more and add up to at most n " + n);
        }
    }
}
