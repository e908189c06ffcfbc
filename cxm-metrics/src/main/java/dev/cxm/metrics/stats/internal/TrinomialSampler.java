package dev.cxm.metrics.stats.internal;

import java.util.random.RandomGenerator;

import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * Draws the category counts of a trinomial sample (n responses, each "plus" with probability
 * {@code pPlus}, "minus" with {@code pMinus}, else neutral), as a bootstrap of a net score resamples them.
 *
 * <p>Draws the plus count as Binomial(n, pPlus) and the minus count, given it, as
 * Binomial(n - plus, pMinus / (1 - pPlus)), each by inversion of Hipparchus' binomial distribution at a
 * uniform from the caller's generator; the work per draw grows with log n, not n.
 */
public final class TrinomialSampler {

    private TrinomialSampler() {}

    /**
     * Returns {@code {plus, minus}} counts of one trinomial sample of size {@code n}.
     *
     * @param random the random generator
     * @param n the sample size
     * @param pPlus the probability of the first category
     * @param pMinus the probability of the second category
     * @return the counts of the first and second categories
     */
    public static int[] draw(RandomGenerator random, int n, double pPlus, double pMinus) {
        int plus = binomial(random, n, pPlus);
        double rest = 1 - pPlus;
        int minus = rest <= 0 ? 0 : binomial(random, n - plus, Math.min(1, pMinus / rest));
        return new int[] {plus, minus};
    }

    private static int binomial(RandomGenerator random, int trials, double probability) {
        if (trials == 0 || probability <= 0) {
            return 0;
        }
        if (probability >= 1) {
            return trials;
        }
        return new BinomialDistribution(trials, probability).inverseCumulativeProbability(random.nextDouble());
    }
}
