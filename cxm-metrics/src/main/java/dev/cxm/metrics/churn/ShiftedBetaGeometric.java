package dev.cxm.metrics.churn;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.hipparchus.special.Beta;

/**
 * The shifted-beta-geometric (sBG) model of contractual retention (Fader and Hardie 2007, "How to project
 * customer retention", Journal of Interactive Marketing 21(1)): each customer renews every period with
 * their own probability 1 - theta and churns at the first failure; theta varies across customers as
 * Beta(alpha, beta). Retention rates therefore rise over time as the churn-prone leave.
 *
 * <ul>
 *   <li>P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta), t = 1, 2, ...: churn in period t</li>
 *   <li>S(t) = B(alpha, beta + t) / B(alpha, beta): still a customer after t periods</li>
 *   <li>r(t) = S(t) / S(t - 1) = (beta + t - 1) / (alpha + beta + t - 1): retention rate of period t</li>
 * </ul>
 *
 * <pre>{@code
 * ShiftedBetaGeometricFit fit = ShiftedBetaGeometric.fit(1000, 869, 743, 653, 593, 551, 517, 491);
 * double projected = fit.model().survival(12);           // share of the cohort left after 12 periods
 * double derl = fit.model().discountedExpectedResidualLifetime(4, 0.10);
 * }</pre>
 *
 * @param alpha the Beta distribution's first shape parameter; positive
 * @param beta the Beta distribution's second shape parameter; positive
 */
public record ShiftedBetaGeometric(double alpha, double beta) {

    /** Gauss-Legendre nodes and weights on [-1, 1], for the DERL integral. */
    private static final double[] NODES;
    private static final double[] WEIGHTS;
    /** Stop integrating once the rest is below this share of the sum (a bound, by log-concavity). */
    private static final double TAIL_SHARE = 1e-17;
    /** The widest piece of the DERL integral, in log-duration units; the integrand's singularities lie pi away. */
    private static final double MAX_PIECE = 2;
    private static final int MAX_PIECES = 10_000_000;

    static {
        org.hipparchus.analysis.integration.gauss.GaussIntegrator rule =
                new org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory().legendre(20);
        NODES = new double[rule.getNumberOfPoints()];
        WEIGHTS = new double[rule.getNumberOfPoints()];
        for (int i = 0; i < NODES.length; i++) {
            NODES[i] = rule.getPoint(i);
            WEIGHTS[i] = rule.getWeight(i);
        }
    }

    /** Validates the parameters. */
    public ShiftedBetaGeometric {
        requirePositive("alpha", alpha);
        requirePositive("beta", beta);
    }

    /** Returns the model with the given parameters. */
    public static ShiftedBetaGeometric of(double alpha, double beta) {
        return new ShiftedBetaGeometric(alpha, beta);
    }

    /**
     * Fits the model to one cohort's survivor counts by maximum likelihood: {@code survivors[0]} customers
     * at the start, {@code survivors[t]} of them still customers after t periods. Customers still there at
     * the end are right-censored.
     *
     * <p>The fit refuses counts that cannot identify both parameters, rather than return an arbitrary pair:
     * one period (any alpha and beta with the same alpha / (alpha + beta) fit it equally), and counts that
     * show no heterogeneity, where a constant churn probability (the geometric model, the sBG's limit as
     * alpha + beta grows without bound) fits at least as well as any sBG model: the likelihood then has no
     * maximum, and the optimiser would return some large alpha and beta of no meaning; and counts where every
     * churn happened in period 1 (the likelihood rises as alpha + beta falls to 0).
     *
     * @throws IllegalArgumentException when there are fewer than three counts (two periods), the first is not
     *     positive, the counts are negative or increase, nobody churned, or the counts show no heterogeneity
     */
    public static ShiftedBetaGeometricFit fit(long... survivors) {
        List<Long> counts = new ArrayList<>(survivors.length);
        for (long count : survivors) {
            counts.add(count);
        }
        return fit(counts);
    }

    /** Fits the model to one cohort's survivor counts; see {@link #fit(long...)}. */
    public static ShiftedBetaGeometricFit fit(List<Long> survivors) {
        long[] n = requireSurvivors(survivors);
        if (n.length < 3) {
            throw new IllegalArgumentException("survivors: " + n.length + " counts cover one period; the fit needs the"
                    + " cohort size and at least two later counts, since one period's churn fixes only"
                    + " alpha / (alpha + beta), not alpha and beta");
        }
        if (n[0] == n[n.length - 1]) {
            throw new IllegalArgumentException("survivors: nobody churned in " + (n.length - 1)
                    + " periods; the model needs at least one churn to estimate");
        }
        if (n[1] == n[n.length - 1]) {
            throw new IllegalArgumentException("survivors: every churn happened in period 1 and none after; the sBG"
                    + " fit runs off to alpha + beta = 0 (a share " + (n[0] - n[1]) + " / " + n[0] + " leaves at once, the"
                    + " rest never), so alpha and beta cannot be estimated");
        }
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-13, 1e-13);
        double[] start = {0, 0};
        PointValuePair best = null;
        // Two restarts from the last optimum make Nelder-Mead settle on the maximum, not just near it.
        for (int round = 0; round < 3; round++) {
            best = optimizer.optimize(new MaxEval(20_000), GoalType.MAXIMIZE, new InitialGuess(start),
                    new NelderMeadSimplex(new double[] {0.2, 0.2}),
                    new ObjectiveFunction(point -> logLikelihood(Math.exp(point[0]), Math.exp(point[1]), n)));
            start = best.getPoint();
        }
        double[] point = best.getPoint();
        ShiftedBetaGeometric model = new ShiftedBetaGeometric(Math.exp(point[0]), Math.exp(point[1]));
        double logLikelihood = logLikelihood(model.alpha, model.beta, n);
        requireHeterogeneity(n, logLikelihood);
        return new ShiftedBetaGeometricFit(model, logLikelihood, survivors);
    }

    /**
     * Refuses counts that a constant churn probability fits at least as well as the sBG fit: the sBG likelihood
     * then rises towards that geometric model as alpha + beta grows, and has no maximum. The margin covers the
     * rounding of the log-Beta function at large arguments (about 1e-6 on a thousand customers).
     */
    private static void requireHeterogeneity(long[] n, double sbgLogLikelihood) {
        long churned = n[0] - n[n.length - 1];
        long exposure = 0;
        for (int t = 0; t < n.length - 1; t++) {
            exposure += n[t];
        }
        double theta = (double) churned / exposure;
        double geometric = churned * Math.log(theta) + (exposure > churned ? (exposure - churned) * Math.log1p(-theta) : 0);
        if (sbgLogLikelihood - geometric <= Math.max(1e-4, 1e-9 * Math.abs(geometric))) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "survivors: the counts show no"
                    + " heterogeneity: a constant churn probability of %.4f per period fits them as well as any sBG"
                    + " model (log-likelihood %.4f against %.4f), so the fit runs off to alpha + beta = infinity and"
                    + " alpha and beta cannot be estimated; use the constant probability (a geometric model)",
                    theta, geometric, sbgLogLikelihood));
        }
    }

    /** Returns the log-likelihood of survivor counts under the model. */
    public double logLikelihood(List<Long> survivors) {
        return logLikelihood(alpha, beta, requireSurvivors(survivors));
    }

    /** Returns P(T = t): the probability that a new customer churns in period {@code t}, 1 or more. */
    public double churnProbability(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("t: " + t + " is below 1; customers churn in period 1 or later");
        }
        return Math.exp(Beta.logBeta(alpha + 1, beta + t - 1) - Beta.logBeta(alpha, beta));
    }

    /** Returns S(t): the probability that a new customer is still a customer after {@code t} periods, 0 or more. */
    public double survival(int t) {
        if (t < 0) {
            throw new IllegalArgumentException("t: " + t + " is negative");
        }
        return Math.exp(Beta.logBeta(alpha, beta + t) - Beta.logBeta(alpha, beta));
    }

    /** Returns r(t) = S(t) / S(t - 1): the share of period {@code t - 1}'s customers who renew in period {@code t}. */
    public double retentionRate(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("t: " + t + " is below 1");
        }
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /**
     * Returns the expected survivors of a cohort of {@code cohortSize} after 0, 1, ..., {@code periods}
     * periods: the projection of the cohort.
     */
    public List<Double> projectSurvivors(long cohortSize, int periods) {
        if (cohortSize < 0 || periods < 0) {
            throw new IllegalArgumentException("cohortSize: " + cohortSize + ", periods: " + periods
                    + "; both must be zero or more");
        }
        List<Double> projection = new ArrayList<>(periods + 1);
        for (int t = 0; t <= periods; t++) {
            projection.add(cohortSize * survival(t));
        }
        return List.copyOf(projection);
    }

    /**
     * Returns the discounted expected residual lifetime (Fader and Hardie 2010, "Customer-base valuation in a
     * contractual setting", Marketing Science 29(1)) of a customer who has made {@code renewals} renewals and
     * is about to decide on the next: the expected number of further periods they stay, each discounted by
     * {@code discountRate} per period,
     * DERL = sum over t >= n of S(t) / S(n - 1) / (1 + d)^(t - n), with n = renewals + 1, which equals
     * (beta + n - 1) / (alpha + beta + n - 1) 2F1(1, beta + n; alpha + beta + n; 1 / (1 + d)).
     * Multiply by the margin per period for the customer's residual value.
     *
     * <p>The hypergeometric series converges like (1 + d)^-k, too slowly to sum for small rates (ten million
     * terms fall 16% short at d = 1e-7), so it is evaluated through Euler's integral instead, which holds for
     * every d > 0: with x = -ln s, DERL = (beta + n - 1) times the integral over x >= 0 of
     * exp(-(alpha - 1) x) (1 + delta (e^x - 1))^-(beta + n), delta = d / (1 + d). The integrand is smooth and
     * log-concave; it is integrated by 20-point Gauss-Legendre on pieces at most 2 wide and short enough that
     * it changes by at most e^2 within one, until the rest, bounded through log-concavity, is below 1e-17 of
     * the sum. As d falls to 0, DERL grows without bound when alpha <= 1 (the expected lifetime is infinite).
     *
     * @param renewals renewals made so far, 0 or more
     * @param discountRate the discount rate per period, positive and finite (0.10 for 10%)
     * @throws ArithmeticException when the result is too large for a double (an extremely small rate)
     */
    public double discountedExpectedResidualLifetime(int renewals, double discountRate) {
        if (renewals < 0) {
            throw new IllegalArgumentException("renewals: " + renewals + " is negative");
        }
        requirePositive("discountRate", discountRate);
        double n = renewals + 1.0;
        double b = beta + n;
        double delta = discountRate / (1 + discountRate);
        double sum = 0;
        double x = 0;
        for (int piece = 0; piece < MAX_PIECES; piece++) {
            double slope = logIntegrandSlope(x, b, delta);
            double width = Math.min(MAX_PIECE, 2 / Math.abs(slope));
            double half = width / 2;
            double pieceSum = 0;
            for (int i = 0; i < NODES.length; i++) {
                pieceSum += WEIGHTS[i] * Math.exp(logIntegrand(x + half * (1 + NODES[i]), b, delta));
            }
            sum += half * pieceSum;
            x += width;
            // log f is concave, so beyond x, f(y) <= f(x) exp(slope(x) (y - x)) and the rest is at most f(x) / |slope|.
            double nextSlope = logIntegrandSlope(x, b, delta);
            if (nextSlope < 0 && Math.exp(logIntegrand(x, b, delta)) / -nextSlope <= TAIL_SHARE * sum) {
                double derl = (beta + n - 1) * sum;
                if (!Double.isFinite(derl)) {
                    throw new ArithmeticException("discountRate: " + discountRate + " is so small that the DERL of"
                            + " this model (alpha " + alpha + " <= 1 makes it grow without bound) exceeds a double");
                }
                return derl;
            }
        }
        throw new IllegalStateException("DERL integral: no convergence in " + MAX_PIECES + " pieces for alpha " + alpha
                + ", beta " + beta + ", renewals " + renewals + ", discountRate " + discountRate);
    }

    /** Returns ln f(x) = -(alpha - 1) x - b ln(1 + delta (e^x - 1)), the log of the DERL integrand. */
    private double logIntegrand(double x, double b, double delta) {
        double u = x + Math.log(delta); // ln(delta e^x); past 0, factor it out so that e^x cannot overflow
        double log = u > 0 ? u + Math.log1p((1 - delta) * Math.exp(-u)) : Math.log1p(delta * Math.expm1(x));
        return -(alpha - 1) * x - b * log;
    }

    /** Returns the derivative of {@link #logIntegrand} at x; it decreases in x (the integrand is log-concave). */
    private double logIntegrandSlope(double x, double b, double delta) {
        return -(alpha - 1) - b / (1 + (1 - delta) * Math.exp(-(x + Math.log(delta))));
    }

    private static double logLikelihood(double alpha, double beta, long[] n) {
        double logBetaAB = Beta.logBeta(alpha, beta);
        double ll = 0;
        int periods = n.length - 1;
        for (int t = 1; t <= periods; t++) {
            long churned = n[t - 1] - n[t];
            if (churned > 0) {
                ll += churned * (Beta.logBeta(alpha + 1, beta + t - 1) - logBetaAB);
            }
        }
        if (n[periods] > 0) {
            ll += n[periods] * (Beta.logBeta(alpha, beta + periods) - logBetaAB);
        }
        return ll;
    }

    /** Returns the counts as an array when they are survivor counts: a positive cohort size, then non-increasing. */
    static long[] requireSurvivors(List<Long> survivors) {
        if (survivors.size() < 2) {
            throw new IllegalArgumentException("survivors: " + survivors.size() + " counts; the model needs the cohort"
                    + " size and at least one later count");
        }
        long[] n = new long[survivors.size()];
        for (int t = 0; t < n.length; t++) {
            n[t] = survivors.get(t);
            if (t == 0 && n[0] <= 0) {
                throw new IllegalArgumentException("survivors: the cohort size " + n[0] + " is not positive");
            }
            if (n[t] < 0 || (t > 0 && n[t] > n[t - 1])) {
                throw new IllegalArgumentException("survivors: " + n[t] + " after " + t + " periods breaks"
                        + " 0 <= count <= the count before (" + (t > 0 ? n[t - 1] : n[0]) + ")");
            }
        }
        return n;
    }

    private static void requirePositive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": " + value + " is not a positive finite number");
        }
    }
}
