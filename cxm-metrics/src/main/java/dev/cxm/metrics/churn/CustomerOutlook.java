package dev.cxm.metrics.churn;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * What a non-contractual churn-risk ranking needs to know of one customer: the probability that they are
 * still a customer ("alive", as a BG/NBD or Pareto/NBD model estimates it) and what they are worth (such
 * as their expected lifetime value, or their spend so far).
 *
 * @param customer the customer
 * @param probabilityAlive P(alive), in [0, 1]
 * @param value the customer's value in the caller's unit; finite, zero or more
 */
public record CustomerOutlook(CustomerId customer, double probabilityAlive, double value) {

    /**
     * Validates the outlook.
     *
     * @param customer the customer
     * @param probabilityAlive P(alive), in [0, 1]
     * @param value the customer's value in the caller's unit (such as a currency amount); finite, zero or more
     * @throws IllegalArgumentException naming the customer when {@code probabilityAlive} is outside [0, 1] or
     *     {@code value} is negative, infinite or NaN
     */
    public CustomerOutlook {
        Checks.present("customer", customer);
        if (!(probabilityAlive >= 0 && probabilityAlive <= 1)) {
            throw new IllegalArgumentException("probabilityAlive: " + probabilityAlive + " of customer " + customer
                    + " is outside [0, 1]");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("value: " + value + " of customer " + customer
                    + " is not a finite number zero or more");
        }
    }

    /**
     * Returns the outlook of {@code customer}.
     *
     * @param customer the customer
     * @param probabilityAlive P(alive), in [0, 1]
     * @param value the customer's value in the caller's unit (such as a currency amount); finite, zero or more
     * @return the outlook
     * @throws IllegalArgumentException naming the customer when {@code probabilityAlive} is outside [0, 1] or
     *     {@code value} is negative, infinite or NaN
     */
    public static CustomerOutlook of(CustomerId customer, double probabilityAlive, double value) {
        return new CustomerOutlook(customer, probabilityAlive, value);
    }

    /**
     * Returns the value expected to be lost: value * (1 - P(alive)).
     *
     * @return the value at risk, in the unit of {@link #value()}; between 0 and {@code value}
     */
    public double valueAtRisk() {
        return value * (1 - probabilityAlive);
    }
}
