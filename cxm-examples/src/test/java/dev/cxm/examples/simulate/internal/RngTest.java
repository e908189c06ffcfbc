package dev.cxm.examples.simulate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;

/**
 * The draws have the moments of their distributions: means and variances from the closed forms (Gamma(k, s):
 * k s and k s^2; Beta(a, b): a / (a + b) and ab / ((a + b)^2 (a + b + 1)); exponential: m and m^2; standard
 * normal: 0 and 1; Poisson: m and m), within five standard errors of 200,000 draws. Streams depend only on the
 * seed and the customer.
 */
class RngTest {

    private static final int N = 200_000;

    private static void hasMoments(DoubleSupplier draw, double mean, double variance) {
        double sum = 0;
        double squares = 0;
        double fourth = 0;
        double[] values = new double[N];
        for (int i = 0; i < N; i++) {
            values[i] = draw.getAsDouble();
            sum += values[i];
        }
        double sampleMean = sum / N;
        for (double value : values) {
            double d = value - sampleMean;
            squares += d * d;
            fourth += d * d * d * d;
        }
        double sampleVariance = squares / (N - 1);
        assertThat(sampleMean).isCloseTo(mean, within(5 * Math.sqrt(variance / N)));
        double varianceError = Math.sqrt((fourth / N - sampleVariance * sampleVariance) / N);
        assertThat(sampleVariance).isCloseTo(variance, within(5 * varianceError));
    }

    @Test
    void gammaDrawsAboveAndBelowShapeOne() {
        Rng rng = Rng.forCustomer(1, 0);
        hasMoments(() -> rng.gamma(0.55, 1 / 7.5), 0.55 / 7.5, 0.55 / 56.25);
        hasMoments(() -> rng.gamma(6, 2.5), 15, 37.5);
    }

    @Test
    void betaExponentialNormalAndPoissonDraws() {
        Rng rng = Rng.forCustomer(2, 5);
        hasMoments(() -> rng.beta(0.85, 3.2), 0.85 / 4.05, 0.85 * 3.2 / (4.05 * 4.05 * 5.05));
        hasMoments(() -> rng.exponential(3), 3, 9);
        hasMoments(rng::normal, 0, 1);
        hasMoments(() -> rng.poisson(1.5), 1.5, 1.5);
    }

    @Test
    void aCustomersStreamDependsOnlyOnTheSeedAndTheCustomer() {
        assertThat(Rng.forCustomer(7, 3).uniform()).isEqualTo(Rng.forCustomer(7, 3).uniform())
                .isNotEqualTo(Rng.forCustomer(7, 4).uniform()).isNotEqualTo(Rng.forCustomer(8, 3).uniform());
    }
}
