package dev.cxm.metrics.clv;

import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.BgBbLikelihood;
import dev.cxm.metrics.clv.internal.SpecialFunctions;
import dev.cxm.metrics.clv.rfm.CustomerHistory;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.internal.Units;

/**
 * A fitted (or given) BG/BB model of repeat transactions at discrete opportunities (a yearly donation, an
 * annual event): at each opportunity a customer still alive buys with probability {@code p ~ Beta(alpha,
 * beta)}, and before each opportunity drops out for good with probability {@code theta ~ Beta(gamma, delta)}.
 *
 * <p>A history ({@link CustomerHistory}) is the number of repeat transactions x, the opportunity of the last
 * one {@code t_x} (0 without any) and the number of opportunities n since the first transaction (its T), all
 * whole numbers; so are the horizons. The model answers the questions of every {@link PurchaseModel}:
 * {@link #probabilityAlive} is the probability of being alive at opportunity n, the end of calibration ("now"),
 * as on the continuous-time models; the paper's P(alive) at the next opportunity (FHS eq. 11, Table 6) is
 * {@link #probabilityAliveAtNextOpportunity}.
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
public record BgBbModel(double alpha, double beta, double gamma, double delta, ChronoUnit unit)
        implements PurchaseModel {

    /** Periods of the drop-out product summed term by term before the tail is taken in closed form. */
    private static final int SUMMED_PERIODS = 100_000;

    /**
     * Validates the parameters: each finite and positive.
     *
     * @param alpha the first shape of the transaction probability
     * @param beta its second shape
     * @param gamma the first shape of the drop-out probability
     * @param delta its second shape
     * @param unit the length of one opportunity
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public BgBbModel {
        Checks.positive("alpha", alpha);
        Checks.positive("beta", beta);
        Checks.positive("gamma", gamma);
        Checks.positive("delta", delta);
        Units.requireModelUnit("unit", unit);
    }

    /**
     * Returns the model with the given parameters.
     *
     * @param alpha the first shape of the transaction probability
     * @param beta its second shape
     * @param gamma the first shape of the drop-out probability
     * @param delta its second shape
     * @param unit the length of one opportunity
     * @return the model
     */
    public static BgBbModel of(double alpha, double beta, double gamma, double delta, ChronoUnit unit) {
        return new BgBbModel(alpha, beta, gamma, delta, unit);
    }

    /**
     * Returns the model's short name, {@code bg-bb}.
     *
     * @return the name
     */
    @Override
    public String name() {
        return "bg-bb";
    }

    /**
     * Returns the parameters {@code alpha, beta, gamma, delta}.
     *
     * @return the parameters by name
     */
    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("alpha", alpha);
        parameters.put("beta", beta);
        parameters.put("gamma", gamma);
        parameters.put("delta", delta);
        return Collections.unmodifiableMap(parameters);
    }

    /**
     * Returns the log-likelihood of one history (FHS 2010, eq. 5).
     *
     * @throws IllegalArgumentException when the history is not in whole opportunities or has more repeat
     *     transactions than its recency
     */
    @Override
    public double logLikelihood(CustomerHistory customer) {
        return logLikelihood(requireHistory(customer));
    }

    private double logLikelihood(int[] history) {
        return BgBbLikelihood.logLikelihood(alpha, beta, gamma, delta, history[0], history[1], history[2], null);
    }

    /**
     * Returns the probability that a customer with this history is alive at opportunity n, the end of
     * calibration ("now"; the meaning of P(alive) on every {@link PurchaseModel}): 1 for a customer who
     * transacted at opportunity n.
     *
     * @throws IllegalArgumentException when the history is not in whole opportunities or has more repeat
     *     transactions than its recency
     */
    @Override
    public double probabilityAlive(CustomerHistory customer) {
        return aliveAt(requireHistory(customer), 0);
    }

    /**
     * Returns the probability that a customer with this history is still alive at the next opportunity, n + 1:
     * the P(alive) of Fader, Hardie &amp; Shang (2010, eq. 11 and Table 6), which counts the chance of dropping
     * out before that opportunity. At most {@link #probabilityAlive}.
     *
     * @param customer the history, in whole opportunities
     * @return P(alive at n + 1 | x, t_x, n)
     * @throws IllegalArgumentException when the history is not in whole opportunities or has more repeat
     *     transactions than its recency
     */
    public double probabilityAliveAtNextOpportunity(CustomerHistory customer) {
        return aliveAt(requireHistory(customer), 1);
    }

    private double aliveAt(int[] history, int ahead) {
        int frequency = history[0];
        int opportunities = history[2];
        double log = Beta.logBeta(alpha + frequency, beta + opportunities - frequency) - Beta.logBeta(alpha, beta)
                + Beta.logBeta(gamma, delta + opportunities + ahead) - Beta.logBeta(gamma, delta)
                - logLikelihood(history);
        return Math.min(1, Math.exp(log));
    }

    /**
     * Returns the expected transactions in the next {@code t} opportunities of a customer with this history
     * (FHS 2010, eq. 13), continued through {@code gamma = 1}.
     *
     * @param t the number of opportunities after the end of calibration, a whole number
     * @throws IllegalArgumentException when {@code t} or the history is not in whole opportunities
     */
    @Override
    public double conditionalExpectedPurchases(double t, CustomerHistory customer) {
        int[] history = requireHistory(customer);
        int periods = requireWhole("t", t);
        double logFirst = Beta.logBeta(alpha + history[0] + 1, beta + history[2] - history[0])
                - Beta.logBeta(alpha, beta) - logLikelihood(history);
        return Math.exp(logFirst) * delta * gammaRatioDifference(history[2], history[2] + periods);
    }

    /**
     * Returns the expected transactions in the next {@code t} opportunities of a customer with this frequency
     * and n who is alive at opportunity n: {@code (alpha + x) / (alpha + beta + n)} per opportunity while alive,
     * with the drop-out of {@code theta ~ Beta(gamma, delta + n)}.
     *
     * @param t the number of opportunities after the end of calibration, a whole number
     * @throws IllegalArgumentException when {@code t} or the history is not in whole opportunities
     */
    @Override
    public double expectedPurchasesWhileAlive(double t, CustomerHistory customer) {
        int[] history = requireHistory(customer);
        int periods = requireWhole("t", t);
        int n = history[2];
        double logAlive = Beta.logBeta(gamma, delta + n) - Beta.logBeta(gamma, delta);
        return (alpha + history[0]) / (alpha + beta + n) * delta * gammaRatioDifference(n, n + periods)
                / Math.exp(logAlive);
    }

    /**
     * Returns the expected transactions of a new customer in the first {@code t} opportunities (FHS eq. 9).
     *
     * @param t the number of opportunities, a whole number
     * @throws IllegalArgumentException when {@code t} is not a whole number of opportunities
     */
    @Override
    public double expectedPurchases(double t) {
        return conditionalExpectedPurchases(t, CustomerHistory.of(0, 0, 0));
    }

    /**
     * Returns the probability of exactly {@code count} transactions in the first {@code t} opportunities (FHS
     * eq. 7).
     *
     * @param t the number of opportunities, a whole number
     * @throws IllegalArgumentException when {@code t} is not a whole number of opportunities
     */
    @Override
    public double probabilityOfPurchases(int count, double t) {
        Checks.nonNegative("count", count);
        int periods = requireWhole("t", t);
        if (count > periods) {
            return 0;
        }
        double lnBetaAB = Beta.logBeta(alpha, beta);
        double lnBetaGD = Beta.logBeta(gamma, delta);
        double probability = Math.exp(logChoose(periods, count) + Beta.logBeta(alpha + count,
                beta + periods - count) - lnBetaAB
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
     *
     * @param opportunities each customer's number of opportunities n, 0 or more
     * @param seed the seed of the random numbers
     * @return one anonymous row per customer
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

    /**
     * Returns {@code {x, t_x, n}} of a history in whole opportunities with no more repeat transactions than its
     * recency.
     *
     * @throws IllegalArgumentException naming the field, the value and the rule otherwise
     */
    private static int[] requireHistory(CustomerHistory customer) {
        Checks.present("customer", customer);
        int recency = requireWhole("recency", customer.recency());
        int opportunities = requireWhole("T", customer.age());
        requireTransactionsFit(customer.frequency(), recency, () -> "");
        return new int[] {customer.frequency(), recency, opportunities};
    }

    /**
     * Throws unless {@code frequency} repeat transactions fit into {@code recency} opportunities, each taking
     * its own; {@code where} says which customer or row, and the message carries no value.
     */
    static void requireTransactionsFit(int frequency, int recency, java.util.function.Supplier<String> where) {
        if (frequency > recency) {
            throw new IllegalArgumentException("frequency: above the recency" + where.get() + "; each repeat"
                    + " transaction takes its own opportunity, the last at the recency");
        }
    }

    /** Returns {@code value} as a whole number of opportunities, or throws naming {@code field}. */
    static int requireWhole(String field, double value) {
        if (!(value >= 0) || value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + ": " + value + " is not a whole number of opportunities;"
                    + " BG/BB counts discrete opportunities");
        }
        return (int) value;
    }
}
