package dev.cxm.metrics.clv.rfm.internal;

import java.util.function.Supplier;

/**
 * The check of a customer history (frequency, recency, T) shared by the history records, the cells and the
 * models; the one place that says what a possible history is.
 */
public final class Histories {

    private Histories() {}

    /**
     * Checks that frequency, recency and T describe a possible history.
     *
     * @param frequency the repeat purchases
     * @param recency the time from the first purchase to the last
     * @param age the time from the first purchase to the end of calibration
     * @param where appended to a message to say which customer or row is wrong; asked for only when the
     *     history is impossible, so that checking a million valid histories builds no text
     * @throws IllegalArgumentException naming the field, the value and the rule
     */
    public static void require(int frequency, double recency, double age, Supplier<String> where) {
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

    /**
     * As {@link #require(int, double, double, Supplier)}, for a history that belongs to no row.
     *
     * @param frequency the repeat purchases
     * @param recency the time from the first purchase to the last
     * @param age the time from the first purchase to the end of calibration
     */
    public static void require(int frequency, double recency, double age) {
        require(frequency, recency, age, () -> "");
    }
}
