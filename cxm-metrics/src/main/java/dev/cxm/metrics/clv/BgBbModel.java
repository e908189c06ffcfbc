package dev.cxm.metrics.clv;

import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.Arguments;
import dev.cxm.metrics.clv.internal.BgBbLikelihood;
import dev.cxm.metrics.clv.internal.SpecialFunctions;

/**
 * A fitted (or given) BG/BB model of repeat transactions at discrete opportunities (a yearly donation, an
 * annual event): at each opportunity a customer still alive buys with probability {@code p ~ Beta(alpha,
 * beta)}, and before each opportunity drops out for good with probability {@code theta ~ Beta(gamma, delta)}.
 *
 * <p>A history is the number of repeat transactions x, the opportunity of the last one {@code t_x} (0 without
 * any) and the number of opportunities n since the first transaction, all whole numbers.
 *
 * <p>Reference: Fader, Hardie &amp; Shang (2010), "Customer-base analysis in a discrete-time noncontractual
 * setting", Marketing Science 29(6).
 *
 * @param alpha the first shape of the transaction probability
 * @param beta its second shape
 * @param gamma the first shape of the drop-out probability
 * @param delta its second shape
 * @param unit the length of one opportunity
 */
public record BgBbModel(double alpha, double beta, double gamma, double delta, ChronoUnit unit) {

    /** Periods of the drop-out product summed term by term before the tail is taken in closed form. */
    private static final int SUMMED_PERIODS = 100_000;

    /** Validates the parameters: each finite and positive. */
    public BgBbModel {
        Arguments.positive("alpha", alpha);
        Arguments.positive("beta", beta);
        Arguments.positive("gamma", gamma);
        Arguments.positive("delta", delta);
        TimeUnits.requireModelUnit("unit", unit);
    }

    /** Returns the model with the given parameters. */
    public static BgBbModel of(double alpha, double beta, double gamma, double delta, ChronoUnit unit) {
        return new BgBbModel(alpha, beta, gamma, delta, unit);
    }

    /** Returns the model's short name, {@code bg-bb}. */
    public String name() {
        return "bg-bb";
    }

    /** Returns the parameters {@code alpha, beta, gamma, delta}. */
    public Map<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("alpha", alpha);
        parameters.put("beta", beta);
        parameters.put("gamma", gamma);
        parameters.put("delta", delta);
        return Collections.unmodifiableMap(parameters);
    }

    /** Returns the log-likelihood of one history (FHS 2010, eq. 5). */
    public double logLikelihood(int frequency, int recency, int opportunities) {
        requireHistory(frequency, recency, opportunities);
        return BgBbLikelihood.logLikelihood(alpha, beta, gamma, delta, frequency, recency, opportunities, null);
    }

    /**
     * Returns the probability that a customer with this history is still alive at opportunity
     * {@code n + ahead}: {@code ahead = 1} is "alive at the next opportunity" (FHS 2010, eq. 11).
     */
    public double probabilityAlive(int frequency, int recency, int opportunities, int ahead) {
        requireHistory(frequency, recency, opportunities);
        Checks.nonNegative("ahead", ahead);
        double log = Beta.logBeta(alpha + frequency, beta + opportunities - frequency) - Beta.logBeta(alpha, beta)
                + Beta.logBeta(gamma, delta + opportunities + ahead) - Beta.logBeta(gamma, delta)
                - logLikelihood(frequency, recency, opportunities);
        return Math.min(1, Math.exp(log));
    }

    /** Returns the probability that a customer with this history is alive at the next opportunity. */
    public double probabilityAlive(int frequency, int recency, int opportunities) {
        return probabilityAlive(frequency, recency, opportunities, 1);
    }

    /**
     * Returns the expected transactions in the next {@code periods} opportunities of a customer with this
     * history (FHS 2010, eq. 13), continued through {@code gamma = 1}.
     */
    public double conditionalExpectedPurchases(int periods, int frequency, int recency, int opportunities) {
        requireHistory(frequency, recency, opportunities);
        Checks.nonNegative("periods", periods);
        double logFirst = Beta.logBeta(alpha + frequency + 1, beta + opportunities - frequency) - Beta.logBeta(alpha, beta)
                - logLikelihood(frequency, recency, opportunities);
        return Math.exp(logFirst) * delta * gammaRatioDifference(opportunities, opportunities + periods);
    }

    /** Returns the expected transactions of a new customer in the first {@code periods} opportunities (FHS eq. 9). */
    public double expectedPurchases(int periods) {
        return conditionalExpectedPurchases(periods, 0, 0, 0);
    }

    /** Returns the probability of exactly {@code count} transactions in the first {@code periods} opportunities (FHS eq. 7). */
    public double probabilityOfPurchases(int count, int periods) {
        Checks.nonNegative("count", count);
        Checks.nonNegative("periods", periods);
        if (count > periods) {
            return 0;
        }
        double lnBetaAB = Beta.logBeta(alpha, beta);
        double lnBetaGD = Beta.logBeta(gamma, delta);
        double probability = Math.exp(logChoose(periods, count) + Beta.logBeta(alpha + count, beta + periods - count) - lnBetaAB
                + Beta.logBeta(gamma, delta + periods) - lnBetaGD);
        for (int i = count; i < periods; i++) {
            probability += Math.exp(logChoose(i, count) + Beta.logBeta(alpha + count, beta + i - count) - lnBetaAB
                    + Beta.logBeta(gamma + 1, delta + i) - lnBetaGD);
        }
        return probability;
    }

    /**
     * Simulates customers with the given numbers of opportunities: each history, as cells of weight 1 in
     * {@code unit}, reproducibly for a seed.
     */
    public RfmCells simulate(int[] opportunities, long seed) {
        RandomDataGenerator random = new RandomDataGenerator(seed);
        RfmCells.Builder cells = RfmCells.builder(unit);
        for (int n : opportunities) {
            Checks.nonNegative("opportunities", n);
            double p = random.nextBeta(alpha, beta);
            double theta = random.nextBeta(gamma, delta);
            int x = 0;
            int last = 0;
            for (int period = 1; period <= n && random.nextDouble() >= theta; period++) {
                if (random.nextDouble() < p) {
                    x++;
                    last = period;
                }
            }
            cells.add(x, last, n);
        }
        return cells.build();
    }

    /**
     * Returns {@code [G(n) - G(m)] / (gamma - 1)} with {@code G(k) = Gamma(gamma + delta) Gamma(1 + delta + k) /
     * (Gamma(1 + delta) Gamma(gamma + delta + k))}, continued through {@code gamma = 1}: with
     * {@code h = gamma - 1} and {@code c_j = 1 / (1 + delta + j)}, {@code log(G(m) / G(n)) = -sum_j log1p(h c_j)}
     * over the m - n periods, summed term by term for the first {@value #SUMMED_PERIODS} and beyond them, where
     * {@code h c_j} is tiny, by {@code sum c_j - h/2 sum c_j^2 + h^2/3 sum c_j^3} in digamma and trigamma
     * differences: no cancellation at any gamma and any number of periods.
     */
    private double gammaRatioDifference(int n, int m) {
        double h = gamma - 1;
        int split = (int) Math.min(m, (long) n + SUMMED_PERIODS);
        double perShift = 0;
        for (int j = n; j < split; j++) {
            double c = 1 / (1 + delta + j);
            double y = h * c;
            perShift -= c * (y == 0 ? 1 : Math.log1p(y) / y);
        }
        if (m > split) {
            double from = 1 + delta + split;
            double to = 1 + delta + m;
            double first = SpecialFunctions.digamma(to) - SpecialFunctions.digamma(from);
            double second = Gamma.trigamma(from) - Gamma.trigamma(to);
            double third = (1 / (from * from) - 1 / (to * to)) / 2;
            perShift -= first - h * second / 2 + h * h * third / 3;
        }
        return -Math.exp(logG(n)) * SpecialFunctions.expm1Ratio(h, perShift);
    }

    private double logG(int k) {
        return Gamma.logGamma(gamma + delta) - Gamma.logGamma(1 + delta) + Gamma.logGamma(1 + delta + k)
                - Gamma.logGamma(gamma + delta + k);
    }

    private static double logChoose(int n, int k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }

    static void requireHistory(int frequency, int recency, int opportunities) {
        CustomerSummary.requireHistory(frequency, recency, opportunities, "");
        if (frequency > recency) {
            throw new IllegalArgumentException("frequency: " + frequency + " is above the recency " + recency
                    + "; each repeat transaction takes its own opportunity, the last at the recency");
        }
    }
}
