package dev.cxm.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * The Gamma-Gamma spend model at the edges of its documented rules, and the lifetime value calculator as a
 * value. Oracles: the closed forms of Fader &amp; Hardie (2013) computed in this test (expected spend
 * {@code p (v + x zbar) / (p x + q - 1)}, finite exactly when {@code p x + q > 1}; the density of a mean spend
 * over x purchases, {@code Gamma(px + q) / (Gamma(px) Gamma(q)) v^q x^(px) zbar^(px - 1) / (v + x zbar)^(px + q)},
 * with Hipparchus's log-gamma); the Javadoc's refusals; and value equality over the three parts.
 */
class SpendModelBoundariesTest {

    private static final GammaGammaModel SPEND = GammaGammaModel.of(6.25, 3.74, 15.44);

    @Test
    void expectedSpendIsFiniteExactlyAbovePxPlusQOfOne() {
        // p x + q = 1 exactly (q = 1, x = 0; and 0.25 * 2 + 0.5): infinite, refused; just above: finite.
        GammaGammaModel unit = GammaGammaModel.of(0.5, 1, 10);
        assertThat(unit.hasFiniteSpend(0)).isFalse();
        assertThatThrownBy(unit::expectedAverageSpend).isInstanceOf(IllegalStateException.class)
                .hasMessage("gamma-gamma: p x + q = 1.0 is at most 1, so the expected spend of this customer is infinite");
        assertThat(unit.hasFiniteSpend(1)).isTrue();
        assertThat(unit.expectedAverageSpend(1, 20)).isCloseTo(0.5 * 30 / 0.5, within(1e-12));
        GammaGammaModel half = GammaGammaModel.of(0.25, 0.5, 10);
        assertThat(half.hasFiniteSpend(2)).isFalse();
        assertThatThrownBy(() -> half.expectedAverageSpend(2, 10)).isInstanceOf(IllegalStateException.class);
        assertThat(half.hasFiniteSpend(3)).isTrue();
        assertThat(half.expectedAverageSpend(3, 10)).isCloseTo(0.25 * 40 / 0.25, within(1e-12));
    }

    @Test
    void expectedSpendFollowsItsClosedFormAndRefusesImpossibleCustomers() {
        assertThat(SPEND.expectedAverageSpend(2, 22.35)).isCloseTo(6.25 * (15.44 + 2 * 22.35) / (6.25 * 2 + 3.74 - 1),
                within(1e-12));
        assertThat(SPEND.expectedAverageSpend()).isCloseTo(6.25 * 15.44 / 2.74, within(1e-12));
        assertThat(SPEND.expectedAverageSpend(0, 0)).isEqualTo(SPEND.expectedAverageSpend());
        assertThat(SPEND.expectedAverageSpend(4, 0)).isCloseTo(6.25 * 15.44 / (25 + 2.74), within(1e-12));
        assertThatThrownBy(() -> SPEND.expectedAverageSpend(0, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("monetaryValue: 5.0 is given without repeat purchases");
        assertThatThrownBy(() -> SPEND.expectedAverageSpend(-1, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("frequency");
        assertThatThrownBy(() -> SPEND.expectedAverageSpend(2, -5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("monetaryValue");
        assertThatThrownBy(() -> SPEND.hasFiniteSpend(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("frequency");
        assertThat(SPEND.name()).isEqualTo("gamma-gamma");
        assertThat(SPEND.parameters()).containsExactly(java.util.Map.entry("p", 6.25), java.util.Map.entry("q", 3.74),
                java.util.Map.entry("v", 15.44));
    }

    @Test
    void theLogLikelihoodOfAMeanSpendIsItsDensity() {
        double p = 6.25;
        double q = 3.74;
        double v = 15.44;
        for (int x : new int[] {1, 2, 7}) {
            for (double z : new double[] {0.5, 22.35, 300}) {
                double px = p * x;
                double expected = Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(v)
                        + px * Math.log(x) + (px - 1) * Math.log(z) - (px + q) * Math.log(v + x * z);
                assertThat(SPEND.logLikelihood(x, z)).as("x = %d, zbar = %s", x, z).isCloseTo(expected,
                        within(1e-10 * (1 + Math.abs(expected))));
            }
        }
        assertThatThrownBy(() -> SPEND.logLikelihood(0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("frequency");
        assertThatThrownBy(() -> SPEND.logLikelihood(2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("monetaryValue");
    }

    @Test
    void aLifetimeValueCalculatorIsAValueOfItsThreeParts() {
        BgNbdModel purchases = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, ChronoUnit.WEEKS);
        ClvSettings settings = ClvSettings.custom(Duration.ofDays(364)).period(Duration.ofDays(28)).discountRate(0.01)
                .build();
        CustomerLifetimeValue clv = CustomerLifetimeValue.of(purchases, SPEND, settings);
        CustomerLifetimeValue same = CustomerLifetimeValue.of(BgNbdModel.of(0.243, 4.414, 0.793, 2.426,
                ChronoUnit.WEEKS), GammaGammaModel.of(6.25, 3.74, 15.44), ClvSettings.custom(Duration.ofDays(364))
                .period(Duration.ofDays(28)).discountRate(0.01).build());
        assertThat(clv).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(clv).isNotEqualTo(CustomerLifetimeValue.of(BgNbdModel.of(0.25, 4.414, 0.793, 2.426,
                ChronoUnit.WEEKS), SPEND, settings));
        assertThat(clv).isNotEqualTo(CustomerLifetimeValue.of(purchases, GammaGammaModel.of(6.25, 3.75, 15.44),
                settings));
        assertThat(clv).isNotEqualTo(CustomerLifetimeValue.of(purchases, SPEND, ClvSettings.custom(Duration.ofDays(364))
                .period(Duration.ofDays(28)).discountRate(0.02).build()));
        assertThat(clv).isNotEqualTo(settings);
        assertThat(clv.settings()).isEqualTo(settings);
        assertThat(clv.toString()).isEqualTo("CustomerLifetimeValue[purchases=" + purchases + ", spend=" + SPEND
                + ", settings=" + settings + "]");
    }
}
