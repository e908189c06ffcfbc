package dev.cxm.metrics.clv.rfm;

import dev.cxm.metrics.clv.rfm.internal.Histories;

/**
 * What the purchase models read of one customer: the number of repeat purchases (x), the time from the first
 * purchase to the last (t_x, recency) and the time from the first purchase to the end of calibration (T,
 * age), in the unit of the summary or cells it belongs to (and of the model that reads it). As one value, so
 * that a horizon can never be passed where a recency belongs.
 *
 * <p>A {@link CustomerSummary} is one; {@link #of(int, double, double)} makes one from the three numbers.
 * For BG/BB, recency and T count whole opportunities.
 *
 * <pre>{@code
 * double alive = model.probabilityAlive(CustomerHistory.of(2, 30.43, 38.86));
 * }</pre>
 */
public sealed interface CustomerHistory permits CustomerSummary, CustomerHistory.Counts {

    /**
     * Returns the number of repeat purchases: purchase periods after the first one.
     *
     * @return x, 0 or more
     */
    int frequency();

    /**
     * Returns the time from the first purchase to the last one; 0 without repeat purchases.
     *
     * @return t_x, from 0 to {@link #age()}
     */
    double recency();

    /**
     * Returns the time from the first purchase to the end of calibration ({@code T} in the papers).
     *
     * @return T, 0 or more
     */
    double age();

    /**
     * Returns the history of a customer with {@code frequency} repeat purchases, the last {@code recency} after
     * the first, and {@code age} (T) from the first purchase to the end of calibration.
     *
     * @param frequency x, 0 or more
     * @param recency t_x, from 0 to {@code age}; 0 when {@code frequency} is 0
     * @param age T, finite and 0 or more
     * @return the history
     * @throws IllegalArgumentException naming the field, the value and the rule when no customer can have it
     */
    static CustomerHistory of(int frequency, double recency, double age) {
        return new Counts(frequency, recency, age);
    }

    /**
     * A history given by its three numbers (see {@link CustomerHistory#of(int, double, double)}).
     *
     * @param frequency x, 0 or more
     * @param recency t_x, from 0 to {@code age}; 0 when {@code frequency} is 0
     * @param age T, finite and 0 or more
     */
    record Counts(int frequency, double recency, double age) implements CustomerHistory {

        /**
         * Validates the history.
         *
         * @param frequency x, 0 or more
         * @param recency t_x, from 0 to {@code age}; 0 when {@code frequency} is 0
         * @param age T, finite and 0 or more
         * @throws IllegalArgumentException naming the field, the value and the rule when no customer can have it
         */
        public Counts {
            Histories.require(frequency, recency, age);
        }
    }
}
