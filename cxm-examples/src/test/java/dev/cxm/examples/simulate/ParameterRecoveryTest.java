package dev.cxm.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.core.io.CsvColumnMapping;
import dev.cxm.core.io.CsvEventImporter;
import dev.cxm.core.io.ImportPolicy;
import dev.cxm.core.io.ImportReport;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Purchase;
import dev.cxm.metrics.churn.ShiftedBetaGeometric;
import dev.cxm.metrics.churn.ShiftedBetaGeometricModel;
import dev.cxm.metrics.clv.BgNbd;
import dev.cxm.metrics.clv.BgNbdModel;
import dev.cxm.metrics.clv.GammaGamma;
import dev.cxm.metrics.clv.GammaGammaModel;
import dev.cxm.metrics.clv.rfm.RfmSummarizer;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.RfmSummaryOptions;
import dev.cxm.metrics.drivers.DriverCsv;
import dev.cxm.metrics.drivers.DriverData;
import dev.cxm.metrics.drivers.DriverImportance;
import dev.cxm.metrics.drivers.KeyDriverResult;
import dev.cxm.metrics.drivers.KeyDrivers;
import dev.cxm.metrics.stats.ModelFit;
import dev.cxm.metrics.survival.KaplanMeier;
import dev.cxm.metrics.survival.SurvivalCsv;
import dev.cxm.metrics.survival.SurvivalCurve;
import dev.cxm.metrics.survival.SurvivalEstimate;

/**
 * The models recover the parameters that generated the default world (20,000 customers, the default seed),
 * fitted as a user would: from the files, through the library (the event file read once, as {@code cxm import}
 * reads it). The expected numbers are the generating
 * parameters in {@code truth.json}; the tolerances are stated per test (four standard errors of the fit, or
 * of the Kaplan-Meier estimate, where the fit gives one).
 */
class ParameterRecoveryTest {

    private static SimulatedWorld world;
    private static JsonNode truth;
    private static Instant end;
    private static RfmSummary summary;
    /** Per member: the instants (epoch seconds) of joining and of cancelling (-1 when still a member). */
    private static final Map<String, long[]> MEMBERSHIPS = new HashMap<>();
    private static final Map<String, String> PLANS = new HashMap<>();

    /** Reads the event file once, as {@code cxm import} would, keeping the purchases and membership events. */
    @BeforeAll
    static void simulateAndRead() throws IOException {
        world = Worlds.defaults();
        truth = new ObjectMapper().readTree(world.truth().toFile());
        end = Instant.parse(truth.at("/observation/end").asText());
        RfmSummarizer summarizer = RfmSummarizer.of(RfmSummaryOptions.custom(end, ChronoUnit.WEEKS).continuousTime()
                .build());
        CsvColumnMapping mapping = CsvColumnMapping.custom().attributeColumns(List.of("plan")).build();
        ImportReport report = CsvEventImporter.ofDefaults(mapping, ImportPolicy.FAIL_ON_FIRST_ERROR).importInto(event -> {
            if (event instanceof Purchase purchase) {
                summarizer.add(purchase);
            } else if (event instanceof Interaction interaction && interaction.attributes().containsKey("plan")) {
                String customer = interaction.customerId().value();
                PLANS.put(customer, interaction.attributes().get("plan"));
                long[] times = MEMBERSHIPS.computeIfAbsent(customer, c -> new long[] {-1, -1});
                times[interaction.outcome().equals("joined") ? 0 : 1] = interaction.occurredAt().getEpochSecond();
            }
        }, world.eventsCsv());
        assertThat(report.rejectedCount()).isZero();
        summary = summarizer.result();
    }

    private static double truth(String pointer) {
        return truth.at(pointer + "/value").asDouble();
    }

    /** Tolerance: each parameter within four standard errors of the fit (BG/NBD's purchases in continuous time). */
    @Test
    void bgNbdAndGammaGammaRecoverTheirParametersFromTheEventFile() {
        ModelFit<BgNbdModel> bgNbd = BgNbd.ofDefaults().fit(summary);
        assertThat(bgNbd.converged()).isTrue();
        for (String parameter : List.of("r", "alpha", "a", "b")) {
            assertThat(bgNbd.parameters().get(parameter)).as("BG/NBD %s", parameter)
                    .isCloseTo(truth("/bgNbd/" + parameter), within(4 * bgNbd.standardErrors().get(parameter)));
        }
        ModelFit<GammaGammaModel> spend = GammaGamma.ofDefaults().fit(summary);
        assertThat(spend.converged()).isTrue();
        for (String parameter : List.of("p", "q", "v")) {
            assertThat(spend.parameters().get(parameter)).as("Gamma-Gamma %s", parameter)
                    .isCloseTo(truth("/gammaGamma/" + parameter), within(4 * spend.standardErrors().get(parameter)));
        }
    }

    /**
     * The sBG fitted to each plan's cohort of members who joined at least 12 periods before the end (survivor
     * counts after 0..12 periods, from the membership events): alpha and beta within four standard errors.
     */
    @Test
    void shiftedBetaGeometricRecoversEachPlansChurnFromTheMembershipEvents() {
        long period = truth.at("/churn/period/value").asLong() * 86_400;
        long cohortEnd = end.getEpochSecond() - 12 * period;
        for (String plan : List.of("basic", "plus", "premium")) {
            long[] survivors = new long[13];
            MEMBERSHIPS.forEach((customer, times) -> {
                if (PLANS.get(customer).equals(plan) && times[0] < cohortEnd) {
                    long periods = times[1] < 0 ? Long.MAX_VALUE : (times[1] - times[0] + period - 1) / period;
                    for (int t = 0; t < survivors.length; t++) {
                        survivors[t] += periods > t ? 1 : 0;
                    }
                }
            });
            ModelFit<ShiftedBetaGeometricModel> fit = ShiftedBetaGeometric.ofDefaults().fit(survivors);
            assertThat(fit.converged()).as(plan).isTrue();
            for (String parameter : List.of("alpha", "beta")) {
                assertThat(fit.parameters().get(parameter)).as("sBG %s of %s", parameter, plan).isCloseTo(
                        truth("/churn/plans/" + plan + "/" + parameter),
                        within(4 * fit.standardErrors().get(parameter)));
            }
        }
    }

    /**
     * Kaplan-Meier on {@code subjects.csv} per plan: S at the end of periods 1..6 within four Greenwood standard
     * errors of the sBG's survival in truth.json, and the median within one period of the truth's median.
     */
    @Test
    void kaplanMeierOnTheSubjectsFollowsTheTrueSurvivalOfEachPlan() throws IOException {
        int period = truth.at("/churn/period/value").asInt();
        Map<String, SurvivalCurve> curves = KaplanMeier.ofDefaults().fitByGroup(SurvivalCsv.custom(ChronoUnit.DAYS)
                .durationColumn("tenure_days").eventColumn("churned").groupColumn("plan").build()
                .read(world.subjects()));
        assertThat(curves).containsOnlyKeys("basic", "plus", "premium");
        curves.forEach((plan, curve) -> {
            JsonNode survival = truth.at("/churn/plans/" + plan + "/survival/value");
            for (int t = 1; t <= 6; t++) {
                SurvivalEstimate estimate = curve.at(t * period);
                assertThat(estimate.survival()).as("S(%d periods) of %s", t, plan).isCloseTo(survival.get(t).asDouble(),
                        within(4 * estimate.standardError().orElseThrow()));
            }
            assertThat(curve.median().estimate().orElseThrow()).as("median of %s", plan)
                    .isCloseTo(truth("/churn/plans/" + plan + "/medianTenure"), within((double) period));
        });
    }

    /**
     * Key drivers on {@code drivers.csv}: the Shapley shares rank the drivers in the order truth.json states, and
     * a least-squares fit computed here (normal equations, Gaussian elimination) gives each driver's weight
     * within 0.1 NPS points per rating point of the truth (rounding and the clamp to 0..10 bias it a little).
     */
    @Test
    void keyDriversRankTheDriversInTheTrueOrderAndLeastSquaresFindsTheirWeights() throws IOException {
        List<String> drivers = new ArrayList<>();
        truth.at("/drivers/weights").fieldNames().forEachRemaining(drivers::add);
        DriverData data = DriverCsv.ofDefaults("recommend", drivers).read(world.drivers());
        KeyDriverResult result = KeyDrivers.custom().resamples(0).build().compute(data);
        List<String> ranked = result.drivers().stream().sorted(Comparator.comparingInt(DriverImportance::rank))
                .map(DriverImportance::name).toList();
        List<String> expected = new ArrayList<>();
        truth.at("/drivers/shareOrder").forEach(name -> expected.add(name.asText()));
        assertThat(ranked).isEqualTo(expected);

        double[] weights = leastSquares(world.drivers(), drivers.size());
        for (int k = 0; k < drivers.size(); k++) {
            assertThat(weights[k + 1]).as("weight of %s", drivers.get(k))
                    .isCloseTo(truth("/drivers/weights/" + drivers.get(k)), within(0.1));
        }
    }

    /** Ordinary least squares of column 3 on columns 4.. of the drivers file, with an intercept. */
    private static double[] leastSquares(Path file, int drivers) throws IOException {
        int p = drivers + 1;
        double[][] xtx = new double[p][p];
        double[] xty = new double[p];
        List<String> lines = java.nio.file.Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            double[] x = new double[p];
            x[0] = 1;
            for (int k = 0; k < drivers; k++) {
                x[k + 1] = Double.parseDouble(cells[3 + k]);
            }
            double y = Double.parseDouble(cells[2]);
            for (int i = 0; i < p; i++) {
                xty[i] += x[i] * y;
                for (int j = 0; j < p; j++) {
                    xtx[i][j] += x[i] * x[j];
                }
            }
        }
        for (int col = 0; col < p; col++) {
            for (int row = col + 1; row < p; row++) {
                double factor = xtx[row][col] / xtx[col][col];
                for (int j = col; j < p; j++) {
                    xtx[row][j] -= factor * xtx[col][j];
                }
                xty[row] -= factor * xty[col];
            }
        }
        double[] beta = new double[p];
        for (int row = p - 1; row >= 0; row--) {
            double sum = xty[row];
            for (int j = row + 1; j < p; j++) {
                sum -= xtx[row][j] * beta[j];
            }
            beta[row] = sum / xtx[row][row];
        }
        return beta;
    }
}
