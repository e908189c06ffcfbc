package dev.cxm.metrics.clv.internal;

import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.rfm.RfmCells;

/**
 * The predictions shared by BG/NBD ({@code k = 0}) and MBG/NBD ({@code k = 1}): purchases at rate
 * {@code lambda ~ Gamma(r, alpha)} while alive, and after each repeat purchase (with MBG/NBD also after the
 * first) a drop-out with probability {@code p ~ Beta(a, b)}.
 *
 * <p>A customer alive at T with x repeat purchases has the posterior {@code lambda ~ Gamma(r + x, alpha + T)},
 * {@code p ~ Beta(a, b + x + k)}; the expected purchases of such a customer in the next t are
 * {@code E[(1 - exp(-lambda p t)) / p]}, which integrates to
 * {@code (a + B - 1) / (a - 1) [1 - (1 - z)^(a - 1) 2F1(a + B - 1 - r', a - 1; a + B - 1; z)]} with
 * {@code z = t / (alpha' + t)} (FHL 2005 eq. 10 after Euler's transformation), computed so that it stays
 * finite and exact through {@code a = 1}.
 */
public final class BetaGeometricProcess {

    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final int k;

    /** Takes the parameters and {@code k}, the drop-out chances before the first repeat purchase (0 or 1). */
    public BetaGeometricProcess(double r, double alpha, double a, double b, int k) {
        this.r = r;
        this.alpha = alpha;
        this.a = a;
        this.b = b;
        this.k = k;
    }

    /** Returns the log-likelihood of a customer with x repeat purchases, the last at recency, observed to T = age. */
    public double logLikelihood(int x, double recency, double age) {
        double common = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha)
                + Beta.logBeta(a, b + x + k) - Beta.logBeta(a, b);
        if (x + k == 0) {
            return common - r * Math.log(alpha + age);
        }
        double logRecencyTerm = Math.log(alpha + recency);
        double u = (r + x) * (Math.log(alpha + age) - logRecencyTerm);
        return common - (r + x) * logRecencyTerm + Math.log(a / (b + x + k - 1) + Math.exp(-u));
    }

    /** Returns the probability that a customer with x repeat purchases, the last at recency, is alive at T = age. */
    public double probabilityAlive(int x, double recency, double age) {
        if (x + k == 0) {
            return 1;
        }
        double logOdds = Math.log(a / (b + x + k - 1)) + (r + x) * (Math.log(alpha + age) - Math.log(alpha + recency));
        return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
    }

    /** Returns the expected purchases in the next t of a customer with history (x, recency, T = age). */
    public double conditionalExpectedPurchases(double t, int x, double recency, double age) {
        return probabilityAlive(x, recency, age) * expectedWhileAlive(t, x, age);
    }

    /** Returns the expected purchases in the next t of a customer with x repeat purchases alive at T = age. */
    public double expectedWhileAlive(double t, int x, double age) {
        return expectedWhileAlive(t, r + x, alpha + age, b + x + k);
    }

    /** Returns the expected cumulative purchases at each of {@code horizons}, each checked to be 0 or more. */
    public double[] conditionalExpectedPurchases(double[] horizons, int x, double recency, double age) {
        double alive = probabilityAlive(x, recency, age);
        double rate = alpha + age;
        double bigB = b + x + k;
        double c = a + bigB - 1;
        double[] z = new double[horizons.length];
        for (int i = 0; i < horizons.length; i++) {
            double t = Checks.nonNegative("horizon", horizons[i]);
            z[i] = t / (rate + t);
        }
        double[] tails = SpecialFunctions.hypergeometric2F1Tail(c - (r + x), a - 1, c, z);
        double[] expected = new double[horizons.length];
        for (int i = 0; i < horizons.length; i++) {
            if (horizons[i] > 0) {
                expected[i] = alive * whileAlive(c, rate, horizons[i], tails[i]);
            }
        }
        return expected;
    }

    /**
     * Expected purchases while alive from {@code tail = c (2F1 - 1) / (a - 1)} (see the class comment and
     * {@link SpecialFunctions#hypergeometric2F1Tail}), which stays finite at {@code c = a + B - 1 = 0}.
     */
    private double whileAlive(double c, double rate, double t, double tail) {
        // Math.log and Math.exp are intrinsics; log1p and expm1 are not, and this runs per period per
        // customer. exp(shift) - 1 loses at most three digits for |shift| >= 1e-3; below, a Taylor series.
        double logOneMinusZ = Math.log(rate / (rate + t));
        double shift = (a - 1) * logOneMinusZ;
        double power = Math.exp(shift);
        double ratio = Math.abs(shift) < 1e-3 ? logOneMinusZ * (1 + shift / 2 + shift * shift / 6) : (power - 1) / (a - 1);
        return -c * ratio - power * tail;
    }

    /** Returns the expected repeat purchases of a new customer in the first t. */
    public double expectedPurchases(double t) {
        return probabilityAlive(0, 0, 0) * expectedWhileAlive(t, r, alpha, b + k);
    }

    /** Returns E[(1 - exp(-lambda p t)) / p] for lambda ~ Gamma(shape, rate), p ~ Beta(a, bigB). */
    double expectedWhileAlive(double t, double shape, double rate, double bigB) {
        if (t == 0) {
            return 0;
        }
        double c = a + bigB - 1;
        return whileAlive(c, rate, t, SpecialFunctions.hypergeometric2F1Tail(c - shape, a - 1, c, t / (rate + t)));
    }

    /** Returns the probability that a new customer makes exactly n repeat purchases in the first t. */
    public double probabilityOfPurchases(int n, double t) {
        double logNegativeBinomial = Gamma.logGamma(r + n) - Gamma.logGamma(r) - Gamma.logGamma(n + 1.0)
                + r * Math.log(alpha / (alpha + t)) + (n == 0 ? 0 : n * Math.log(t / (alpha + t)));
        double lnBeta = Beta.logBeta(a, b);
        double alive = Math.exp(Beta.logBeta(a, b + n + k) - lnBeta + logNegativeBinomial);
        if (n + k == 0) {
            return alive;
        }
        double atLeastN = n == 0 ? 1 : Beta.regularizedBeta(t / (alpha + t), n, r);
        return alive + Math.exp(Beta.logBeta(a + 1, b + n + k - 1) - lnBeta) * atLeastN;
    }

    /** Simulates the repeat purchases of customers of the given ages: frequency and recency per customer. */
    public RfmCells simulate(double[] ages, long seed, java.time.temporal.ChronoUnit unit) {
        RandomDataGenerator random = new RandomDataGenerator(seed);
        RfmCells.Builder cells = RfmCells.builder(unit);
        for (double age : ages) {
            double lambda = random.nextGamma(r, 1 / alpha);
            double p = random.nextBeta(a, b);
            int x = 0;
            double last = 0;
            boolean alive = k == 0 || random.nextDouble() >= p;
            double time = 0;
            while (alive) {
                time += random.nextExponential(1 / lambda);
                if (time > age) {
                    break;
                }
                x++;
                last = time;
                alive = random.nextDouble() >= p;
            }
            cells.add(x, last, age);
        }
        return cells.build();
    }
}
