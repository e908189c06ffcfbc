package dev.cxm.engage.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;

/**
 * What a fitted CLV model says of one customer at one instant: P(alive), the expected purchases over the
 * horizon and, with a spend model, the discounted lifetime value in the valuation's currency.
 *
 * @param asOf the instant the estimate is for (the end of calibration, "now", in the models' terms)
 * @param model the purchase model's short name, such as {@code bg-nbd}
 * @param probabilityAlive P(alive) at {@code asOf}, 0 to 1
 * @param horizon the horizon of the expected purchases and the value
 * @param expectedPurchases the expected purchases within the horizon after {@code asOf}
 * @param lifetimeValue the discounted lifetime value over the horizon, when a spend model is given and every
 *     purchase of the customer is in its currency
 * @param currency the currency of {@code lifetimeValue}, when it is present
 */
public record ClvEstimate(Instant asOf, String model, double probabilityAlive, Duration horizon,
        double expectedPurchases, OptionalDouble lifetimeValue, Optional<Currency> currency) {

    /**
     * Validates the estimate.
     *
     * @param asOf the instant the estimate is for
     * @param model the purchase model's short name
     * @param probabilityAlive P(alive), 0 to 1
     * @param horizon the horizon, positive
     * @param expectedPurchases the expected purchases, finite and 0 or more
     * @param lifetimeValue the lifetime value, finite, when present
     * @param currency the currency of the value; present exactly when the value is
     * @throws IllegalArgumentException naming the field, the value and the rule when one is invalid
     */
    public ClvEstimate {
        Checks.present("asOf", asOf);
        Checks.nonBlank("model", model);
        if (!(probabilityAlive >= 0 && probabilityAlive <= 1)) {
            throw new IllegalArgumentException("probabilityAlive: " + probabilityAlive + " is not a probability 0..1");
        }
        Checks.present("horizon", horizon);
        Checks.nonNegative("expectedPurchases", expectedPurchases);
        Checks.present("lifetimeValue", lifetimeValue);
        lifetimeValue.ifPresent(value -> Checks.finite("lifetimeValue", value));
        Checks.present("currency", currency);
        if (lifetimeValue.isPresent() != currency.isPresent()) {
            throw new IllegalArgumentException("currency: is " + (currency.isPresent() ? "present" : "absent")
                    + " while lifetimeValue is not; a value has a currency and only a value has one");
        }
    }

    /**
     * Returns the lifetime value at risk: the lifetime value times the probability that the customer has
     * already left, {@code lifetimeValue * (1 - probabilityAlive)}.
     *
     * @return the value at risk, when there is a lifetime value
     */
    public OptionalDouble valueAtRisk() {
        return lifetimeValue.isPresent() ? OptionalDouble.of(lifetimeValue.getAsDouble() * (1 - probabilityAlive))
                : OptionalDouble.empty();
    }
}
