package dev.cxm.metrics.churn;

import java.util.ArrayList;
import java.util.List;

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
 * ModelFit<ShiftedBetaGeometricModel> fit = ShiftedBetaGeometric.ofDefaults().fit(1000, 869, 743, 653, 593, 551, 517, 491);
 * ShiftedBetaGeometricModel model = fit.requireModel();   // alpha 0.668, beta 3.806
 * double projected = model.survival(12);                   // share of the cohort left after 12 periods
 * double derl = model.discountedExpectedResidualLifetime(4, 0.10);
 * }</pre>
 *
 * <p>{@link ShiftedBetaGeometric} fits it to a cohort's survivor counts.
 *
 * @param alpha the Beta distribution's first shape parameter; positive
 * @param beta the Beta distribution's second shape parameter; positive
 */
public record ShiftedBetaGeometricModel(double alpha, double beta) {

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

    /**
     * Validates the parameters.
     *
     * @param alpha the Beta distribution's first shape parameter; positive
     * @param beta the Beta distribution's second shape parameter; positive
     * @throws IllegalArgumentException naming a parameter that is not a positive finite number
     */
    public ShiftedBetaGeometricModel {
        requirePositive("alpha", alpha);
        requirePositive("beta", beta);
    }

    /**
     * Returns the model with the given parameters.
     *
     * @param alpha the Beta distribution's first shape parameter; positive
     * @param beta the Beta distribution's second shape parameter; positive
     * @return the model
     * @throws IllegalArgumentException naming a parameter that is not a positive finite number
     */
    public static ShiftedBetaGeometricModel of(double alpha, double beta) {
        return new ShiftedBetaGeometricModel(alpha, beta);
    }

    /**
     * Returns the log-likelihood of survivor counts under the model.
     *
     * @param survivors the cohort size, then the customers left after each period; non-increasing
     * @return the log-likelihood, 0 or less
     * @throws IllegalArgumentException when the counts are not survivor counts
     */
    public double logLikelihood(List<Long> survivors) {
        return logLikelihood(alpha, beta, requireSurvivors(survivors));
    }

    /**
     * Returns P(T = t): the probability that a new customer churns in period {@code t}.
     *
     * @param t the period, 1 or more
     * @return the probability
     * @throws IllegalArgumentException when {@code t} is below 1
     */
    public double churnProbability(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("t: " + t + " is below 1; customers churn in period 1 or later");
        }
        return Math.exp(Beta.logBeta(alpha + 1, beta + t - 1) - Beta.logBeta(alpha, beta));
    }

    /**
     * Returns S(t): the probability that a new customer is still a customer after {@code t} periods.
     *
     * @param t the periods, 0 or more
     * @return the probability
     * @throws IllegalArgumentException when {@code t} is negative
     */
    public double survival(int t) {
        if (t < 0) {
            throw new IllegalArgumentException("t: " + t + " is negative");
        }
        return Math.exp(Beta.logBeta(alpha, beta + t) - Beta.logBeta(alpha, beta));
    }

    /**
     * Returns r(t) = S(t) / S(t - 1): the share of period {@code t - 1}'s customers who renew in period {@code t}.
     *
     * @param t the period, 1 or more
     * @return the retention rate
     * @throws IllegalArgumentException when {@code t} is below 1
     */
    public double retentionRate(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("t: " + t + " is below 1");
        }
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /**
     * Returns the expected survivors of a cohort of {@code cohortSize} after 0, 1, ..., {@code periods}
     * periods: the projection of the cohort.
     *
     * @param cohortSize the customers at the start, 0 or more
     * @param periods the last period projected, 0 or more
     * @return {@code periods + 1} expected counts
     * @throws IllegalArgumentException when either argument is negative
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
     * the sum. As d falls to 0, DERL grows without bound when alpha &lt;= 1 (the expected lifetime is infinite).
     *
     * @param renewals renewals made so far, 0 or more
     * @param discountRate the discount rate per period, positive and finite (0.10 for 10%)
     * @return the DERL, in periods
     * @throws IllegalArgumentException when {@code renewals} is negative or the rate is not positive and finite
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

    /** Returns the log-likelihood of survivor counts {@code n} at (alpha, beta). */
    static double logLikelihood(double alpha, double beta, long[] n) {
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
