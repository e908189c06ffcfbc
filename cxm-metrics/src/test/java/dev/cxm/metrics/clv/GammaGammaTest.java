package dev.cxm.metrics.clv;

import dev.cxm.metrics.stats.ModelFit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;
import dev.cxm.metrics.clv.internal.GammaGammaLikelihood;
import dev.cxm.metrics.clv.internal.Packed;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.internal.CellAccess;
import dev.cxm.metrics.clv.rfm.CustomerSummary;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.RfmSummaryOptions;

class GammaGammaTest {

    @Test
    void reproducesThePublishedCdnowEstimates() {
        // Oracle: Fader & Hardie (2013) on the 946 repeat buyers of cdnow_customers_summary_with_transactions.csv:
        // p = 6.25, q = 3.74, v = 15.44 (2 d.p.; the file's zbar is itself rounded to 2 d.p., hence 0.01).
        ModelFit<GammaGammaModel> fit = GammaGamma.ofDefaults().fit(ClvData.cdnowCellsWithSpend());
        assertThat(fit.converged()).isTrue();
        assertThat(fit.parameters().get("p")).isCloseTo(6.25, within(0.01));
        assertThat(fit.parameters().get("q")).isCloseTo(3.74, within(0.01));
        assertThat(fit.parameters().get("v")).isCloseTo(15.44, within(0.01));
        assertThat(fit.standardErrors()).containsOnlyKeys("p", "q", "v");
        assertThat(fit.warnings()).isEmpty();
    }

    @Test
    void logLikelihoodMatchesAnIndependentComputationAndIsMaximal() {
        // Oracle: mpmath (src/test/resources/data/mpmath-oracles.py, 30 digits) sums Fader & Hardie's (2013)
        // closed form over the 946 repeat buyers at the published p, q, v = 6.25, 3.74, 15.44:
        // -4055.92471273017. The fit's log-likelihood, at its unrounded maximum, must be at least that and
        // within the rounding of the published estimates of it.
        GammaGammaModel published = GammaGammaModel.of(6.25, 3.74, 15.44);
        double sum = 0;
        for (ClvData.SummaryRow row : ClvData.cdnowSummaryWithSpend()) {
            if (row.frequency() > 0) {
                sum += published.logLikelihood(row.frequency(), row.spend());
            }
        }
        assertThat(sum).isCloseTo(-4055.92471273017, within(1e-8));
        ModelFit<GammaGammaModel> fit = GammaGamma.ofDefaults().fit(ClvData.cdnowCellsWithSpend());
        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(sum).isCloseTo(sum, within(0.01));
    }

    @Test
    void expectedAverageSpendMatchesHardiesSpreadsheet() {
        // Oracle: Hardie's Gamma-Gamma spreadsheet (brucehardie.com/notes/025), the expected average spend of the
        // first ten CDNOW customers, 2 d.p., as quoted in lifetimes' tests.
        GammaGammaModel model = GammaGamma.ofDefaults().fit(ClvData.cdnowCellsWithSpend()).requireModel();
        double[] expected = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
        var rows = ClvData.cdnowSummaryWithSpend();
        for (int i = 0; i < 10; i++) {
            var row = rows.get(i);
            double spend = row.frequency() == 0 ? model.expectedAverageSpend()
                    : model.expectedAverageSpend(row.frequency(), row.spend());
            assertThat(spend).as("customer %d", row.id()).isCloseTo(expected[i], within(0.01));
        }
    }

    @Test
    void expectedAverageSpendMatchesTheTrueMeanSpendOfSimulatedCustomers() {
        // Oracle: 200,000 customers simulated in this test: nu ~ Gamma(q, v), x purchases of Gamma(p, nu) each;
        // per frequency and mean-spend band, the mean prediction must match the mean true p / nu.
        double p = 3;
        double q = 5;
        double v = 40;
        GammaGammaModel model = GammaGammaModel.of(p, q, v);
        GenerativeSimulation simulation = new GenerativeSimulation(2013);
        TreeMap<String, double[]> cells = new TreeMap<>();
        for (int i = 0; i < 200_000; i++) {
            int x = 1 + i % 6;
            double nu = simulation.gamma(q) / v;
            double total = 0;
            for (int k = 0; k < x; k++) {
                total += simulation.gamma(p) / nu;
            }
            double mean = total / x;
            int band = (int) Math.min(5, mean / 10);
            double[] cell = cells.computeIfAbsent(x + "/" + band, key -> new double[4]);
            cell[0]++;
            cell[1] += p / nu;
            cell[2] += (p / nu) * (p / nu);
            cell[3] += model.expectedAverageSpend(x, mean);
        }
        int checked = 0;
        for (var entry : cells.entrySet()) {
            double[] cell = entry.getValue();
            if (cell[0] < 2000) {
                continue;
            }
            double mean = cell[1] / cell[0];
            double sd = Math.sqrt((cell[2] / cell[0] - mean * mean) / cell[0]);
            assertThat(cell[3] / cell[0]).as("cell %s", entry.getKey()).isCloseTo(mean, within(4 * sd));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(15);
    }

    @Test
    void fitRecoversTheParametersItsDataWereSimulatedFrom() {
        // Oracle: the parameters the 20,000 mean spends were simulated from, within four standard errors.
        GammaGammaModel truth = GammaGammaModel.of(4, 6, 80);
        int[] frequencies = new int[20_000];
        for (int i = 0; i < frequencies.length; i++) {
            frequencies[i] = 1 + i % 10;
        }
        double[] spends = truth.simulateMeanSpend(frequencies, 99);
        RfmCells.Builder cells = RfmCells.builder(ChronoUnit.DAYS);
        for (int i = 0; i < spends.length; i++) {
            cells.add(frequencies[i], 1, 2, OptionalDouble.of(spends[i]), 1);
        }
        ModelFit<GammaGammaModel> fit = GammaGamma.ofDefaults().fit(cells.build());
        assertThat(fit.converged()).isTrue();
        truth.parameters().forEach((name, value) -> assertThat(fit.parameters().get(name)).as(name)
                .isCloseTo(value, within(4 * fit.standardErrors().get(name))));
    }

    @Test
    void analyticGradientAndHessianMatchFiniteDifferences() {
        // Oracle: central finite differences of the log-likelihood value.
        GammaGammaLikelihood likelihood =
                new GammaGammaLikelihood(CellAccess.columns(repeatBuyers(ClvData.cdnowCellsWithSpend())));
        double[] at = {5.0, 3.0, 20.0};
        double[] packed = likelihood.evaluate(at, 2);
        double[] gradient = FiniteDifferences.gradient(q -> likelihood.evaluate(q, 0)[0], at, 1e-6);
        double[][] hessian = FiniteDifferences.hessian(q -> likelihood.evaluate(q, 0)[0], at, 1e-4);
        for (int i = 0; i < 3; i++) {
            assertThat(packed[Packed.gradient(i)]).isCloseTo(gradient[i], within(1e-6 * (1 + Math.abs(gradient[i]))));
            for (int j = i; j < 3; j++) {
                assertThat(packed[Packed.hessian(3, i, j)]).isCloseTo(hessian[i][j],
                        within(1e-4 * (1 + Math.abs(hessian[i][j]))));
            }
        }
        assertThat(GammaGammaModel.of(at[0], at[1], at[2]).logLikelihood(2, 22.35))
                .isCloseTo(new GammaGammaLikelihood(CellAccess.columns(RfmCells.builder(ChronoUnit.WEEKS)
                        .add(2, 30.43, 38.86, OptionalDouble.of(22.35), 1).build())).evaluate(at, 0)[0],
                        within(1e-12));
    }

    @Test
    void warnsWhenSpendCorrelatesWithFrequency() {
        // Oracle: the Pearson correlation of frequency and spend computed in this test.
        RfmCells.Builder builder = RfmCells.builder(ChronoUnit.DAYS);
        double[] x = new double[400];
        double[] y = new double[400];
        for (int i = 0; i < 400; i++) {
            x[i] = 1 + i % 8;
            y[i] = 10 * x[i] + 5 + (i * 37 % 11);
            builder.add((int) x[i], 1, 2, OptionalDouble.of(y[i]), 1);
        }
        ModelFit<GammaGammaModel> fit = GammaGamma.ofDefaults().fit(builder.build());
        assertThat(fit.diagnostics().get("frequencySpendCorrelation")).isCloseTo(pearson(x, y), within(1e-12));
        assertThat(fit.warnings()).singleElement().asString().contains("frequency and spend correlate")
                .contains("independent");

        ModelFit<GammaGammaModel> cdnow = GammaGamma.ofDefaults().fit(ClvData.cdnowCellsWithSpend());
        var rows = ClvData.cdnowSummaryWithSpend().stream().filter(row -> row.frequency() > 0).toList();
        assertThat(cdnow.diagnostics().get("frequencySpendCorrelation")).isCloseTo(
                pearson(rows.stream().mapToDouble(row -> row.frequency()).toArray(),
                        rows.stream().mapToDouble(row -> row.spend()).toArray()), within(1e-12));
        assertThat(cdnow.warnings()).isEmpty();
    }

    @Test
    void refusesSpendItCannotModelNamingTheRowOrCustomer() {
        // Oracle: the model's support (spend is positive) and the policy: REFUSE refuses a repeat buyer with a
        // spend of 0, naming the row of anonymous cells or the customer of a summary; a repeat buyer without
        // any spend is malformed input under either policy; nobody repeating is a fit that is not identified.
        RfmCells zero = RfmCells.builder(ChronoUnit.DAYS).add(3, 2, 3, OptionalDouble.of(5), 1)
                .add(2, 1, 3, OptionalDouble.of(0), 1).build();
        GammaGamma refusing = GammaGamma.custom().zeroSpend(GammaGamma.ZeroSpend.REFUSE).build();
        assertThatThrownBy(() -> refusing.fit(zero)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("monetaryValue: 0 is not positive (row 2)");
        RfmSummary summary = new RfmSummary(RfmSummaryOptions.ofDefaults(Instant.parse("2026-01-04T00:00:00Z"),
                ChronoUnit.DAYS), Optional.empty(), List.of(
                new CustomerSummary(CustomerId.of("c1"), 3, 2, 3, OptionalDouble.of(5), OptionalDouble.of(20),
                        Optional.empty()),
                new CustomerSummary(CustomerId.of("c2"), 2, 1, 3, OptionalDouble.of(0), OptionalDouble.of(9),
                        Optional.empty())));
        assertThatThrownBy(() -> refusing.fit(summary)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("monetaryValue: 0 is not positive (customer c2)");
        RfmCells missing = RfmCells.builder(ChronoUnit.DAYS).add(2, 1, 3).build();
        assertThatThrownBy(() -> GammaGamma.ofDefaults().fit(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the repeat buyer row 1 has no spend");
        RfmCells nobody = RfmCells.builder(ChronoUnit.DAYS).add(0, 0, 3).build();
        ModelFit<GammaGammaModel> notIdentified = GammaGamma.ofDefaults().fit(nobody);
        assertThat(notIdentified.converged()).isFalse();
        assertThat(notIdentified.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("no customer made a repeat purchase"));
        assertThatThrownBy(() -> GammaGammaModel.of(6, 0.8, 15).expectedAverageSpend())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is infinite");
        assertThatThrownBy(() -> GammaGammaModel.of(6, 3, 15).expectedAverageSpend(2, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("monetaryValue: -1.0 is negative");
    }

    @Test
    void skipsRepeatBuyersWithoutSpendByDefaultAndSaysHowMany() {
        // Oracle: the fit of the CDNOW repeat buyers alone: adding customers with a spend of 0 (two of weight 1,
        // one cell of weight 3) under the default policy leaves the estimates exactly as they were, and the fit
        // reports the five customers it left out; when every repeat buyer spends 0 there is nothing to fit.
        RfmCells cdnow = ClvData.cdnowCellsWithSpend();
        RfmCells.Builder withZeros = RfmCells.builder(ChronoUnit.WEEKS);
        for (int i = 0; i < cdnow.size(); i++) {
            withZeros.add(cdnow.frequency(i), cdnow.recency(i), cdnow.age(i), cdnow.monetaryValue(i), cdnow.weight(i));
            if (i == 10 || i == 500) {
                withZeros.add(2, 10, 38.86, OptionalDouble.of(0), 1);
            }
        }
        withZeros.add(1, 5, 30, OptionalDouble.of(0), 3);
        ModelFit<GammaGammaModel> plain = GammaGamma.ofDefaults().fit(cdnow);
        ModelFit<GammaGammaModel> skipping = GammaGamma.ofDefaults().fit(withZeros.build());
        assertThat(skipping.converged()).isTrue();
        assertThat(skipping.parameters()).isEqualTo(plain.parameters());
        assertThat(skipping.logLikelihood()).isEqualTo(plain.logLikelihood());
        assertThat(skipping.diagnostics()).containsEntry("zeroSpendSkipped", 5.0)
                .containsEntry("frequencySpendCorrelation", plain.diagnostics().get("frequencySpendCorrelation"));
        assertThat(skipping.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("5 repeat buyers with a mean spend of 0 left out of the fit"));
        assertThat(plain.diagnostics()).doesNotContainKey("zeroSpendSkipped");
        ModelFit<GammaGammaModel> allZero = GammaGamma.ofDefaults().fit(RfmCells.builder(ChronoUnit.WEEKS)
                .add(2, 1, 3, OptionalDouble.of(0), 1).add(0, 0, 3).build());
        assertThat(allZero.converged()).isFalse();
        assertThat(allZero.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("no repeat buyer has a positive spend"));
        assertThat(allZero.diagnostics()).containsEntry("zeroSpendSkipped", 1.0);
    }

    private static RfmCells repeatBuyers(RfmCells cells) {
        RfmCells.Builder buyers = RfmCells.builder(cells.unit());
        for (int i = 0; i < cells.size(); i++) {
            if (cells.frequency(i) > 0) {
                buyers.add(cells.frequency(i), cells.recency(i), cells.age(i), cells.monetaryValue(i), cells.weight(i));
            }
        }
        return buyers.build();
    }

    private static double pearson(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void aSpendScaleShapeOfAtMostOneWarnsAndHasNoLifetimeValue() {
        // Oracle: the model's algebra: the population mean spend p v / (q - 1) is infinite for q <= 1, while a
        // repeat buyer's posterior mean p (v + x m) / (p x + q - 1) stays finite once p x + q > 1. Data simulated
        // from q = 0.7 (seeded) fit to a q below 1.
        GammaGammaModel heavy = GammaGammaModel.of(6, 0.7, 15);
        assertThat(heavy.hasFiniteSpend(0)).isFalse();
        assertThat(heavy.hasFiniteSpend(1)).isTrue();
        assertThat(GammaGammaModel.of(0.1, 0.7, 15).hasFiniteSpend(2)).isFalse();
        assertThatThrownBy(() -> CustomerLifetimeValue.of(BgNbdModel.of(0.24, 4.4, 0.79, 2.4, ChronoUnit.WEEKS), heavy,
                ClvSettings.custom(java.time.Duration.ofDays(364)).period(java.time.Duration.ofDays(7))
                        .discountRate(0).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("spend: q = 0.7 is at most 1");
        int[] frequencies = new int[4000];
        for (int i = 0; i < frequencies.length; i++) {
            frequencies[i] = 1 + i % 6;
        }
        double[] means = heavy.simulateMeanSpend(frequencies, 17);
        RfmCells.Builder cells = RfmCells.builder(ChronoUnit.WEEKS);
        for (int i = 0; i < frequencies.length; i++) {
            cells.add(frequencies[i], 1, 2, java.util.OptionalDouble.of(means[i]), 1);
        }
        ModelFit<GammaGammaModel> fit = GammaGamma.ofDefaults().fit(cells.build());
        assertThat(fit.converged()).as(fit.problem().orElse("")).isTrue();
        assertThat(fit.parameters().get("q")).isLessThan(1);
        assertThat(fit.warnings()).anySatisfy(warning -> assertThat(warning).contains("is at most 1"));
        assertThat(fit.diagnostics()).containsKey("q");
    }
}
