package dev.cxm.metrics.clv;

import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * The lifetime values of a set of customers, with the terms and units they were computed in.
 *
 * @param settings the horizon, discounting period and rate
 * @param unit the time unit of the purchase model
 * @param purchaseModel the purchase model's name
 * @param currency the currency of the values, when the summary knew it
 * @param customers one value per customer, in the summary's order
 */
public record LifetimeValues(ClvSettings settings, ChronoUnit unit, String purchaseModel, Optional<Currency> currency,
        List<CustomerValue> customers) {

    /**
     * Validates the result and makes the list immutable.
     *
     * @param settings the horizon, discounting period and rate
     * @param unit the time unit of the purchase model
     * @param purchaseModel the purchase model's name
     * @param currency the currency of the values, when the summary knew it
     * @param customers one value per customer, in the summary's order
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public LifetimeValues {
        Checks.present("settings", settings);
        Checks.present("unit", unit);
        Checks.nonBlank("purchaseModel", purchaseModel);
        Checks.present("currency", currency);
        customers = List.copyOf(Checks.present("customers", customers));
    }

    /**
     * Returns the sum of the customers' values.
     *
     * @return the total value
     */
    public double total() {
        return customers.stream().mapToDouble(CustomerValue::value).sum();
    }
}
