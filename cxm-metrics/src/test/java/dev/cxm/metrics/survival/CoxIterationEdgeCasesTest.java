package dev.cxm.metrics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cxm.metrics.stats.ModelFit;

/**
 * Cox fits whose outcome depends on the iterations' bookkeeping: a first covariate the information matrix cannot
 * estimate (it varies only in a subject censored before the first churn), three covariates on six subjects, a
 * covariate whose squared deviations underflow, the covariate an iteration limit names, and the baseline's times
 * where a time has no churn. Oracles: the score and information of the partial likelihood by their textbook sums
 * (no tied times, so Breslow = Efron: U = sum over churns of (x_i - mean of x over the risk set weighted by
 * e^(x'b)), I = sum of the weighted covariance over each risk set), Newton steps solved by Gaussian elimination
 * in the test, and closed forms named at each test.
 */
class CoxIterationEdgeCasesTest {

    /** Six subjects at days 1..6 (days 2 and 6 censored) with three covariates of full rank (det computed below). */
    private static final double[][] ROWS = {{0.3, 1.2, -0.5}, {1.1, -0.4, 0.2}, {-0.7, 0.5, 1.3}, {0.2, -1.1, -0.8},
        {1.5, 0.9, 0.4}, {-0.9, 0.1, -1.2}};
    private static final boolean[] CHURNED = {true, false, true, true, true, false};
    private static final List<String> NAMES = List.of("a", "b", "c");

    private static SurvivalData threeCovariates(double scale) {
        SurvivalData.Builder builder = SurvivalData.builder(ChronoUnit.DAYS, NAMES);
        for (int i = 0; i < ROWS.length; i++) {
            builder.add(i + 1, CHURNED[i], SurvivalData.DEFAULT_GROUP, ROWS[i][0] * scale, ROWS[i][1] * scale,
                    ROWS[i][2] * scale);
        }
        return builder.build();
    }

    @Test
    void aFirstCovariateWithoutSpreadAmongThoseAtRiskIsNamedBeforeAnyIteration() {
        // x is 1 only for the subject censored at day 1, before the first churn: at every churn time (2, 3, 4) the
        // risk set has x = 0, so x's information (its weighted variance over the risk sets) is 0 for every b.
        // y varies, so a fit that iterated anyway would move y away from 0.
        SurvivalData data = SurvivalData.builder(ChronoUnit.DAYS, "x", "y").add(1, false, "all", 1, 0)
                .add(2, true, "all", 0, 1).add(3, true, "all", 0, 0).add(4, true, "all", 0, 1).build();

        ModelFit<CoxModel> fit = CoxProportionalHazards.ofDefaults().fit(data);

        assertThat(fit.converged()).isFalse();
        assertThat(fit.iterations()).isZero();
        assertThat(fit.parameters()).isEqualTo(Map.of("x", 0.0, "y", 0.0));
        assertThat(fit.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("covariate x: the information matrix is singular in it"));
    }

    @Test
    void threeCovariatesOnSixSubjectsAreEstimatedWhereTheScoreVanishes() {
        // The covariates have full rank (det of their centred cross products is not 0), so the fit must not call
        // them collinear; at its estimate the score by the textbook sums is 0.
        assertThat(Math.abs(determinant(centredCrossProducts()))).isGreaterThan(0.1);

        ModelFit<CoxModel> fit = CoxProportionalHazards.ofDefaults().fit(threeCovariates(1));

        assertThat(fit.converged()).as("%s", fit.problem()).isTrue();
        double[] beta = NAMES.stream().mapToDouble(fit.parameters()::get).toArray();
        for (double u : score(threeCovariates(1), beta)) {
            assertThat(u).isCloseTo(0, within(1e-7));
        }
    }

    @Test
    void aCovariateWhoseSquaredDeviationsUnderflowIsNamed() {
        // Closed form: the deviations from the mean are +-1e-200 and 0, whose squares (1e-400) underflow to 0 in
        // double, so the covariate has no spread the fit can use: it is named before any iteration.
        SurvivalData data = SurvivalData.builder(ChronoUnit.DAYS, "x").add(1, true, "all", 1e-200)
                .add(2, true, "all", 2e-200).add(3, true, "all", 3e-200).build();
        assertThat(1e-200 * 1e-200).isZero();

        ModelFit<CoxModel> fit = CoxProportionalHazards.ofDefaults().fit(data);

        assertThat(fit.converged()).isFalse();
        assertThat(fit.iterations()).isZero();
        assertThat(fit.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("covariate x: it is a linear combination of []"));
    }

    @Test
    void theIterationLimitNamesTheCoefficientWithTheLargestRelativeStep() {
        // Oracle: Newton's iterates by the textbook sums from 0 (each step is a full step: the log partial
        // likelihood rises, asserted). The coefficient named is the one whose last step is largest relative to
        // max(1, |b|). Scaled by 0.1 the coefficients exceed 1, where relative and absolute steps differ.
        for (double scale : new double[] {1, 0.1}) {
            SurvivalData data = threeCovariates(scale);
            double[] beta = new double[3];
            for (int limit = 1; limit <= 3; limit++) {
                double[] step = solve(information(data, beta), score(data, beta));
                double[] next = new double[3];
                for (int j = 0; j < 3; j++) {
                    next[j] = beta[j] + step[j];
                }
                assertThat(CoxProportionalHazardsTest.bruteForceLogLikelihood(data, next, true))
                        .isGreaterThan(CoxProportionalHazardsTest.bruteForceLogLikelihood(data, beta, true));
                int worst = 0;
                for (int j = 1; j < 3; j++) {
                    if (Math.abs(step[j]) / Math.max(1, Math.abs(next[j]))
                            > Math.abs(step[worst]) / Math.max(1, Math.abs(next[worst]))) {
                        worst = j;
                    }
                }
                beta = next;

                ModelFit<CoxModel> fit = CoxProportionalHazards.custom().maxIterations(limit).build().fit(data);

                for (int j = 0; j < 3; j++) {
                    assertThat(fit.parameters().get(NAMES.get(j))).isCloseTo(beta[j], within(1e-9));
                }
                String expected = "no convergence in " + limit + " iterations; the coefficient of " + NAMES.get(worst)
                        + " is still moving";
                assertThat(fit.problem()).as("scale %s, limit %s", scale, limit)
                        .hasValueSatisfying(problem -> assertThat(problem).startsWith(expected));
            }
        }
    }

    @Test
    void theBaselineHasAStepAtEachChurnTimeOnly() {
        // Days 2 and 6 are censoring times without a churn: the baseline (and so every predicted curve) steps at
        // days 1, 3, 4 and 5 only.
        CoxModel model = CoxProportionalHazards.ofDefaults().fit(threeCovariates(1)).requireModel();

        PredictedSurvival curve = model.predictSurvival(0, 0, 0);
        assertThat(curve.points()).extracting(SurvivalPoint::time).containsExactly(1.0, 3.0, 4.0, 5.0);
        // Between steps the curve keeps the last step's value; before the first it is 1.
        assertThat(curve.at(3.5)).isEqualTo(curve.points().get(1).survival()).isLessThan(1);
        assertThat(curve.at(0.5)).isEqualTo(1.0);
        assertThat(model.toString()).contains("subjects=6", "events=4");
    }

    @Test
    void theCovarianceIsTheInverseOfTheInformationAtTheEstimate() {
        // Oracle: the information matrix by the textbook sums at the fitted coefficients, times the model's
        // covariance, is the identity.
        CoxModel model = CoxProportionalHazards.ofDefaults().fit(threeCovariates(1)).requireModel();
        double[] beta = NAMES.stream().mapToDouble(name -> model.coefficient(name).coef()).toArray();
        double[][] info = information(threeCovariates(1), beta);
        double[][] covariance = model.covariance();
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
                double product = 0;
                for (int m = 0; m < 3; m++) {
                    product += info[j][m] * covariance[m][k];
                }
                assertThat(product).isCloseTo(j == k ? 1 : 0, within(1e-6));
            }
        }
        covariance[0][0] = -1;
        assertThat(model.covariance()[0][0]).isPositive();
    }

    @Test
    void aSubjectAtTheMeanWithANegativeCoefficientRanksWithTheOthers() {
        // The subjects with x = 1 sit at the mean, so their centred linear predictor is 0 * b, which is -0.0 for a
        // negative b. Concordance by hand (Harrell: pairs of a churned subject and a later one, scores b (x - 1)
        // higher for lower x when b < 0): from the churn at 1 (x 0) 3 concordant and 1 tied, from the churn at 2
        // (x 2) 2 discordant and 1 tied, from the churn at 3 (x 1) 1 concordant and 1 discordant: (4 + 2 / 2) / 9.
        SurvivalData data = SurvivalData.builder(ChronoUnit.DAYS, "x").add(1, true, "all", 0).add(2, true, "all", 2)
                .add(3, true, "all", 1).add(4, false, "all", 0).add(5, false, "all", 2).build();

        CoxModel model = CoxProportionalHazards.ofDefaults().fit(data).requireModel();

        assertThat(model.coefficient("x").coef()).isNegative();
        assertThat(model.concordance()).isCloseTo(5.0 / 9, within(1e-12));
    }

    // ---- textbook sums (no tied times) ----

    private static double[] score(SurvivalData data, double[] beta) {
        double[] u = new double[beta.length];
        for (int i = 1; i <= data.size(); i++) {
            if (!data.observed(i)) {
                continue;
            }
            double[] mean = riskMean(data, beta, data.duration(i));
            for (int j = 0; j < beta.length; j++) {
                u[j] += data.covariate(i, NAMES.get(j)) - mean[j];
            }
        }
        return u;
    }

    private static double[][] information(SurvivalData data, double[] beta) {
        int p = beta.length;
        double[][] info = new double[p][p];
        for (int i = 1; i <= data.size(); i++) {
            if (!data.observed(i)) {
                continue;
            }
            double t = data.duration(i);
            double[] mean = riskMean(data, beta, t);
            double total = 0;
            double[][] second = new double[p][p];
            for (int r = 1; r <= data.size(); r++) {
                if (data.duration(r) >= t) {
                    double w = Math.exp(eta(data, beta, r));
                    total += w;
                    for (int j = 0; j < p; j++) {
                        for (int k = 0; k < p; k++) {
                            second[j][k] += w * data.covariate(r, NAMES.get(j)) * data.covariate(r, NAMES.get(k));
                        }
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < p; k++) {
                    info[j][k] += second[j][k] / total - mean[j] * mean[k];
                }
            }
        }
        return info;
    }

    private static double[] riskMean(SurvivalData data, double[] beta, double t) {
        double total = 0;
        double[] sum = new double[beta.length];
        for (int r = 1; r <= data.size(); r++) {
            if (data.duration(r) >= t) {
                double w = Math.exp(eta(data, beta, r));
                total += w;
                for (int j = 0; j < beta.length; j++) {
                    sum[j] += w * data.covariate(r, NAMES.get(j));
                }
            }
        }
        for (int j = 0; j < beta.length; j++) {
            sum[j] /= total;
        }
        return sum;
    }

    private static double eta(SurvivalData data, double[] beta, int row) {
        double eta = 0;
        for (int j = 0; j < beta.length; j++) {
            eta += beta[j] * data.covariate(row, NAMES.get(j));
        }
        return eta;
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] matrix, double[] rhs) {
        int n = rhs.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = java.util.Arrays.copyOf(matrix[i], n + 1);
            a[i][n] = rhs[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                pivot = Math.abs(a[r][col]) > Math.abs(a[pivot][col]) ? r : pivot;
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = col + 1; r < n; r++) {
                double factor = a[r][col] / a[col][col];
                for (int c = col; c <= n; c++) {
                    a[r][c] -= factor * a[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = a[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= a[r][c] * x[c];
            }
            x[r] = sum / a[r][r];
        }
        return x;
    }

    private static double[][] centredCrossProducts() {
        double[] mean = new double[3];
        for (double[] row : ROWS) {
            for (int j = 0; j < 3; j++) {
                mean[j] += row[j] / ROWS.length;
            }
        }
        double[][] cross = new double[3][3];
        for (double[] row : ROWS) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    cross[j][k] += (row[j] - mean[j]) * (row[k] - mean[k]);
                }
            }
        }
        return cross;
    }

    private static double determinant(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
