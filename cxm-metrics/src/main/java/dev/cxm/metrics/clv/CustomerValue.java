package dev.cxm.metrics.clv;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * One customer's expected future: whether still alive, how many purchases, at what spend, and their
 * discounted value, over the horizon of the {@link LifetimeValues} it belongs to.
 *
 * @param customerId the customer
 * @param probabilityAlive the probability that the customer is still alive at the end of calibration
 * @param expectedPurchases the expected purchases over the horizon, undiscounted
 * @param expectedAverageSpend the expected spend per purchase
 * @param value the discounted expected value of the purchases over the horizon
 */
public record CustomerValue(CustomerId customerId, double probabilityAlive, double expectedPurchases,
        double expectedAverageSpend, double value) {

    /**
     * Validates the values.
     *
     * @param customerId the customer
     * @param probabilityAlive the probability that the customer is still alive at the end of calibration
     * @param expectedPurchases the expected purchases over the horizon, undiscounted
     * @param expectedAverageSpend the expected spend per purchase
     * @param value the discounted expected value of the purchases over the horizon
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public CustomerValue {
        Checks.present("customerId", customerId);
        Checks.nonNegative("probabilityAlive", probabilityAlive);
        if (probabilityAlive > 1) {
            throw new IllegalArgumentException("probabilityAlive: " + probabilityAlive + " is above 1; it is a"
                    + " probability");
        }
        Checks.nonNegative("expectedPurchases", expectedPurchases);
        Checks.nonNegative("expectedAverageSpend", expectedAverageSpend);
        Checks.nonNegative("value", value);
    }
}
