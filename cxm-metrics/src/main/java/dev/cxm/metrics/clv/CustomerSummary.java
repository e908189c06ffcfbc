package dev.cxm.metrics.clv;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.metrics.clv.internal.Arguments;

/**
 * One customer's purchase history in the calibration period, reduced to what the CLV models need.
 *
 * <p>Times are in the unit of the {@link RfmSummary} (or {@link RfmCells}) the summary belongs to.
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
        Optional<HoldoutSummary> holdout) {

    /** Validates the summary. */
    public CustomerSummary {
        Checks.present("customerId", customerId);
        Checks.present("monetaryValue", monetaryValue);
        Checks.present("totalSpend", totalSpend);
        Checks.present("holdout", holdout);
        requireHistory(frequency, recency, age, () -> " (customer " + customerId + ")");
        if (monetaryValue.isPresent()) {
            Arguments.nonNegative("monetaryValue", monetaryValue.getAsDouble());
            if (frequency == 0) {
                throw new IllegalArgumentException("monetaryValue: " + monetaryValue.getAsDouble() + " is given for"
                        + " customer " + customerId + " without repeat purchases; the mean repeat spend needs one");
            }
        }
        totalSpend.ifPresent(value -> Arguments.nonNegative("totalSpend", value));
    }

    /** Returns the summary of a customer without amounts or holdout. */
    public static CustomerSummary of(CustomerId customerId, int frequency, double recency, double age) {
        return new CustomerSummary(customerId, frequency, recency, age, OptionalDouble.empty(), OptionalDouble.empty(),
                Optional.empty());
    }

    /**
     * Checks that frequency, recency and T describe a possible history.
     *
     * @param where appended to a message to say which customer or row is wrong; asked for only when the
     *     history is impossible, so that checking a million valid histories builds no text
     */
    static void requireHistory(int frequency, double recency, double age, Supplier<String> where) {
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency: " + frequency + " is negative" + where.get()
                    + "; it counts repeat purchases");
        }
        if (!Double.isFinite(recency) || recency < 0) {
            throw new IllegalArgumentException("recency: " + recency + " is negative or not finite" + where.get()
                    + "; it is the time from the first to the last purchase");
        }
        if (!Double.isFinite(age) || age < 0) {
            throw new IllegalArgumentException("T: " + age + " is negative or not finite" + where.get()
                    + "; it is the time from the first purchase to the end of calibration");
        }
        if (recency > age) {
            throw new IllegalArgumentException("recency: " + recency + " is greater than T " + age + where.get()
                    + "; the last purchase cannot come after the end of calibration");
        }
        if (frequency == 0 && recency != 0) {
            throw new IllegalArgumentException("recency: " + recency + " is not 0 although frequency is 0" + where.get()
                    + "; without repeat purchases the recency is 0");
        }
    }

    /** As {@link #requireHistory(int, double, double, Supplier)}, with a fixed {@code where}. */
    static void requireHistory(int frequency, double recency, double age, String where) {
        requireHistory(frequency, recency, age, () -> where);
    }
}
