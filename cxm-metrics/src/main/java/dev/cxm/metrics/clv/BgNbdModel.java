package dev.cxm.metrics.clv;

import java.time.temporal.ChronoUnit;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.rfm.internal.Units;

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
public record BgNbdModel(double r, double alpha, double a, double b, ChronoUnit unit) implements BetaGeometricModel {

    /**
     * Validates the parameters: each finite and positive, and a unit of customer time.
     *
     * @param r the shape of the purchase-rate distribution
     * @param alpha its rate (scale of time), in {@code unit}
     * @param a the first shape of the drop-out probability distribution
     * @param b its second shape
     * @param unit the time unit of alpha, and of every time the model takes or returns
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public BgNbdModel {
        Checks.positive("r", r);
        Checks.positive("alpha", alpha);
        Checks.positive("a", a);
        Checks.positive("b", b);
        Units.requireModelUnit("unit", unit);
    }

    /**
     * Returns the model with the given parameters.
     *
     * @param r the shape of the purchase-rate distribution
     * @param alpha its rate, in {@code unit}
     * @param a the first shape of the drop-out probability distribution
     * @param b its second shape
     * @param unit the time unit of alpha and of every time the model takes or returns
     * @return the model
     */
    public static BgNbdModel of(double r, double alpha, double a, double b, ChronoUnit unit) {
        return new BgNbdModel(r, alpha, a, b, unit);
    }

    /**
     * Returns the model's short name, {@code bg-nbd}.
     *
     * @return the name
     */
    @Override
    public String name() {
        return "bg-nbd";
    }

    /**
     * Returns 0: a customer drops out only after repeat purchases.
     *
     * @return 0
     */
    @Override
    public int dropOutsBeforeRepeats() {
        return 0;
    }
}
