package dev.cxm.metrics.clv.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.temporal.ChronoUnit;
import java.util.OptionalDouble;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link RfmCells#totals()}: the oracle is a brute-force computation in exact decimal arithmetic
 * ({@link BigDecimal}) over the same rows, and for times near the largest double the closed form
 * (a + b) / 2 = a / 2 + b / 2.
 */
class RfmTotalsTest {

    @Test
    void totalsAndMeansEqualTheExactWeightedSums() {
        // Oracle: BigDecimal sums of w * x divided by the sum of w, on 200 seeded random rows.
        Random random = new Random(20260301);
        RfmCells.Builder builder = RfmCells.builder(ChronoUnit.WEEKS);
        BigDecimal weights = BigDecimal.ZERO;
        BigDecimal repeaters = BigDecimal.ZERO;
        BigDecimal purchases = BigDecimal.ZERO;
        BigDecimal recency = BigDecimal.ZERO;
        BigDecimal age = BigDecimal.ZERO;
        BigDecimal spend = BigDecimal.ZERO;
        BigDecimal spenders = BigDecimal.ZERO;
        for (int i = 0; i < 200; i++) {
            int x = random.nextInt(5);
            double t = 1 + random.nextInt(1000) / 10.0;
            double tx = x == 0 ? 0 : random.nextInt((int) (t * 10) + 1) / 10.0;
            double w = 1 + random.nextInt(4);
            OptionalDouble m = x > 0 && random.nextBoolean() ? OptionalDouble.of(random.nextInt(10_000) / 100.0)
                    : OptionalDouble.empty();
            builder.add(x, tx, t, m, w);
            BigDecimal bw = BigDecimal.valueOf(w);
            weights = weights.add(bw);
            repeaters = x > 0 ? repeaters.add(bw) : repeaters;
            purchases = purchases.add(bw.multiply(BigDecimal.valueOf(x)));
            recency = recency.add(bw.multiply(BigDecimal.valueOf(tx)));
            age = age.add(bw.multiply(BigDecimal.valueOf(t)));
            if (m.isPresent()) {
                spend = spend.add(bw.multiply(BigDecimal.valueOf(m.getAsDouble())));
                spenders = spenders.add(bw);
            }
        }

        RfmTotals totals = builder.build().totals();

        assertThat(totals.customers()).isEqualTo(weights.doubleValue());
        assertThat(totals.repeatCustomers()).isEqualTo(repeaters.doubleValue());
        assertThat(totals.repeatPurchases()).isCloseTo(purchases.doubleValue(), within(1e-9));
        assertThat(totals.meanFrequency()).isCloseTo(ratio(purchases, weights), within(1e-12));
        assertThat(totals.meanRecency()).isCloseTo(ratio(recency, weights), within(1e-12));
        assertThat(totals.meanAge()).isCloseTo(ratio(age, weights), within(1e-12));
        assertThat(totals.meanMonetaryValue().getAsDouble()).isCloseTo(ratio(spend, spenders), within(1e-10));
    }

    @Test
    void meansOfTimesNearTheLargestDoubleStayFinite() {
        // Issue 9: the sum 1e308 + 1.5e308 overflows to infinity, which the command line printed as the mean T.
        // Closed form: the mean is 1e308 / 2 + 1.5e308 / 2 = 1.25e308; recency likewise 0.5e308 + 0.6e308.
        RfmCells cells = RfmCells.builder(ChronoUnit.DAYS)
                .add(1, 1e308, 1e308)
                .add(2, 1.2e308, 1.5e308)
                .build();

        RfmTotals totals = cells.totals();

        assertThat(totals.meanAge()).isCloseTo(1e308 / 2 + 1.5e308 / 2, within(1e294));
        assertThat(totals.meanRecency()).isCloseTo(1e308 / 2 + 1.2e308 / 2, within(1e294));
        assertThat(totals.meanFrequency()).isEqualTo(1.5);
        assertThat(totals.repeatPurchases()).isEqualTo(3);
    }

    @Test
    void aMeanIsNeverAboveTheLargestValue() {
        // Oracle: a mean lies between the smallest and the largest value; three equal times near the top of the
        // double range must give that time back exactly, not a rounding above it (which would be infinite).
        double top = Double.MAX_VALUE;
        RfmCells cells = RfmCells.builder(ChronoUnit.DAYS).add(0, 0, top).add(0, 0, top).add(0, 0, top).build();

        assertThat(cells.totals().meanAge()).isEqualTo(top);
    }

    @Test
    void refusesWeightsThatAddUpBeyondADoubleAndEmptyCells() {
        RfmCells huge = RfmCells.builder(ChronoUnit.DAYS)
                .add(0, 0, 1, OptionalDouble.empty(), Double.MAX_VALUE)
                .add(0, 0, 1, OptionalDouble.empty(), Double.MAX_VALUE)
                .build();

        assertThatThrownBy(huge::totals).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("weight:");
        assertThatThrownBy(() -> RfmCells.builder(ChronoUnit.DAYS).build().totals())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cells:");
    }

    private static double ratio(BigDecimal sum, BigDecimal weight) {
        return sum.divide(weight, MathContext.DECIMAL128).doubleValue();
    }
}
