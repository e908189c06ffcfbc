package dev.cxm.metrics.clv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cxm.metrics.clv.FitOptions;
import dev.cxm.metrics.clv.rfm.internal.CellColumns;
import dev.cxm.metrics.stats.ModelFit;

/**
 * Oracles, computed in this test: {@code meanRate} is the weighted repeat purchases over the weighted ages
 * (1 without any age, at least 1e-6). For the fit, a likelihood quadratic in log lambda,
 * {@code -sum_i w_i (log lambda - log(x_i / T_i))^2 / 2}, whose maximum is the weighted mean of
 * {@code log(x_i / T_i)} and which Newton's method reaches in exactly one step from within a factor e^3 (so a
 * fit from elsewhere takes 1 iteration, from the maximum 0). Rows repeat the rates 0.2, 0.1, 0.2, 0.4, so every
 * 4th row from the first (the sample of a set of 100,001 rows: every {@code 100001 / 25000}-th) has rate 0.2,
 * the same maximum (log 0.2) as all rows. Above 100,000 rows (and only without given starting values) the fit on
 * all rows starts from the sample's maximum, found to 100 times the tolerance: 0 iterations on all rows.
 */
class ModelFitterTest {

    private static final double[] RATES = {0.2, 0.1, 0.2, 0.4};

    @Test
    void meanRateIsWeightedPurchasesOverWeightedAge() {
        CellColumns cells = columns(new int[] {2, 0, 4}, new double[] {10, 5, 20}, new double[] {1, 3, 0.5});
        assertThat(ModelFitter.meanRate(cells)).isCloseTo(4.0 / 35, within(1e-15));
        assertThat(ModelFitter.meanRate(columns(new int[] {0, 0}, new double[] {10, 5}, new double[] {1, 1})))
                .isEqualTo(1e-6);
        assertThat(ModelFitter.meanRate(columns(new int[] {0}, new double[] {0}, new double[] {2}))).isEqualTo(1);
        assertThat(ModelFitter.meanRate(columns(new int[0], new double[0], new double[0]))).isEqualTo(1);
    }

    @Test
    void largeDataAreFittedFromTheMaximumOfASample() {
        FitOptions defaults = FitOptions.ofDefaults();
        ModelFit<Double> large = fit(100_001, defaults, 1);
        assertThat(large.converged()).isTrue();
        assertThat(large.iterations()).isZero();
        assertThat(large.parameters().get("lambda")).isCloseTo(0.2, within(1e-12));
        assertThat(large.model()).hasValueSatisfying(model -> assertThat(model).isCloseTo(0.2, within(1e-12)));
        // Exactly 100,000 rows are not "large": one Newton step from the default start.
        ModelFit<Double> limit = fit(100_000, defaults, 1);
        assertThat(limit.iterations()).isEqualTo(1);
        assertThat(limit.parameters().get("lambda")).isCloseTo(0.2, within(1e-12));
        // Given starting values are used as given.
        ModelFit<Double> given = fit(100_001, FitOptions.custom().initialParameters(Map.of("lambda", 1.0)).build(), 1);
        assertThat(given.iterations()).isEqualTo(1);
        // The sample is fitted to 100 times the tolerance: from a default start where the gradient is 5e-7
        // (log lambda 5e-7 above the maximum, curvature 1) it does not move, and the fit on all rows then takes
        // the one step to the tolerance 1e-8.
        ModelFit<Double> close = fit(100_001, defaults, 0.2 * Math.exp(5e-7));
        assertThat(close.iterations()).isEqualTo(1);
        // A sample fit that does not converge leaves the default start: from log lambda 9 above the maximum
        // three capped steps reach it, so with one iteration allowed neither fit converges, and the full fit
        // reports one step (a factor e^3) down from the default start.
        double far = 0.2 * Math.exp(9);
        ModelFit<Double> none = fit(100_001, FitOptions.custom().maxIterations(1).build(), far);
        assertThat(none.converged()).isFalse();
        assertThat(none.model()).isEmpty();
        assertThat(none.parameters().get("lambda")).isCloseTo(far * Math.exp(-3), within(1e-9 * far));
        assertThat(none.problem()).hasValueSatisfying(problem -> assertThat(problem).startsWith(
                "no convergence after 1 iterations"));
    }

    private static ModelFit<Double> fit(int rows, FitOptions options, double start) {
        int[] x = new int[rows];
        double[] t = new double[rows];
        double[] w = new double[rows];
        for (int i = 0; i < rows; i++) {
            t[i] = 10;
            x[i] = (int) Math.round(RATES[i % 4] * 10);
            w[i] = 1;
        }
        return ModelFitter.fit("rate", columns(x, t, w), options, new double[] {start}, ModelFitterTest::likelihood,
                p -> p[0], ModelFitter.Extras.NONE);
    }

    private static LogLikelihood likelihood(CellColumns cells) {
        return new LogLikelihood() {
            @Override
            public String[] parameterNames() {
                return new String[] {"lambda"};
            }

            @Override
            public int analyticOrder() {
                return 2;
            }

            @Override
            public double totalWeight() {
                return cells.totalWeight();
            }

            @Override
            public double[] evaluate(double[] p, int order) {
                // Summed per distinct rate (the rows' weights first): a plain sum of 100,000 squares carries
                // about 1e-8 of rounding, as much as a Newton step near the maximum gains.
                java.util.TreeMap<Double, Double> weights = new java.util.TreeMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    weights.merge(cells.frequency(i) / cells.age(i), cells.weight(i), Double::sum);
                }
                double theta = Math.log(p[0]);
                double value = 0;
                double slope = 0;
                for (Map.Entry<Double, Double> rate : weights.entrySet()) {
                    double d = theta - Math.log(rate.getKey());
                    value -= rate.getValue() * d * d / 2;
                    slope -= rate.getValue() * d;
                }
                return new double[] {value, slope / p[0], (-cells.totalWeight() - slope) / (p[0] * p[0])};
            }
        };
    }

    private static CellColumns columns(int[] x, double[] t, double[] w) {
        double[] recency = new double[x.length];
        double[] spend = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            recency[i] = x[i] > 0 ? t[i] : 0;
            spend[i] = Double.NaN;
        }
        return new CellColumns(ChronoUnit.DAYS, x, recency, t, spend, w);
    }

    @Test
    void extrasArePassedThrough() {
        ModelFitter.Extras extras = new ModelFitter.Extras(List.of("a warning"), Map.of("d", 1.5));
        ModelFit<Double> fit = ModelFitter.fit("rate", columns(new int[] {2, 1}, new double[] {10, 10},
                new double[] {1, 1}), FitOptions.ofDefaults(), new double[] {1}, ModelFitterTest::likelihood, p -> p[0],
                extras);
        assertThat(fit.converged()).isTrue();
        assertThat(fit.warnings()).containsExactly("a warning");
        assertThat(fit.diagnostics()).containsExactly(Map.entry("d", 1.5));
        // log lambda at the mean of log 0.2 and log 0.1; standard error of log lambda 1 / sqrt(2).
        assertThat(fit.parameters().get("lambda")).isCloseTo(Math.sqrt(0.02), within(1e-12));
        assertThat(fit.standardErrors().get("lambda")).isCloseTo(Math.sqrt(0.02) / Math.sqrt(2), within(1e-9));
    }
}
