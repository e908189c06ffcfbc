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

    private static final int MAX_SERIES_TERMS = 10_000_000;

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
     * @throws IllegalArgumentException when there are fewer than two counts, the first is not positive, or the
     *     counts are negative or increase
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
        if (n[0] == n[n.length - 1]) {
            throw new IllegalArgumentException("survivors: nobody churned in " + (n.length - 1)
                    + " periods; the model needs at least one churn to estimate");
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
        return new ShiftedBetaGeometricFit(model, logLikelihood(model.alpha, model.beta, n), survivors);
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
     * @param renewals renewals made so far, 0 or more
     * @param discountRate the discount rate per period, positive (0.10 for 10%)
     */
    public double discountedExpectedResidualLifetime(int renewals, double discountRate) {
        if (renewals < 0) {
            throw new IllegalArgumentException("renewals: " + renewals + " is negative");
        }
        requirePositive("discountRate", discountRate);
        double n = renewals + 1.0;
        double b = beta + n;
        double c = alpha + beta + n;
        double z = 1 / (1 + discountRate);
        // 2F1(1, b; c; z) = sum_k (b)_k / (c)_k z^k; the terms shrink at least like z^k since b < c.
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MAX_SERIES_TERMS && term > 1e-17 * sum; k++) {
            term *= (b + k) / (c + k) * z;
            sum += term;
        }
        return (beta + n - 1) / (alpha + beta + n - 1) * sum;
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

    private static long[] requireSurvivors(List<Long> survivors) {
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
