package dev.cxm.metrics.clv;

import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.stats.ModelFit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * A handful of customers cannot identify four parameters: a fit of at most five must never come back as
 * converged with plausible-looking numbers, and a converged fit of a small set must have pinned every
 * parameter down. Oracle: the definition of identification (a standard error of each log parameter of at
 * most 3, i.e. an estimate known within a factor e^3, at a maximum of positive definite information) and the
 * counting argument that one to five (frequency, recency, T) rows give too little curvature for four free
 * parameters; the data are simulated from the models themselves (seeded).
 */
class IdentifiabilityTest {

    private static final BgNbdModel BG = BgNbdModel.of(0.25, 4, 0.8, 2.5, ChronoUnit.WEEKS);
    private static final ParetoNbdModel PARETO = ParetoNbdModel.of(0.55, 10.6, 0.61, 11.7, ChronoUnit.WEEKS);

    @Test
    void theReviewersSingleCustomerIsNotAFit() {
        // The row 1,3,10,20 (x = 3, t_x = 10, T = 20) once converged at r = 5.6e7, alpha = 2.2e8.
        RfmCells one = RfmCells.builder(ChronoUnit.WEEKS).add(3, 10, 20).build();
        for (ModelFit<?> fit : new ModelFit<?>[] {BgNbd.ofDefaults().fit(one), MbgNbd.ofDefaults().fit(one),
                ParetoNbd.ofDefaults().fit(one)}) {
            assertThat(fit.converged()).as(fit.name()).isFalse();
            assertThat(fit.model()).as(fit.name()).isEmpty();
            assertThat(fit.problem()).as(fit.name()).hasValueSatisfying(problem -> assertThat(problem)
                    .contains("do not identify")
                            .containsPattern("run to infinity with a fixed ratio: no heterogeneity"));
        }
    }

    @Test
    void fitsOfAtMostFiveCustomersNeverReportConvergence() {
        qt().withFixedSeed(20_261_123L).withExamples(60).forAll(integers().between(1, 5), longs().between(1, 1_000_000))
                .checkAssert((count, seed) -> {
                    RfmCells cells = simulate(count, seed, count % 2 == 0);
                    if (!cells.hasRepeatPurchases()) {
                        return;
                    }
                    assertThat(BgNbd.ofDefaults().fit(cells).converged()).as("bg-nbd %s", seed).isFalse();
                    assertThat(MbgNbd.ofDefaults().fit(cells).converged()).as("mbg-nbd %s", seed).isFalse();
                    assertThat(ParetoNbd.ofDefaults().fit(cells).converged()).as("pareto-nbd %s", seed).isFalse();
                });
    }

    @Test
    void convergedFitsOfSmallSetsPinEveryParameterDown() {
        qt().withFixedSeed(4_242L).withExamples(40).forAll(integers().between(3, 100), longs().between(1, 1_000_000))
                .checkAssert((count, seed) -> {
                    RfmCells cells = simulate(count, seed, seed % 2 == 0);
                    if (!cells.hasRepeatPurchases()) {
                        return;
                    }
                    for (ModelFit<?> fit : new ModelFit<?>[] {BgNbd.ofDefaults().fit(cells), ParetoNbd.ofDefaults()
                            .fit(cells)}) {
                        if (fit.converged()) {
                            fit.parameters().forEach((name, value) -> {
                                assertThat(Math.abs(Math.log(value))).as("%s %s %s", fit.name(), name, seed)
                                        .isLessThan(15);
                                assertThat(fit.standardErrors().get(name) / value).as("%s SE(log %s)", fit.name(), name)
                                        .isLessThanOrEqualTo(3);
                            });
                        }
                    }
                });
    }

    private static RfmCells simulate(int count, long seed, boolean pareto) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ages = new double[count];
        for (int i = 0; i < count; i++) {
            ages[i] = 5 + 50 * random.nextDouble();
        }
        return pareto ? PARETO.simulate(ages, seed) : BG.simulate(ages, seed);
    }
}
