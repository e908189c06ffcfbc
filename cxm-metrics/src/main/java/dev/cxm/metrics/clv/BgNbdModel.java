package dev.cxm.metrics.clv;

import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cxm.core.internal.Checks;

/**
 * A fitted (or given) BG/NBD model: while alive a customer buys at rate {@code lambda ~ Gamma(r, alpha)},
 * and after each repeat purchase a customer drops out with probability {@code p ~ Beta(a, b)}.
 *
 * <p>Reference: Fader, Hardie &amp; Lee (2005), "Counting your customers the easy way: an alternative to the Pareto/NBD model", Marketing Science 24(2).
 *
 * @param r the shape of the purchase-rate distribution
 * @param alpha its rate (scale of time), in {@code unit}
 * @param a the first shape of the drop-out probability distribution
 * @param b its second shape
 * @param unit the time unit of alpha, and of every time the model takes or returns
 */
public record BgNbdModel(double r, double alpha, double a, double b, ChronoUnit unit) implements PurchaseModel {

    /** Validates the parameters: each finite and positive. */
    public BgNbdModel {
        Arguments.positive("r", r);
        Arguments.positive("alpha", alpha);
        Arguments.positive("a", a);
        Arguments.positive("b", b);
        TimeUnits.requireModelUnit("unit", unit);
    }

    /** Returns the model with the given parameters. */
    public static BgNbdModel of(double r, double alpha, double a, double b, ChronoUnit unit) {
        return new BgNbdModel(r, alpha, a, b, unit);
    }

    @Override
    public String name() {
        return "bg-nbd";
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("r", r);
        parameters.put("alpha", alpha);
        parameters.put("a", a);
        parameters.put("b", b);
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public double expectedPurchases(double t) {
        return process().expectedPurchases(Arguments.nonNegative("t", t));
    }

    @Override
    public double conditionalExpectedPurchases(double t, int frequency, double recency, double age) {
        CustomerSummary.requireHistory(frequency, recency, age, "");
        return process().conditionalExpectedPurchases(Arguments.nonNegative("t", t), frequency, recency, age);
    }

    @Override
    public double[] conditionalExpectedPurchases(double[] horizons, int frequency, double recency, double age) {
        CustomerSummary.requireHistory(frequency, recency, age, "");
        return process().conditionalExpectedPurchases(horizons, frequency, recency, age);
    }

    @Override
    public double expectedPurchasesWhileAlive(double t, int frequency, double age) {
        Checks.nonNegative("frequency", frequency);
        return process().expectedWhileAlive(Arguments.nonNegative("t", t), frequency, Arguments.nonNegative("age", age));
    }

    @Override
    public double probabilityAlive(int frequency, double recency, double age) {
        CustomerSummary.requireHistory(frequency, recency, age, "");
        return process().probabilityAlive(frequency, recency, age);
    }

    @Override
    public double probabilityOfPurchases(int count, double t) {
        Checks.nonNegative("count", count);
        return process().probabilityOfPurchases(count, Arguments.nonNegative("t", t));
    }

    @Override
    public double logLikelihood(int frequency, double recency, double age) {
        CustomerSummary.requireHistory(frequency, recency, age, "");
        return process().logLikelihood(frequency, recency, age);
    }

    /**
     * Simulates customers of the given ages (T, in {@code unit}) from the model: the repeat purchases each
     * makes up to its age, as cells of weight 1, reproducibly for a seed.
     */
    public RfmCells simulate(double[] ages, long seed) {
        for (double age : ages) {
            Arguments.nonNegative("age", age);
        }
        return process().simulate(ages, seed, unit);
    }

    private BetaGeometricProcess process() {
        return new BetaGeometricProcess(r, alpha, a, b, 0);
    }
}
