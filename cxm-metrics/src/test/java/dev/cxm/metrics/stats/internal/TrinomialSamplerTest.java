package dev.cxm.metrics.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

/**
 * Trinomial draws against inversion done by brute force in the test: the plus count is the smallest k whose
 * Binomial(n, pPlus) CDF (summed from the pmf) reaches the next uniform, the minus count likewise for
 * Binomial(n - plus, pMinus / (1 - pPlus)); a probability of 0 or 1, or no trials, decides the count without a
 * uniform.
 * The uniforms come from a scripted generator, so a draw that takes one uniform too many or too few fails.
 */
class TrinomialSamplerTest {

    @Test
    void drawsByInversionOfTheTwoBinomials() {
        SplittableRandom random = new SplittableRandom(41);
        for (int i = 0; i < 300; i++) {
            int n = random.nextInt(1, 40);
            double pPlus = random.nextDouble(0.05, 0.9);
            double pMinus = random.nextDouble(0.01, 0.95 - pPlus);
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            Scripted uniforms = new Scripted(u1, u2);
            int plus = inverse(n, pPlus, u1);
            int minus = inverse(n - plus, pMinus / (1 - pPlus), u2);
            assertThat(TrinomialSampler.draw(uniforms, n, pPlus, pMinus)).containsExactly(plus, minus);
            // No trials left for the minus count (all plus): its uniform stays unused.
            assertThat(uniforms.left()).isEqualTo(plus == n ? 1 : 0);
        }
    }

    @Test
    void certainCategoriesTakeNoUniform() {
        // No promoters: the minus count takes the first uniform (inverse of Binomial(10, 0.4) at 0.3 is 3).
        Scripted uniforms = new Scripted(0.3, 0.9);
        assertThat(TrinomialSampler.draw(uniforms, 10, 0, 0.4)).containsExactly(0, inverse(10, 0.4, 0.3));
        assertThat(inverse(10, 0.4, 0.3)).isNotEqualTo(inverse(10, 0.4, 0.9));
        assertThat(uniforms.left()).isEqualTo(1);
        // Everyone a promoter: n plus, no uniform at all.
        Scripted none = new Scripted();
        assertThat(TrinomialSampler.draw(none, 8, 1, 0)).containsExactly(8, 0);
        // No neutrals: the minus count is the rest, from one uniform only.
        Scripted one = new Scripted(0.6);
        int plus = inverse(6, 0.25, 0.6);
        assertThat(TrinomialSampler.draw(one, 6, 0.25, 0.75)).containsExactly(plus, 6 - plus);
        assertThat(TrinomialSampler.draw(new Scripted(), 0, 0.5, 0.2)).containsExactly(0, 0);
    }

    /** The smallest k with P(Binomial(n, p) <= k) >= u, from the pmf. */
    private static int inverse(int n, double p, double u) {
        double cdf = 0;
        for (int k = 0; k < n; k++) {
            cdf += Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
            if (cdf >= u) {
                return k;
            }
        }
        return n;
    }

    private static double logChoose(int n, int k) {
        double sum = 0;
        for (int i = 1; i <= k; i++) {
            sum += Math.log(n - k + i) - Math.log(i);
        }
        return sum;
    }

    /** A generator that hands out the given uniforms, then refuses. */
    private static final class Scripted implements RandomGenerator {
        private final Deque<Double> values = new ArrayDeque<>();

        Scripted(double... uniforms) {
            for (double u : uniforms) {
                values.add(u);
            }
        }

        int left() {
            return values.size();
        }

        @Override
        public double nextDouble() {
            if (values.isEmpty()) {
                throw new AssertionError("a uniform more than the draw needs");
            }
            return values.poll();
        }

        @Override
        public long nextLong() {
            throw new AssertionError("draws take uniforms only");
        }
    }
}
