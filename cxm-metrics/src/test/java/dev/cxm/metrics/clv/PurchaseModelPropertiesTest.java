package dev.cxm.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.cxm.metrics.clv.rfm.CustomerHistory;
import dev.cxm.metrics.clv.rfm.RfmCells;

/**
 * Properties of the purchase models at random parameters and histories (QuickTheories, fixed seeds). Oracles:
 * the axioms of probability (P(alive) in [0, 1]; the distribution of X(t) sums to 1 and its mean is
 * E[X(t)]), the monotonicity of a counting process's mean, the independent tanh-sinh {@link Quadrature} of
 * E[(1 - exp(-lambda p t)) / p] for a new BG/NBD customer, and the per-customer lifetime value as the oracle
 * of the bulk (Chebyshev) path.
 */
class PurchaseModelPropertiesTest {

    private static PurchaseModel model(SplittableRandom random) {
        double r = 0.1 + 3 * random.nextDouble();
        double alpha = 0.5 + 20 * random.nextDouble();
        double a = 0.1 + 3 * random.nextDouble();
        double b = 0.1 + 5 * random.nextDouble();
        return switch (random.nextInt(3)) {
            case 0 -> BgNbdModel.of(r, alpha, a, b, ChronoUnit.WEEKS);
            case 1 -> MbgNbdModel.of(r, alpha, a, b, ChronoUnit.WEEKS);
            default -> ParetoNbdModel.of(r, alpha, a, 0.5 + 20 * random.nextDouble(), ChronoUnit.WEEKS);
        };
    }

    @Test
    void probabilityAliveIsAProbability() {
        qt().withFixedSeed(101L).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            PurchaseModel model = model(random);
            int x = random.nextInt(3) == 0 ? 0 : random.nextInt(1, 200);
            double age = 100 * random.nextDouble();
            double recency = x == 0 ? 0 : age * random.nextDouble();
            assertThat(model.probabilityAlive(CustomerHistory.of(x, recency, age))).as("%s x=%d t_x=%s T=%s", model,
                    x, recency, age)
                    .isBetween(0.0, 1.0);
        });
    }

    @Test
    void theDistributionOfPurchaseCountsSumsToOneWithMeanTheExpectedPurchases() {
        qt().withFixedSeed(202L).withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            PurchaseModel model = model(random);
            double t = 0.1 + 30 * random.nextDouble();
            double total = 0;
            double mean = 0;
            for (int n = 0; n < 5000 && total < 1 - 1e-12; n++) {
                double p = model.probabilityOfPurchases(n, t);
                total += p;
                mean += n * p;
            }
            assertThat(total).as("%s t=%s", model, t).isCloseTo(1, within(1e-8));
            assertThat(mean).as("%s t=%s", model, t).isCloseTo(model.expectedPurchases(t),
                    within(1e-6 * Math.max(1, model.expectedPurchases(t))));
        });
    }

    @Test
    void expectedPurchasesGrowWithTimeAndMatchQuadrature() {
        qt().withFixedSeed(303L).withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            PurchaseModel model = model(random);
            double t = 1000 * random.nextDouble();
            double later = t + 1000 * random.nextDouble();
            assertThat(model.expectedPurchases(later)).as("%s t=%s", model, t)
                    .isGreaterThanOrEqualTo(model.expectedPurchases(t));
            if (model instanceof BgNbdModel bg) {
                assertThat(bg.expectedPurchases(t)).as("%s t=%s", bg, t).isCloseTo(
                        Quadrature.expectedWhileAlive(bg.r(), bg.alpha(), bg.a(), bg.b(), t),
                        within(1e-9 * Math.max(1, bg.expectedPurchases(t))));
            }
        });
    }

    @Test
    void bulkLifetimeValuesEqualPerCustomerValues() {
        qt().withFixedSeed(404L).withExamples(15).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            PurchaseModel model = model(random);
            GammaGammaModel spend = GammaGammaModel.of(1 + 5 * random.nextDouble(), 1.5 + 3 * random.nextDouble(),
                    5 + 20 * random.nextDouble());
            CustomerLifetimeValue clv = CustomerLifetimeValue.of(model, spend,
                    ClvSettings.custom(Duration.ofDays(7L * (4 + random.nextInt(100)))).period(Duration.ofDays(7))
                            .discountRate(0.01 * random.nextDouble()).build());
            RfmCells.Builder builder = RfmCells.builder(ChronoUnit.WEEKS);
            for (int i = 0; i < 40; i++) {
                int x = random.nextInt(4) == 0 ? 0 : random.nextInt(1, 30);
                double age = 60 * random.nextDouble();
                builder.add(x, x == 0 ? 0 : age * random.nextDouble(), age,
                        x == 0 ? OptionalDouble.empty() : OptionalDouble.of(1 + 100 * random.nextDouble()), 1);
            }
            RfmCells cells = builder.build();
            double[] bulk = clv.values(cells);
            for (int i = 0; i < cells.size(); i++) {
                double one = clv.value(CustomerHistory.of(cells.frequency(i), cells.recency(i), cells.age(i)),
                        cells.monetaryValue(i));
                assertThat(bulk[i]).as("%s row %d", model, i).isCloseTo(one, within(1e-9 * Math.max(1, one)));
            }
        });
    }
}
