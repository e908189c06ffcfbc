package dev.cxm.metrics.clv;

import java.time.temporal.ChronoUnit;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.rfm.internal.Units;

/**
 * A fitted (or given) MBG/NBD model: while alive a customer buys at rate {@code lambda ~ Gamma(r, alpha)},
 * and after each purchase, the first one included, a customer drops out with probability {@code p ~ Beta(a, b)}, so a customer may be gone before any repeat purchase.
 *
 * <p>Reference: Batislam, Denizel &amp; Filiztekin (2007), "Empirical validation and comparison of models for customer base analysis", International Journal of Research in Marketing 24(3).
 *
 * @param r the shape of the purchase-rate distribution
 * @param alpha its rate (scale of time), in {@code unit}
 * @param a the first shape of the drop-out probability distribution
 * @param b its second shape
 * @param unit the time unit of alpha, and of every time the model takes or returns
 */
public record MbgNbdModel(double r, double alpha, double a, double b, ChronoUnit unit) implements BetaGeometricModel {

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
    public MbgNbdModel {
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
    public static MbgNbdModel of(double r, double alpha, double a, double b, ChronoUnit unit) {
        return new MbgNbdModel(r, alpha, a, b, unit);
    }

    /**
     * Returns the model's short name, {@code mbg-nbd}.
     *
     * @return the name
     */
    @Override
    public String name() {
        return "mbg-nbd";
    }

    /**
     * Returns 1: a customer may drop out right after the first purchase.
     *
     * @return 1
     */
    @Override
    public int dropOutsBeforeRepeats() {
        return 1;
    }
}
