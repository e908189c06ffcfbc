package dev.cxm.metrics.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.hipparchus.distribution.continuous.NormalDistribution;

import dev.cxm.metrics.stats.ConfidenceInterval;
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
 * CoxModel model = CoxProportionalHazards.fit(data);
 * double hazardRatio = model.coefficient("tickets").hazardRatio();
 * double retained = model.predictSurvival(1, 3).at(365);
 * }</pre>
 *
 * <p>The fit refuses, naming the column, a design it cannot estimate: a constant covariate, a covariate
 * that is a linear combination of the ones before it, an information matrix that turns singular, and a
 * coefficient that grows without bound (monotone likelihood, as when a covariate separates the churned
 * from the rest) or does not settle within the iteration limit.
 */
public final class CoxProportionalHazards {

    /** A Newton step larger than this share of its coefficient, after convergence, marks it as infinite (R's toler.inf). */
    private static final double INFINITE_TOLERANCE = Math.sqrt(1e-9);
    private static final int MAX_HALVINGS = 30;

    private CoxProportionalHazards() {}

    /** Fits the model with R's defaults (Efron ties); see {@link CoxOptions#ofDefaults()}. */
    public static CoxModel fit(SurvivalData data) {
        return fit(data, CoxOptions.ofDefaults());
    }

    /**
     * Fits the model on every subject and every covariate of {@code data}.
     *
     * @throws IllegalArgumentException when the data have no covariate or no churn, or naming the covariate
     *     that is constant or collinear with the ones before it
     * @throws IllegalStateException naming the covariate whose coefficient does not converge
     */
    public static CoxModel fit(SurvivalData data, CoxOptions options) {
        List<String> names = data.covariateNames();
        int p = names.size();
        int n = data.size();
        if (p == 0) {
            throw new IllegalArgumentException("covariates: the data have none; a Cox model needs at least one");
        }
        if (data.eventCount() == 0) {
            throw new IllegalArgumentException("events: none of the " + n + " subjects churned; a Cox model needs"
                    + " at least one churn");
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
        requireFullRank(x, n, names, raw);

        PartialLikelihood likelihood = new PartialLikelihood(x, observed, p, order, options.ties() == TieMethod.EFRON);
        double[] beta = new double[p];
        PartialLikelihood.Evaluation current = likelihood.evaluate(beta);
        double nullLogLikelihood = current.logLikelihood();
        Cholesky information = factorInformation(current, names);
        boolean converged = false;
        int iterations = 0;
        double[] lastStep = new double[p];
        while (iterations < options.maxIterations() && !converged) {
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
            converged = Math.abs(1 - current.logLikelihood() / next.logLikelihood()) <= options.tolerance();
            lastStep = plus(candidate, beta, -1);
            beta = candidate;
            current = next;
            information = factorInformation(current, names);
        }
        if (!converged) {
            throw new IllegalStateException("Cox fit: no convergence in " + iterations + " iterations; the coefficient"
                    + " of " + largestStep(lastStep, beta, names) + " is still moving (raise maxIterations, or look"
                    + " for a covariate that separates the churned subjects)");
        }
        double[][] covariance = information.inverse();
        double[] finalStep = information.solve(current.gradient());
        StringJoiner infinite = new StringJoiner(", ");
        for (int j = 0; j < p; j++) {
            double size = Math.abs(finalStep[j]);
            if (size > options.tolerance() && size > INFINITE_TOLERANCE * Math.abs(beta[j])) {
                infinite.add(names.get(j));
            }
        }
        if (infinite.length() > 0) {
            throw new IllegalStateException("Cox fit: the log partial likelihood levelled off while the coefficient"
                    + " of " + infinite + " kept growing; it may be infinite (the covariate separates the churned"
                    + " subjects from the others). Drop or merge it");
        }

        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - options.level()) / 2);
        List<CoxCoefficient> coefficients = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(covariance[j][j]);
            double lowerCoef = beta[j] - z * se;
            double upperCoef = beta[j] + z * se;
            double wald = beta[j] / se;
            coefficients.add(new CoxCoefficient(names.get(j), beta[j], se, Math.exp(beta[j]), wald,
                    TailProbabilities.twoSidedNormal(wald),
                    new ConfidenceInterval(lowerCoef, upperCoef, options.level(), "wald"),
                    new ConfidenceInterval(Math.exp(lowerCoef), Math.exp(upperCoef), options.level(), "wald")));
        }
        double lrStatistic = Math.max(0, 2 * (current.logLikelihood() - nullLogLikelihood));
        ChiSquaredTest lrTest = new ChiSquaredTest(lrStatistic, p, TailProbabilities.chiSquared(lrStatistic, p));
        double concordance = Concordance.index(order, observed, likelihood.linearPredictors(beta));
        double[][] baseline = likelihood.baselineCumulativeHazard(beta);
        return new CoxModel(data.unit(), coefficients, beta, means, covariance, current.logLikelihood(), nullLogLikelihood, lrTest,
                concordance, n, data.eventCount(), iterations, options, baseline[0], baseline[1]);
    }

    /** Refuses a constant covariate or one that is a linear combination of those before it. */
    private static void requireFullRank(double[] centred, int n, List<String> names, double[] raw) {
        int p = names.size();
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
        for (int j = 0; j < p; j++) {
            if (isConstant(raw, n, p, j)) {
                throw new IllegalArgumentException("covariate " + names.get(j) + ": every subject has the value "
                        + raw[j] + "; a constant covariate cannot be estimated, drop it");
            }
        }
        int singular = Cholesky.factor(crossProducts, Cholesky.DEFAULT_TOLERANCE).firstSingular();
        if (singular >= 0) {
            throw new IllegalArgumentException("covariate " + names.get(singular) + ": it is a linear combination of "
                    + names.subList(0, singular) + "; collinear covariates cannot be estimated, drop one of them");
        }
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

    private static Cholesky factorInformation(PartialLikelihood.Evaluation evaluation, List<String> names) {
        Cholesky cholesky = Cholesky.factor(evaluation.information(), Cholesky.DEFAULT_TOLERANCE);
        int singular = cholesky.firstSingular();
        if (singular >= 0) {
            throw new IllegalArgumentException("covariate " + names.get(singular) + ": the information matrix is"
                    + " singular in it (it does not vary among the subjects at risk when others churn, or is"
                    + " collinear with others there); drop it");
        }
        return cholesky;
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
}
