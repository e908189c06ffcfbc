package dev.cxm.metrics.clv.rfm;

import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.metrics.clv.rfm.internal.Histories;

/**
 * One customer's purchase history in the calibration period, reduced to what the CLV models need: a
 * {@link CustomerHistory} with the customer's id, spend and holdout actuals.
 *
 * <p>Times are in the unit of the {@link RfmSummary} the summary belongs to.
 *
 * @param customerId the customer
 * @param frequency the number of repeat purchases: purchase periods after the first one
 * @param recency the time from the first purchase to the last one; 0 without repeat purchases
 * @param age the time from the first purchase to the end of calibration ({@code T} in the papers)
 * @param monetaryValue the mean value of the repeat purchases; empty without repeat purchases or amounts
 * @param totalSpend the value of every calibration purchase, the first one included; empty without amounts
 * @param holdout what the customer did in the holdout period, when the summary has one
 */
public record CustomerSummary(
        CustomerId customerId,
        int frequency,
        double recency,
        double age,
        OptionalDouble monetaryValue,
        OptionalDouble totalSpend,
        Optional<HoldoutSummary> holdout) implements CustomerHistory {

    /**
     * Validates the summary.
     *
     * @param customerId the customer
     * @param frequency the number of repeat purchases: purchase periods after the first one
     * @param recency the time from the first purchase to the last one; 0 without repeat purchases
     * @param age the time from the first purchase to the end of calibration ({@code T} in the papers)
     * @param monetaryValue the mean value of the repeat purchases; empty without repeat purchases or amounts
     * @param totalSpend the value of every calibration purchase, the first one included; empty without amounts
     * @param holdout what the customer did in the holdout period, when the summary has one
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public CustomerSummary {
        Checks.present("customerId", customerId);
        Checks.present("monetaryValue", monetaryValue);
        Checks.present("totalSpend", totalSpend);
        Checks.present("holdout", holdout);
        Histories.require(frequency, recency, age, () -> " (customer " + customerId + ")");
        if (monetaryValue.isPresent()) {
            Checks.nonNegative("monetaryValue", monetaryValue.getAsDouble());
            if (frequency == 0) {
                throw new IllegalArgumentException("monetaryValue: " + monetaryValue.getAsDouble() + " is given for"
                        + " customer " + customerId + " without repeat purchases; the mean repeat spend needs one");
            }
        }
        totalSpend.ifPresent(value -> Checks.nonNegative("totalSpend", value));
    }

    /**
     * Returns the summary of a customer without amounts or holdout.
     *
     * @param customerId the customer
     * @param frequency x, the repeat purchases
     * @param recency t_x
     * @param age T
     * @return the summary
     */
    public static CustomerSummary of(CustomerId customerId, int frequency, double recency, double age) {
        return new CustomerSummary(customerId, frequency, recency, age, OptionalDouble.empty(), OptionalDouble.empty(),
                Optional.empty());
    }
}
