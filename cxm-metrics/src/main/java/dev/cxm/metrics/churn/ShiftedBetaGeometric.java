package dev.cxm.metrics.churn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.hipparchus.special.Gamma;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.stats.ModelFit;

/**
 * Fits the shifted-beta-geometric model of contractual retention ({@link ShiftedBetaGeometricModel}, Fader
 * and Hardie 2007) to one cohort's survivor counts by maximum likelihood.
 *
 * <pre>{@code
 * ModelFit<ShiftedBetaGeometricModel> fit = ShiftedBetaGeometric.ofDefaults().fit(1000, 869, 743, 653, 593, 551, 517, 491);
 * ShiftedBetaGeometricModel model = fit.requireModel();                 // alpha 0.668, beta 3.806
 * List<Double> projection = model.projectSurvivors(1000, 12);
 * }</pre>
 *
 * <p>The log-likelihood of survivor counts n0, n1, ..., nT is the sum over t of (n(t-1) - n(t)) ln P(T = t)
 * plus nT ln S(T) (customers left at the end are right-censored), maximised over (ln alpha, ln beta) with
 * Hipparchus' Nelder-Mead simplex, restarted twice from its own optimum so that it settles on the maximum.
 * Standard errors come from the analytic observed information in (alpha, beta) (trigamma functions).
 *
 * <p>Counts that cannot identify both parameters give a fit that did not converge, with no model and a
 * problem saying why, rather than an arbitrary pair: one period (any alpha and beta with the same
 * alpha / (alpha + beta) fit it equally), nobody churned, every churn in period 1 (the likelihood rises as
 * alpha + beta falls to 0), and counts that show no heterogeneity, where a constant churn probability (the
 * geometric model, the sBG's limit as alpha + beta grows without bound) fits at least as well as any sBG
 * model. The {@code logLikelihood} of such a fit is the least upper bound that no (alpha, beta) attains.
 *
 * <p>A fitter is an immutable configuration (the simplex's tolerance and evaluation limit) that compares
 * by value.
 */
public final class ShiftedBetaGeometric {

    /** The name of the fitted model in a {@link ModelFit}. */
    public static final String MODEL_NAME = "sbg";
    /** The diagnostic key of the log-likelihood of the best constant churn probability (the geometric model). */
    public static final String GEOMETRIC_LOG_LIKELIHOOD = "geometricLogLikelihood";

    private static final int ROUNDS = 3;
    private static final int DEFAULT_MAX_EVALUATIONS = 20_000;
    private static final double DEFAULT_TOLERANCE = 1e-13;
    private static final int MIN_EVALUATIONS = 10;
    private static final double MAX_TOLERANCE = 1e-3;

    private static final ShiftedBetaGeometric DEFAULTS = new ShiftedBetaGeometric(DEFAULT_MAX_EVALUATIONS,
            DEFAULT_TOLERANCE);

    private final int maxEvaluations;
    private final double tolerance;

    private ShiftedBetaGeometric(int maxEvaluations, double tolerance) {
        this.maxEvaluations = maxEvaluations;
        this.tolerance = tolerance;
    }

    /**
     * Returns the fitter with 20,000 evaluations per simplex round and tolerance 1e-13.
     *
     * @return the default fitter
     */
    public static ShiftedBetaGeometric ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Starts a configuration from the defaults.
     *
     * @return a builder holding the defaults
     */
    public static Builder custom() {
        return new Builder(DEFAULTS);
    }

    /**
     * Starts a configuration from {@code base}.
     *
     * @param base the fitter whose settings the builder starts with
     * @return a builder holding the settings of {@code base}
     */
    public static Builder from(ShiftedBetaGeometric base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Returns the most log-likelihood evaluations of one simplex round.
     *
     * @return the limit
     */
    public int maxEvaluations() {
        return maxEvaluations;
    }

    /**
     * Returns the relative and absolute change of the log-likelihood at which a simplex round stops.
     *
     * @return the tolerance
     */
    public double tolerance() {
        return tolerance;
    }

    /**
     * Fits the model to one cohort's survivor counts: {@code survivors[0]} customers at the start,
     * {@code survivors[t]} of them still customers after t periods.
     *
     * @param survivors the cohort size, then the customers left after each period
     * @return the fit; not converged, with the reason, when the counts cannot identify alpha and beta
     * @throws IllegalArgumentException when there are fewer than two counts, the first is not positive, or
     *     the counts are negative or increase
     */
    public ModelFit<ShiftedBetaGeometricModel> fit(long... survivors) {
        List<Long> counts = new ArrayList<>(Checks.present("survivors", survivors).length);
        for (long count : survivors) {
            counts.add(count);
        }
        return fit(counts);
    }

    /**
     * Fits the model to one cohort's survivor counts; see {@link #fit(long...)}.
     *
     * @param survivors the cohort size, then the customers left after each period
     * @return the fit; not converged, with the reason, when the counts cannot identify alpha and beta
     * @throws IllegalArgumentException when there are fewer than two counts, the first is not positive, or
     *     the counts are negative or increase
     */
    public ModelFit<ShiftedBetaGeometricModel> fit(List<Long> survivors) {
        long[] n = ShiftedBetaGeometricModel.requireSurvivors(Checks.present("survivors", survivors));
        int last = n.length - 1;
        long churned = n[0] - n[last];
        double geometric = geometricLogLikelihood(n);
        Map<String, Double> diagnostics = Map.of(GEOMETRIC_LOG_LIKELIHOOD, geometric);
        if (n.length < 3) {
            return unidentified("survivors: " + n.length + " counts cover one period; the fit needs the cohort size"
                    + " and at least two later counts, since one period's churn fixes only alpha / (alpha + beta),"
                    + " not alpha and beta", Map.of(), geometric, 0, diagnostics);
        }
        if (churned == 0) {
            return unidentified("survivors: nobody churned in " + last + " periods; the model needs at least one"
                    + " churn to estimate", Map.of(), 0, 0, diagnostics);
        }
        if (n[1] == n[last]) {
            long leaving = n[0] - n[1];
            double twoPoint = leaving * Math.log((double) leaving / n[0])
                    + (n[1] > 0 ? n[1] * Math.log((double) n[1] / n[0]) : 0);
            return unidentified("survivors: every churn happened in period 1 and none after; the sBG fit runs off to"
                    + " alpha + beta = 0 (a share " + leaving + " / " + n[0] + " leaves at once, the rest never), so"
                    + " alpha and beta cannot be estimated", Map.of(), twoPoint, 0, diagnostics);
        }
        SimplexOptimizer optimizer = new SimplexOptimizer(tolerance, tolerance);
        double[] start = {0, 0};
        PointValuePair best = null;
        int iterations = 0;
        // Two restarts from the last optimum make Nelder-Mead settle on the maximum, not just near it.
        for (int round = 0; round < ROUNDS; round++) {
            try {
                best = optimizer.optimize(new MaxEval(maxEvaluations), GoalType.MAXIMIZE, new InitialGuess(start),
                        new NelderMeadSimplex(new double[] {0.2, 0.2}), new ObjectiveFunction(point ->
                                ShiftedBetaGeometricModel.logLikelihood(Math.exp(point[0]), Math.exp(point[1]), n)));
            } catch (MathIllegalStateException tooManyEvaluations) {
                return new ModelFit<>(MODEL_NAME, Optional.empty(), Map.of(), Map.of(), geometric,
                        iterations, false, Optional.of("no convergence: the simplex did not settle within "
                                + maxEvaluations + " evaluations (raise maxEvaluations or the tolerance)"),
                        List.of(), diagnostics);
            }
            iterations += optimizer.getIterations();
            start = best.getPoint();
        }
        double alpha = Math.exp(best.getPoint()[0]);
        double beta = Math.exp(best.getPoint()[1]);
        double logLikelihood = ShiftedBetaGeometricModel.logLikelihood(alpha, beta, n);
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("alpha", alpha);
        parameters.put("beta", beta);
        // The margin covers the rounding of the log-Beta function at large arguments (about 1e-6 on a thousand
        // customers).
        if (logLikelihood - geometric <= Math.max(1e-4, 1e-9 * Math.abs(geometric))) {
            double theta = (double) churned / exposure(n);
            return unidentified(String.format(Locale.ROOT, "survivors: the counts show no heterogeneity: a constant"
                    + " churn probability of %.4f per period fits them as well as any sBG model (log-likelihood %.4f"
                    + " against %.4f), so the fit runs off to alpha + beta = infinity and alpha and beta cannot be"
                    + " estimated; use the constant probability (a geometric model)", theta, geometric, logLikelihood),
                    parameters, geometric, iterations, diagnostics);
        }
        return new ModelFit<>(MODEL_NAME, Optional.of(ShiftedBetaGeometricModel.of(alpha, beta)), parameters,
                standardErrors(alpha, beta, n), logLikelihood, iterations, true, Optional.empty(), List.of(),
                diagnostics);
    }

    private static ModelFit<ShiftedBetaGeometricModel> unidentified(String problem, Map<String, Double> parameters,
            double supremum, int iterations, Map<String, Double> diagnostics) {
        return new ModelFit<>(MODEL_NAME, Optional.empty(), parameters, Map.of(), supremum, iterations, false,
                Optional.of(problem), List.of(), diagnostics);
    }

    /** Returns the customer-periods at risk: the sum of the counts before the last. */
    private static long exposure(long[] n) {
        long exposure = 0;
        for (int t = 0; t < n.length - 1; t++) {
            exposure += n[t];
        }
        return exposure;
    }

    /**
     * Returns the log-likelihood of the best constant churn probability theta = churned / exposure: the
     * geometric model, which the sBG approaches as alpha + beta grows.
     */
    private static double geometricLogLikelihood(long[] n) {
        long churned = n[0] - n[n.length - 1];
        long exposure = exposure(n);
        if (churned == 0) {
            return 0;
        }
        double theta = (double) churned / exposure;
        return churned * Math.log(theta) + (exposure > churned ? (exposure - churned) * Math.log1p(-theta) : 0);
    }

    /**
     * Returns the standard errors of alpha and beta: the square roots of the inverse observed information's
     * diagonal, from the second derivatives of ln B(x, y) (trigamma differences); empty when the information is
     * not positive definite.
     */
    private static Map<String, Double> standardErrors(double alpha, double beta, long[] n) {
        // ll = sum_t c_t [ln B(a + 1, b + t - 1) - ln B(a, b)] + nT [ln B(a, b + T) - ln B(a, b)], where
        // d2/dx2 ln B(x, y) = psi1(x) - psi1(x + y), d2/dxdy = -psi1(x + y), d2/dy2 = psi1(y) - psi1(x + y).
        double haa = 0;
        double hab = 0;
        double hbb = 0;
        long total = n[0];
        int periods = n.length - 1;
        for (int t = 1; t <= periods + 1; t++) {
            long weight = t <= periods ? n[t - 1] - n[t] : n[periods];
            if (weight == 0) {
                continue;
            }
            double x = t <= periods ? alpha + 1 : alpha;
            double y = t <= periods ? beta + t - 1 : beta + periods;
            double sum = Gamma.trigamma(x + y);
            haa += weight * (Gamma.trigamma(x) - sum);
            hab -= weight * sum;
            hbb += weight * (Gamma.trigamma(y) - sum);
        }
        double sum = Gamma.trigamma(alpha + beta);
        haa -= total * (Gamma.trigamma(alpha) - sum);
        hab += total * sum;
        hbb -= total * (Gamma.trigamma(beta) - sum);
        // The information is minus the Hessian; invert the 2 x 2 matrix.
        double iaa = -haa;
        double iab = -hab;
        double ibb = -hbb;
        double determinant = iaa * ibb - iab * iab;
        if (!(iaa > 0 && determinant > 0)) {
            return Map.of();
        }
        Map<String, Double> errors = new LinkedHashMap<>();
        errors.put("alpha", Math.sqrt(ibb / determinant));
        errors.put("beta", Math.sqrt(iaa / determinant));
        return errors;
    }

    private static int requireEvaluations(int value) {
        if (value < MIN_EVALUATIONS) {
            throw new IllegalArgumentException("maxEvaluations: " + value + " is below " + MIN_EVALUATIONS);
        }
        return value;
    }

    private static double requireTolerance(double value) {
        if (!(value > 0 && value <= MAX_TOLERANCE)) {
            throw new IllegalArgumentException("tolerance: " + value + " is outside (0, " + MAX_TOLERANCE + "]");
        }
        return value;
    }

    /** Compares the evaluation limit and the tolerance. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ShiftedBetaGeometric that && maxEvaluations == that.maxEvaluations
                && Double.compare(tolerance, that.tolerance) == 0;
    }

    /** Hashes the evaluation limit and the tolerance. */
    @Override
    public int hashCode() {
        return 31 * maxEvaluations + Double.hashCode(tolerance);
    }

    /** Returns the settings, such as {@code ShiftedBetaGeometric[maxEvaluations=20000, tolerance=1.0E-13]}. */
    @Override
    public String toString() {
        return "ShiftedBetaGeometric[maxEvaluations=" + maxEvaluations + ", tolerance=" + tolerance + "]";
    }

    /** Builds a {@link ShiftedBetaGeometric}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private int maxEvaluations;
        private double tolerance;

        private Builder(ShiftedBetaGeometric base) {
            this.maxEvaluations = base.maxEvaluations;
            this.tolerance = base.tolerance;
        }

        /**
         * Sets the most log-likelihood evaluations of one simplex round; 20,000 unless set.
         *
         * @param value the limit, 10 or more
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is below 10
         */
        public Builder maxEvaluations(int value) {
            this.maxEvaluations = requireEvaluations(value);
            return this;
        }

        /**
         * Sets the change of the log-likelihood at which a simplex round stops; 1e-13 unless set.
         *
         * @param value the tolerance, in (0, 0.001]
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is outside (0, 0.001]
         */
        public Builder tolerance(double value) {
            this.tolerance = requireTolerance(value);
            return this;
        }

        /**
         * Builds the fitter.
         *
         * @return the fitter
         */
        public ShiftedBetaGeometric build() {
            return new ShiftedBetaGeometric(maxEvaluations, tolerance);
        }
    }
}
