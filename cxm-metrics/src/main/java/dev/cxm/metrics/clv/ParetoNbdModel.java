package dev.cxm.metrics.clv;

import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.special.Gamma;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.ParetoNbdIntegral;
import dev.cxm.metrics.clv.internal.SpecialFunctions;
import dev.cxm.metrics.clv.rfm.CustomerHistory;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.internal.Units;

/**
 * A fitted (or given) Pareto/NBD model: while alive a customer buys at rate {@code lambda ~ Gamma(r, alpha)},
 * and stays alive for an exponential lifetime of rate {@code mu ~ Gamma(s, beta)}.
 *
 * <p>Reference: Schmittlein, Morrison &amp; Colombo (1987), "Counting your customers: who are they and what
 * will they do next?", Management Science 33(1); the expressions follow Fader &amp; Hardie (2005), "A note
 * on deriving the Pareto/NBD model and related expressions". The likelihood's integral is computed without
 * overflow at any frequency (see {@link ParetoNbd}).
 *
 * @param r the shape of the purchase-rate distribution
 * @param alpha its rate (scale of time), in {@code unit}
 * @param s the shape of the drop-out-rate distribution
 * @param beta its rate, in {@code unit}
 * @param unit the time unit of alpha and beta, and of every time the model takes or returns
 */
public record ParetoNbdModel(double r, double alpha, double s, double beta, ChronoUnit unit) implements PurchaseModel {

    /**
     * Validates the parameters: each finite and positive.
     *
     * @param r the shape of the purchase-rate distribution
     * @param alpha its rate (scale of time), in {@code unit}
     * @param s the shape of the drop-out-rate distribution
     * @param beta its rate, in {@code unit}
     * @param unit the time unit of alpha and beta, and of every time the model takes or returns
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public ParetoNbdModel {
        Checks.positive("r", r);
        Checks.positive("alpha", alpha);
        Checks.positive("s", s);
        Checks.positive("beta", beta);
        Units.requireModelUnit("unit", unit);
    }

    /**
     * Returns the model with the given parameters.
     *
     * @param r the shape of the purchase-rate distribution
     * @param alpha its rate, in {@code unit}
     * @param s the shape of the drop-out-rate distribution
     * @param beta its rate, in {@code unit}
     * @param unit the time unit of alpha and beta, and of every time the model takes or returns
     * @return the model
     */
    public static ParetoNbdModel of(double r, double alpha, double s, double beta, ChronoUnit unit) {
        return new ParetoNbdModel(r, alpha, s, beta, unit);
    }

    /**
     * Returns the model's short name, {@code pareto-nbd}.
     *
     * @return the name
     */
    @Override
    public String name() {
        return "pareto-nbd";
    }

    /**
     * Returns the parameters {@code r, alpha, s, beta}.
     *
     * @return the parameters by name
     */
    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("r", r);
        parameters.put("alpha", alpha);
        parameters.put("s", s);
        parameters.put("beta", beta);
        return Collections.unmodifiableMap(parameters);
    }

    /** Returns {@code r beta / (alpha (s - 1)) [1 - (beta / (beta + t))^(s - 1)]}, continued through s = 1. */
    @Override
    public double expectedPurchases(double t) {
        Checks.nonNegative("t", t);
        return r / alpha * beta * SpecialFunctions.expm1Ratio(1 - s, Math.log1p(t / beta));
    }

    /**
     * Returns {@code P(alive) (r + x)(beta + T) / ((alpha + T)(s - 1)) [1 - ((beta + T) / (beta + T + t))^(s - 1)]}.
     */
    @Override
    public double conditionalExpectedPurchases(double t, CustomerHistory customer) {
        Checks.nonNegative("t", t);
        return probabilityAlive(customer) * whileAlive(t, customer.frequency(), customer.age());
    }

    @Override
    public double[] conditionalExpectedPurchases(double[] horizons, CustomerHistory customer) {
        Checks.present("horizons", horizons);
        double alive = probabilityAlive(customer);
        double[] expected = new double[horizons.length];
        for (int i = 0; i < horizons.length; i++) {
            expected[i] = alive * whileAlive(Checks.nonNegative("horizon", horizons[i]), customer.frequency(),
                    customer.age());
        }
        return expected;
    }

    @Override
    public double expectedPurchasesWhileAlive(double t, CustomerHistory customer) {
        Checks.present("customer", customer);
        return whileAlive(Checks.nonNegative("t", t), customer.frequency(), customer.age());
    }

    private double whileAlive(double t, int frequency, double age) {
        return (r + frequency) / (alpha + age) * (beta + age)
                * SpecialFunctions.expm1Ratio(1 - s, Math.log1p(t / (beta + age)));
    }

    @Override
    public double probabilityAlive(CustomerHistory customer) {
        Checks.present("customer", customer);
        int frequency = customer.frequency();
        double age = customer.age();
        return Math.exp(logAlive(frequency, age) - logBracket(frequency, customer.recency(), age));
    }

    /**
     * Returns P(X(t) = n) for a new customer: the chance of n purchases while alive through t, plus the
     * integral over the moment of drop-out before t, taken numerically (Gauss-Legendre, relative accuracy
     * 1e-10).
     */
    @Override
    public double probabilityOfPurchases(int count, double t) {
        Checks.nonNegative("count", count);
        Checks.nonNegative("t", t);
        double logCoefficient = Gamma.logGamma(r + count) - Gamma.logGamma(r) - Gamma.logGamma(count + 1.0);
        double aliveThrough = Math.exp(logCoefficient + logNegativeBinomialKernel(count, t) - s * Math.log1p(t / beta));
        if (t == 0) {
            return aliveThrough;
        }
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(32, 1e-10, 1e-15);
        double droppedOut = integrator.integrate(Integer.MAX_VALUE, tau -> Math.exp(logCoefficient
                + logNegativeBinomialKernel(count, tau) + Math.log(s / beta) - (s + 1) * Math.log1p(tau / beta)), 0, t);
        return aliveThrough + droppedOut;
    }

    private double logNegativeBinomialKernel(int count, double t) {
        return -r * Math.log1p(t / alpha) + (count == 0 ? 0 : count * Math.log(t / (alpha + t)));
    }

    @Override
    public double logLikelihood(CustomerHistory customer) {
        Checks.present("customer", customer);
        int frequency = customer.frequency();
        double recency = customer.recency();
        double age = customer.age();
        return Gamma.logGamma(r + frequency) - Gamma.logGamma(r) + r * Math.log(alpha) + s * Math.log(beta)
                + logBracket(frequency, recency, age);
    }

    private double logAlive(int frequency, double age) {
        return -(r + frequency) * Math.log(alpha + age) - s * Math.log(beta + age);
    }

    /** Returns log[(alpha + T)^-(r+x) (beta + T)^-s + s (G(t_x) - G(T))]. */
    private double logBracket(int frequency, double recency, double age) {
        double alive = logAlive(frequency, age);
        if (recency >= age) {
            return alive;
        }
        double first = ParetoNbdIntegral.logValue(r, alpha, s, beta, frequency, recency);
        double last = ParetoNbdIntegral.logValue(r, alpha, s, beta, frequency, age);
        double gap = last - first;
        double dead = Math.log(s) + first + (gap < -40 ? -Math.exp(gap) : Math.log(-Math.expm1(gap)));
        return Math.max(alive, dead) + Math.log1p(Math.exp(-Math.abs(alive - dead)));
    }

    /**
     * Simulates customers of the given ages (T, in {@code unit}) from the model: the repeat purchases each
     * makes up to its age, as cells of weight 1, reproducibly for a seed.
     *
     * @param ages the customers' ages, each finite and 0 or more
     * @param seed the seed of the random numbers
     * @return one anonymous row per customer
     */
    public RfmCells simulate(double[] ages, long seed) {
        RandomDataGenerator random = new RandomDataGenerator(seed);
        RfmCells.Builder cells = RfmCells.builder(unit);
        for (double age : ages) {
            Checks.nonNegative("age", age);
            double lambda = random.nextGamma(r, 1 / alpha);
            double lifetime = random.nextExponential(1 / random.nextGamma(s, 1 / beta));
            double end = Math.min(age, lifetime);
            int x = 0;
            double last = 0;
            for (double time = random.nextExponential(1 / lambda); time <= end; time += random.nextExponential(1 / lambda)) {
                x++;
                last = time;
            }
            cells.add(x, last, age);
        }
        return cells.build();
    }
}
