package dev.cxm.metrics.clv;

import dev.cxm.metrics.stats.ModelFit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hipparchus.special.Beta;
import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;
import dev.cxm.metrics.clv.internal.BgBbLikelihood;
import dev.cxm.metrics.clv.internal.Packed;
import dev.cxm.metrics.clv.rfm.CustomerHistory;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.internal.CellAccess;
import dev.cxm.metrics.clv.rfm.CustomerSummary;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.RfmSummaryOptions;

class BgBbTest {

    private static final BgBbModel PUBLISHED = BgBbModel.of(1.204, 0.750, 0.657, 2.783, ChronoUnit.YEARS);

    @Test
    void reproducesThePublishedDonationEstimatesAndLogLikelihood() {
        // Oracle: Fader, Hardie & Shang (2010) on donations.csv: alpha = 1.204, beta = 0.750, gamma = 0.657,
        // delta = 2.783, log-likelihood -33225.58.
        ModelFit<BgBbModel> fit = BgBb.ofDefaults().fit(ClvData.donations());
        assertThat(fit.converged()).isTrue();
        assertThat(fit.parameters().get("alpha")).isCloseTo(1.204, within(0.0005));
        assertThat(fit.parameters().get("beta")).isCloseTo(0.750, within(0.0005));
        assertThat(fit.parameters().get("gamma")).isCloseTo(0.657, within(0.0005));
        assertThat(fit.parameters().get("delta")).isCloseTo(2.783, within(0.0005));
        assertThat(fit.logLikelihood()).isCloseTo(-33225.58, within(0.005));
        assertThat(fit.standardErrors()).containsOnlyKeys("alpha", "beta", "gamma", "delta");
    }

    @Test
    void predictionsMatchThePaperAndHardiesSpreadsheet() {
        // Oracles: FHS 2010 Table 6, P(alive in 2002) of donors with (x, t_x) = (0, 0), (2, 4), (6, 6): 0.11,
        // 0.59, 0.93; Hardie's BG/BB spreadsheet: 12,884.2 expected donations from the cohort in the next five
        // years, and 3,454.9 donors expected with no repeat donation and 1,253.1 with six in the first six
        // years (as quoted in lifetimes' tests); all at the fitted estimates.
        BgBbModel model = BgBb.ofDefaults().fit(ClvData.donations()).requireModel();
        assertThat(model.probabilityAliveAtNextOpportunity(CustomerHistory.of(0, 0, 6))).isCloseTo(0.11, within(0.005));
        assertThat(model.probabilityAliveAtNextOpportunity(CustomerHistory.of(2, 4, 6))).isCloseTo(0.59, within(0.005));
        assertThat(model.probabilityAliveAtNextOpportunity(CustomerHistory.of(6, 6, 6))).isCloseTo(0.93, within(0.005));
        RfmCells cells = ClvData.donations();
        double total = 0;
        for (int i = 0; i < cells.size(); i++) {
            total += cells.weight(i) * model.conditionalExpectedPurchases(5, cells.history(i));
        }
        assertThat(total).isCloseTo(12884.2, within(0.05));
        assertThat(11104 * model.probabilityOfPurchases(0, 6)).isCloseTo(3454.9, within(0.05));
        assertThat(11104 * model.probabilityOfPurchases(6, 6)).isCloseTo(1253.1, within(0.05));
    }

    @Test
    void conditionalExpectationEqualsTheSumOverFuturePeriodsThroughGammaOne() {
        // Oracle: E[X(n, n + m)] = sum over j = 1..m of E[p] P(alive at n + j), with each term's Beta integrals
        // written out in this test; at gamma near and equal to 1, where the closed form is 0/0.
        for (double gamma : new double[] {0.657, 1 - 1e-4, 1 - 1e-7, 1, 1 + 1e-7, 1 + 1e-4, 2.5}) {
            BgBbModel model = BgBbModel.of(1.204, 0.750, gamma, 2.783, ChronoUnit.YEARS);
            for (int[] history : new int[][] {{0, 0, 6}, {2, 4, 6}, {6, 6, 6}, {3, 10, 40}}) {
                int x = history[0];
                int recency = history[1];
                int n = history[2];
                double likelihood = Math.exp(model.logLikelihood(CustomerHistory.of(x, recency, n)));
                double sum = 0;
                for (int j = 1; j <= 7; j++) {
                    sum += Math.exp(Beta.logBeta(1.204 + x + 1, 0.750 + n - x) - Beta.logBeta(1.204, 0.750)
                            + Beta.logBeta(gamma, 2.783 + n + j) - Beta.logBeta(gamma, 2.783)) / likelihood;
                }
                assertThat(model.conditionalExpectedPurchases(7, CustomerHistory.of(x, recency, n)))
                        .as("gamma %s, history %s", gamma, x + "/" + recency)
                        .isCloseTo(sum, within(1e-9 * sum));
            }
        }
    }

    @Test
    void predictionsMatchASimulationCellByCell() {
        // Oracle: 200,000 donors simulated in this test from the BG/BB story at the published estimates over
        // six opportunities and five more; per (x, t_x) cell the share alive at opportunity 6 (now) and at 7 (the
        // next), the mean transactions in opportunities 7 to 11, and the share of each frequency.
        GenerativeSimulation simulation = new GenerativeSimulation(2010);
        Map<String, double[]> cells = new TreeMap<>();
        int customers = 200_000;
        int[] byFrequency = new int[7];
        for (int i = 0; i < customers; i++) {
            GenerativeSimulation.Customer donor = simulation.betaGeometricBetaBinomial(1.204, 0.750, 0.657, 2.783, 6,
                    5);
            byFrequency[donor.frequency()]++;
            double[] cell = cells.computeIfAbsent(donor.frequency() + "/" + (int) donor.recency(),
                    key -> new double[5]);
            cell[0]++;
            cell[1] += donor.aliveAtNextOpportunity() ? 1 : 0;
            cell[2] += donor.holdoutPurchases();
            cell[3] += (double) donor.holdoutPurchases() * donor.holdoutPurchases();
            cell[4] += donor.aliveAtAge() ? 1 : 0;
        }
        int checked = 0;
        for (Map.Entry<String, double[]> entry : cells.entrySet()) {
            double[] cell = entry.getValue();
            if (cell[0] < 1000) {
                continue;
            }
            String[] key = entry.getKey().split("/");
            int x = Integer.parseInt(key[0]);
            int recency = Integer.parseInt(key[1]);
            double alive = cell[1] / cell[0];
            double aliveNow = cell[4] / cell[0];
            double mean = cell[2] / cell[0];
            double sd = Math.sqrt((cell[3] / cell[0] - mean * mean) / cell[0]);
            assertThat(PUBLISHED.probabilityAliveAtNextOpportunity(CustomerHistory.of(x, recency, 6)))
                    .as("P(alive next) in %s", entry.getKey())
                    .isCloseTo(alive, within(4 * Math.sqrt(alive * (1 - alive) / cell[0]) + 1e-9));
            assertThat(PUBLISHED.probabilityAlive(CustomerHistory.of(x, recency, 6))).as("P(alive now) in %s",
                    entry.getKey())
                    .isCloseTo(aliveNow, within(4 * Math.sqrt(aliveNow * (1 - aliveNow) / cell[0]) + 1e-9));
            assertThat(PUBLISHED.conditionalExpectedPurchases(5, CustomerHistory.of(x, recency, 6))).as("E[X] in %s",
                    entry.getKey())
                    .isCloseTo(mean, within(4 * sd + 1e-9));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(15);
        double probabilities = 0;
        for (int k = 0; k <= 6; k++) {
            double share = byFrequency[k] / (double) customers;
            assertThat(PUBLISHED.probabilityOfPurchases(k, 6)).as("P(X(6) = %d)", k)
                    .isCloseTo(share, within(4 * Math.sqrt(share * (1 - share) / customers)));
            probabilities += PUBLISHED.probabilityOfPurchases(k, 6);
        }
        assertThat(probabilities).isCloseTo(1, within(1e-12));
    }

    @Test
    void analyticGradientMatchesFiniteDifferencesAndErrorsTheInformation() {
        // Oracle: central finite differences of the log-likelihood, and the inverse of its numerical Hessian.
        RfmCells cells = ClvData.donations();
        BgBbLikelihood likelihood = new BgBbLikelihood(CellAccess.columns(cells));
        double[] at = {1.3, 0.8, 0.6, 2.5};
        double[] packed = likelihood.evaluate(at, 1);
        double[] gradient = FiniteDifferences.gradient(q -> likelihood.evaluate(q, 0)[0], at, 1e-6);
        for (int i = 0; i < 4; i++) {
            assertThat(packed[Packed.gradient(i)]).isCloseTo(gradient[i], within(1e-6 * (1 + Math.abs(gradient[i]))));
        }
        ModelFit<BgBbModel> fit = BgBb.ofDefaults().fit(cells);
        double[] estimate = fit.parameters().values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] errors = FiniteDifferences.standardErrors(FiniteDifferences.hessian(q -> likelihood.evaluate(q, 0)[0],
                estimate, 1e-4));
        String[] names = {"alpha", "beta", "gamma", "delta"};
        for (int i = 0; i < 4; i++) {
            assertThat(fit.standardErrors().get(names[i])).as(names[i]).isCloseTo(errors[i], within(1e-3 * errors[i]));
        }
    }

    @Test
    void fitRecoversTheParametersItsDataWereSimulatedFrom() {
        // Oracle: the parameters the 50,000 histories over 10 opportunities were simulated from.
        BgBbModel truth = BgBbModel.of(2.0, 1.5, 0.8, 4.0, ChronoUnit.YEARS);
        int[] opportunities = new int[50_000];
        java.util.Arrays.fill(opportunities, 10);
        ModelFit<BgBbModel> fit = BgBb.ofDefaults().fit(truth.simulate(opportunities, 5));
        assertThat(fit.converged()).isTrue();
        truth.parameters().forEach((name, value) -> assertThat(fit.parameters().get(name)).as(name)
                .isCloseTo(value, within(4 * fit.standardErrors().get(name))));
    }

    @Test
    void rejectsHistoriesThatAreNotDiscrete() {
        RfmCells fractional = RfmCells.builder(ChronoUnit.YEARS).add(1, 1, 6).add(1, 2.5, 6).build();
        assertThatThrownBy(() -> BgBb.ofDefaults().fit(fractional)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recency: not a whole number of opportunities (row 2);"
                        + " BG/BB counts discrete opportunities");
        RfmCells crowded = RfmCells.builder(ChronoUnit.YEARS).add(4, 3, 6).build();
        assertThatThrownBy(() -> BgBb.ofDefaults().fit(crowded)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("frequency: above the recency (row 1)");
        // The same refusals of a summary name the customer, not a row.
        RfmSummary summary = new RfmSummary(RfmSummaryOptions.custom(LocalDate.parse("2025-12-31"),
                ZoneOffset.UTC, ChronoUnit.YEARS).purchasePeriod(ChronoUnit.YEARS).build(), Optional.empty(), List.of(
                CustomerSummary.of(CustomerId.of("d1"), 1, 1, 6), CustomerSummary.of(CustomerId.of("d2"), 4, 3, 6)));
        assertThatThrownBy(() -> BgBb.ofDefaults().fit(summary)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("frequency: above the recency (customer d2)");
        // The model's own questions take whole opportunities only.
        assertThatThrownBy(() -> PUBLISHED.probabilityAlive(CustomerHistory.of(1, 2.5, 6)))
                .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("recency: 2.5 is not a whole number");
        assertThatThrownBy(() -> PUBLISHED.conditionalExpectedPurchases(1.5, CustomerHistory.of(1, 2, 6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t: 1.5 is not a whole number");
    }

    @Test
    void expectedTransactionsOverHundredsOfThousandsOfPeriodsNearGammaOne() {
        // Oracle: brute force of FHS (2010) eq. 9 from its definition: E[X(m)] = alpha / (alpha + beta) delta
        // [1 - G(m)] / (gamma - 1) with log G(m) = -sum_{j < m} log1p((gamma - 1) / (1 + delta + j)) summed
        // term by term here (its limit sum_j 1 / (1 + delta + j) at gamma = 1).
        int m = 300_000;
        for (double gamma : new double[] {1, 1 + 1e-9, 1 - 1e-7, 1 + 1e-4, 1.5, 0.6}) {
            BgBbModel model = BgBbModel.of(1.2, 0.75, gamma, 2.78, ChronoUnit.YEARS);
            double h = gamma - 1;
            double logG = 0;
            double harmonic = 0;
            for (int j = 0; j < m; j++) {
                double c = 1 / (1 + 2.78 + j);
                logG -= Math.log1p(h * c);
                harmonic += c;
            }
            double expected = 1.2 / (1.2 + 0.75) * 2.78 * (h == 0 ? harmonic : -Math.expm1(logG) / h);
            assertThat(model.expectedPurchases(m)).as("gamma %s", gamma).isCloseTo(expected, within(1e-10 * expected));
        }
    }
}
