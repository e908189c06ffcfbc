package dev.cxm.metrics.survival;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.hipparchus.distribution.continuous.NormalDistribution;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.stats.ModelFit;
import dev.cxm.metrics.survival.internal.Cholesky;
import dev.cxm.metrics.survival.internal.Concordance;
import dev.cxm.metrics.survival.internal.PartialLikelihood;
import dev.cxm.metrics.survival.internal.TailProbabilities;
import dev.cxm.metrics.survival.internal.TimeOrder;

/**
 * Fits Cox's proportional-hazards regression of time to churn on the covariates of {@link SurvivalData},
 * by maximising the partial likelihood (Efron or Breslow ties) with Newton-Raphson and step halving, as R's
 * {@code coxph} does.
 *
 * <pre>{@code
 * ModelFit<CoxModel> fit = CoxProportionalHazards.ofDefaults().fit(data);          // Efron ties, as R
 * CoxModel model = fit.requireModel();
 * double hazardRatio = model.coefficient("tickets").hazardRatio();
 * double retained = model.predictSurvival(1, 3).at(365);
 * ModelFit<CoxModel> breslow = CoxProportionalHazards.custom().ties(TieMethod.BRESLOW).level(0.90).build().fit(data);
 * }</pre>
 *
 * <p>A configuration (ties, confidence level, iteration limit, tolerance) is immutable and compares by
 * value. The defaults are R's {@code coxph}: Efron ties, at most 20 iterations, converged when the log
 * partial likelihood changes by a relative 1e-9 or less; 95% intervals.
 *
 * <p>The fit returns a {@link ModelFit} whose parameters are the coefficients by covariate name. Data that
 * cannot identify a coefficient give a fit that did not converge, with no model and a problem naming the
 * covariate: no subject churned, a constant covariate, a covariate that is a linear combination of the
 * ones before it, an information matrix that turns singular, a coefficient that grows without bound
 * (monotone likelihood, as when a covariate separates the churned from the rest), or a fit that does not
 * settle within the iteration limit.
 */
public final class CoxProportionalHazards {

    /** The name of the fitted model in a {@link ModelFit}. */
    public static final String MODEL_NAME = "cox";
    /** The diagnostic key of the log partial likelihood with every coefficient 0. */
    public static final String NULL_LOG_LIKELIHOOD = "nullLogPartialLikelihood";
    /** The diagnostic key of Harrell's concordance index. */
    public static final String CONCORDANCE = "concordance";
    /** The diagnostic key of the likelihood-ratio statistic 2 (ll - ll0). */
    public static final String LIKELIHOOD_RATIO = "likelihoodRatioStatistic";
    /** The diagnostic key of the likelihood-ratio test's degrees of freedom. */
    public static final String LIKELIHOOD_RATIO_DF = "likelihoodRatioDegreesOfFreedom";
    /** The diagnostic key of the likelihood-ratio test's p-value. */
    public static final String LIKELIHOOD_RATIO_P = "likelihoodRatioPValue";

    /** A Newton step larger than this share of its coefficient, after convergence, marks it as infinite (R's toler.inf). */
    private static final double INFINITE_TOLERANCE = Math.sqrt(1e-9);
    private static final int MAX_HALVINGS = 30;
    private static final int DEFAULT_MAX_ITERATIONS = 20;
    private static final double DEFAULT_TOLERANCE = 1e-9;
    private static final double MAX_TOLERANCE = 0.01;

    private static final CoxProportionalHazards DEFAULTS = new CoxProportionalHazards(TieMethod.EFRON,
            ConfidenceInterval.DEFAULT_LEVEL, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE);

    private final TieMethod ties;
    private final double level;
    private final int maxIterations;
    private final double tolerance;

    private CoxProportionalHazards(TieMethod ties, double level, int maxIterations, double tolerance) {
        this.ties = ties;
        this.level = level;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /**
     * Returns R's defaults: Efron ties, 95% intervals, at most 20 iterations, tolerance 1e-9.
     *
     * @return the default fitter
     */
    public static CoxProportionalHazards ofDefaults() {
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
    public static Builder from(CoxProportionalHazards base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Returns how tied churn times are handled.
     *
     * @return the tie method
     */
    public TieMethod ties() {
        return ties;
    }

    /**
     * Returns the confidence level of the coefficients' intervals.
     *
     * @return the level, strictly between 0 and 1
     */
    public double level() {
        return level;
    }

    /**
     * Returns the most Newton-Raphson iterations before the fit gives up.
     *
     * @return the limit, 1 or more
     */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Returns the relative change of the log partial likelihood that counts as converged.
     *
     * @return the tolerance, in (0, 0.01]
     */
    public double tolerance() {
        return tolerance;
    }

    /**
     * Fits the model on every subject and every covariate of {@code data}.
     *
     * @param data the subjects, with one or more covariates
     * @return the fit: converged with the model, or not converged with the problem that names the covariate
     *     the data cannot estimate (constant, collinear, separating the churned, still moving at the
     *     iteration limit) or says that nobody churned
     * @throws IllegalArgumentException when the data have no covariate
     */
    public ModelFit<CoxModel> fit(SurvivalData data) {
        Checks.present("data", data);
        List<String> names = data.covariateNames();
        int p = names.size();
        int n = data.size();
        if (p == 0) {
            throw new IllegalArgumentException("covariates: the data have none; a Cox model needs at least one");
        }
        double[] raw = data.covariateMatrix();
        double[] means = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                means[j] += raw[i * p + j];
            }
        }
        for (int j = 0; j < p; j++) {
            means[j] /= n;
        }
        TimeOrder order = TimeOrder.of(data.durationColumn());
        double[] x = new double[n * p];
        boolean[] observed = new boolean[n];
        boolean[] allObserved = data.observedColumn();
        for (int position = 0; position < n; position++) {
            int i = order.subject(position);
            observed[position] = allObserved[i];
            for (int j = 0; j < p; j++) {
                x[position * p + j] = raw[i * p + j] - means[j];
            }
        }
        PartialLikelihood likelihood = new PartialLikelihood(x, observed, p, order, ties == TieMethod.EFRON);
        double[] beta = new double[p];
        PartialLikelihood.Evaluation current = likelihood.evaluate(beta);
        double nullLogLikelihood = current.logLikelihood();
        Map<String, Double> nullDiagnostics = Map.of(NULL_LOG_LIKELIHOOD, nullLogLikelihood);
        if (data.eventCount() == 0) {
            return notConverged("events: none of the " + n + " subjects churned; a Cox model needs at least one"
                    + " churn", Map.of(), nullLogLikelihood, 0, nullDiagnostics);
        }
        Optional<String> rankProblem = rankProblem(x, n, names, raw);
        if (rankProblem.isPresent()) {
            return notConverged(rankProblem.get(), Map.of(), nullLogLikelihood, 0, nullDiagnostics);
        }

        Cholesky information = Cholesky.factor(current.information(), Cholesky.DEFAULT_TOLERANCE);
        boolean converged = false;
        int iterations = 0;
        double[] lastStep = new double[p];
        while (information.firstSingular() < 0 && iterations < maxIterations && !converged) {
            iterations++;
            double[] step = information.solve(current.gradient());
            double[] candidate = plus(beta, step, 1);
            PartialLikelihood.Evaluation next = likelihood.evaluate(candidate);
            double scale = 1;
            for (int halving = 0; !(next.logLikelihood() >= current.logLikelihood()) && halving < MAX_HALVINGS; halving++) {
                scale /= 2;
                candidate = plus(beta, step, scale);
                next = likelihood.evaluate(candidate);
            }
            if (!(next.logLikelihood() >= current.logLikelihood())) {
                break;
            }
            converged = Math.abs(1 - current.logLikelihood() / next.logLikelihood()) <= tolerance;
            lastStep = plus(candidate, beta, -1);
            beta = candidate;
            current = next;
            information = Cholesky.factor(current.information(), Cholesky.DEFAULT_TOLERANCE);
        }
        int singular = information.firstSingular();
        if (singular >= 0) {
            return notConverged("covariate " + names.get(singular) + ": the information matrix is singular in it"
                    + " (it does not vary among the subjects at risk when others churn, or is collinear with others"
                    + " there); drop it", byName(names, beta), current.logLikelihood(), iterations, nullDiagnostics);
        }
        if (!converged) {
            return notConverged("no convergence in " + iterations + " iterations; the coefficient of "
                    + largestStep(lastStep, beta, names) + " is still moving (raise maxIterations, or look for a"
                    + " covariate that separates the churned subjects)", byName(names, beta), current.logLikelihood(),
                    iterations, nullDiagnostics);
        }
        double[] finalStep = information.solve(current.gradient());
        StringJoiner infinite = new StringJoiner(", ");
        for (int j = 0; j < p; j++) {
            double size = Math.abs(finalStep[j]);
            if (size > tolerance && size > INFINITE_TOLERANCE * Math.abs(beta[j])) {
                infinite.add(names.get(j));
            }
        }
        if (infinite.length() > 0) {
            return notConverged("the log partial likelihood levelled off while the coefficient of " + infinite
                    + " kept growing; it may be infinite (the covariate separates the churned subjects from the"
                    + " others). Drop or merge it", byName(names, beta), current.logLikelihood(), iterations,
                    nullDiagnostics);
        }
        return converged(data, names, beta, means, information.inverse(), current.logLikelihood(), nullLogLikelihood,
                iterations, order, observed, likelihood);
    }

    private ModelFit<CoxModel> converged(SurvivalData data, List<String> names, double[] beta, double[] means,
            double[][] covariance, double logLikelihood, double nullLogLikelihood, int iterations, TimeOrder order,
            boolean[] observed, PartialLikelihood likelihood) {
        int p = names.size();
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        List<CoxCoefficient> coefficients = new ArrayList<>(p);
        Map<String, Double> standardErrors = new LinkedHashMap<>();
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(covariance[j][j]);
            double lowerCoef = beta[j] - z * se;
            double upperCoef = beta[j] + z * se;
            double wald = beta[j] / se;
            coefficients.add(new CoxCoefficient(names.get(j), beta[j], se, Math.exp(beta[j]), wald,
                    TailProbabilities.twoSidedNormal(wald),
                    new ConfidenceInterval(lowerCoef, upperCoef, level, "wald"),
                    new ConfidenceInterval(Math.exp(lowerCoef), Math.exp(upperCoef), level, "wald")));
            standardErrors.put(names.get(j), se);
        }
        double lrStatistic = Math.max(0, 2 * (logLikelihood - nullLogLikelihood));
        ChiSquaredTest lrTest = new ChiSquaredTest(lrStatistic, p, TailProbabilities.chiSquared(lrStatistic, p));
        double concordance = Concordance.index(order, observed, likelihood.linearPredictors(beta));
        double[][] baseline = likelihood.baselineCumulativeHazard(beta);
        CoxModel model = new CoxModel(data.unit(), coefficients, beta, means, covariance, logLikelihood,
                nullLogLikelihood, lrTest, concordance, data.size(), data.eventCount(), iterations, ties, level,
                baseline[0], baseline[1]);
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put(NULL_LOG_LIKELIHOOD, nullLogLikelihood);
        diagnostics.put(CONCORDANCE, concordance);
        diagnostics.put(LIKELIHOOD_RATIO, lrTest.statistic());
        diagnostics.put(LIKELIHOOD_RATIO_DF, (double) lrTest.degreesOfFreedom());
        diagnostics.put(LIKELIHOOD_RATIO_P, lrTest.pValue());
        return new ModelFit<>(MODEL_NAME, Optional.of(model), byName(names, beta), standardErrors, logLikelihood,
                iterations, true, Optional.empty(), List.of(), diagnostics);
    }

    private static ModelFit<CoxModel> notConverged(String problem, Map<String, Double> parameters, double logLikelihood,
            int iterations, Map<String, Double> diagnostics) {
        return new ModelFit<>(MODEL_NAME, Optional.empty(), parameters, Map.of(), logLikelihood, iterations, false,
                Optional.of(problem), List.of(), diagnostics);
    }

    private static Map<String, Double> byName(List<String> names, double[] values) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int j = 0; j < values.length; j++) {
            map.put(names.get(j), values[j]);
        }
        return map;
    }

    /** Names a constant covariate, or one that is a linear combination of those before it. */
    private static Optional<String> rankProblem(double[] centred, int n, List<String> names, double[] raw) {
        int p = names.size();
        for (int j = 0; j < p; j++) {
            if (isConstant(raw, n, p, j)) {
                return Optional.of("covariate " + names.get(j) + ": every subject has the value " + raw[j]
                        + "; a constant covariate cannot be estimated, drop it");
            }
        }
        double[][] crossProducts = new double[p][p];
        for (int i = 0; i < n; i++) {
            int row = i * p;
            for (int j = 0; j < p; j++) {
                double value = centred[row + j];
                for (int k = 0; k <= j; k++) {
                    crossProducts[j][k] += value * centred[row + k];
                }
            }
        }
        int singular = Cholesky.factor(crossProducts, Cholesky.DEFAULT_TOLERANCE).firstSingular();
        if (singular >= 0) {
            return Optional.of("covariate " + names.get(singular) + ": it is a linear combination of "
                    + names.subList(0, singular) + "; collinear covariates cannot be estimated, drop one of them");
        }
        return Optional.empty();
    }

    /** Compares the raw values exactly: centring a constant such as 0.1 need not give exact zeros. */
    private static boolean isConstant(double[] raw, int n, int p, int j) {
        for (int i = 1; i < n; i++) {
            if (raw[i * p + j] != raw[j]) {
                return false;
            }
        }
        return true;
    }

    private static String largestStep(double[] step, double[] beta, List<String> names) {
        int worst = 0;
        double worstSize = -1;
        for (int j = 0; j < step.length; j++) {
            double size = Math.abs(step[j]) / Math.max(1, Math.abs(beta[j]));
            if (size > worstSize) {
                worstSize = size;
                worst = j;
            }
        }
        return names.get(worst);
    }

    private static double[] plus(double[] base, double[] step, double scale) {
        double[] sum = new double[base.length];
        for (int j = 0; j < base.length; j++) {
            sum[j] = base[j] + scale * step[j];
        }
        return sum;
    }

    private static int requireIterations(int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations: " + maxIterations + " is below 1");
        }
        return maxIterations;
    }

    private static double requireTolerance(double tolerance) {
        if (!(tolerance > 0 && tolerance <= MAX_TOLERANCE)) {
            throw new IllegalArgumentException("tolerance: " + tolerance + " is outside (0, " + MAX_TOLERANCE + "]");
        }
        return tolerance;
    }

    /** Compares the ties, level, iteration limit and tolerance. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CoxProportionalHazards that && ties == that.ties
                && Double.compare(level, that.level) == 0 && maxIterations == that.maxIterations
                && Double.compare(tolerance, that.tolerance) == 0;
    }

    /** Hashes the ties, level, iteration limit and tolerance. */
    @Override
    public int hashCode() {
        return java.util.Objects.hash(ties, level, maxIterations, tolerance);
    }

    /** Returns the settings, such as {@code CoxProportionalHazards[ties=EFRON, level=0.95, ...]}. */
    @Override
    public String toString() {
        return "CoxProportionalHazards[ties=" + ties + ", level=" + level + ", maxIterations=" + maxIterations
                + ", tolerance=" + tolerance + "]";
    }

    /** Builds a {@link CoxProportionalHazards}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private TieMethod ties;
        private double level;
        private int maxIterations;
        private double tolerance;

        private Builder(CoxProportionalHazards base) {
            this.ties = base.ties;
            this.level = base.level;
            this.maxIterations = base.maxIterations;
            this.tolerance = base.tolerance;
        }

        /**
         * Sets how tied churn times are handled; {@link TieMethod#EFRON} unless set.
         *
         * @param value the tie method
         * @return this builder
         */
        public Builder ties(TieMethod value) {
            this.ties = Checks.present("ties", value);
            return this;
        }

        /**
         * Sets the confidence level of the coefficients' intervals; 0.95 unless set.
         *
         * @param value the level, strictly between 0 and 1
         * @return this builder
         * @throws IllegalArgumentException naming the level when it is outside (0, 1)
         */
        public Builder level(double value) {
            this.level = ConfidenceInterval.requireLevel(value);
            return this;
        }

        /**
         * Sets the most Newton-Raphson iterations; 20 unless set.
         *
         * @param value the limit, 1 or more
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is below 1
         */
        public Builder maxIterations(int value) {
            this.maxIterations = requireIterations(value);
            return this;
        }

        /**
         * Sets the relative change of the log partial likelihood that counts as converged; 1e-9 unless set.
         *
         * @param value the tolerance, in (0, 0.01]
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is outside (0, 0.01]
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
        public CoxProportionalHazards build() {
            return new CoxProportionalHazards(ties, level, maxIterations, tolerance);
        }
    }
}
