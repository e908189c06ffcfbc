package dev.cxm.metrics.churn;

import java.time.LocalDate;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;

/**
 * Churn and retention of one group in one calendar period [start, end).
 *
 * <p>A customer is <em>at start</em> when active just before the period starts; of those, the
 * <em>churned</em> churn (cancel, or reach the inactivity threshold) during the period and the
 * <em>retained</em> do not. <em>New</em> customers become active for the first time during the period,
 * <em>reactivated</em> ones come back after having churned. <em>At end</em> counts those active when the
 * period ends (the next period's at start).
 *
 * @param group the group, {@code "all"} when not grouped
 * @param start the first day of the period
 * @param end the first day after the period
 * @param atStart customers active at the start
 * @param retained of them, still active at the end without having churned in between
 * @param churned of them, churned during the period
 * @param newCustomers customers active for the first time during the period
 * @param reactivated customers who came back during the period after having churned
 * @param atEnd customers active at the end
 * @param churnRate churned / atStart; empty when no customer was active at the start
 * @param retentionRate retained / atStart; empty when no customer was active at the start
 */
public record PeriodChurn(String group, LocalDate start, LocalDate end, long atStart, long retained, long churned,
        long newCustomers, long reactivated, long atEnd, OptionalDouble churnRate, OptionalDouble retentionRate) {

    /**
     * Validates the counts: retained and churned split the customers at start.
     *
     * @param group the group, {@code "all"} when not grouped; non-blank
     * @param start the first day of the period
     * @param end the first day after the period
     * @param atStart customers active at the start
     * @param retained of them, still active at the end without having churned in between; 0 or more
     * @param churned of them, churned during the period; 0 or more, and {@code retained + churned == atStart}
     * @param newCustomers customers active for the first time during the period; 0 or more
     * @param reactivated customers who came back during the period after having churned; 0 or more
     * @param atEnd customers active at the end; 0 or more
     * @param churnRate exactly churned / atStart; empty exactly when atStart is 0
     * @param retentionRate exactly retained / atStart; empty exactly when atStart is 0
     * @throws IllegalArgumentException when a count is negative, retained and churned do not add up to
     *     atStart, or a rate is not its count over atStart
     */
    public PeriodChurn {
        Checks.nonBlank("group", group);
        Checks.present("start", start);
        Checks.present("end", end);
        if (retained < 0 || churned < 0 || newCustomers < 0 || reactivated < 0 || atEnd < 0
                || retained + churned != atStart) {
            throw new IllegalArgumentException("counts: atStart " + atStart + ", retained " + retained + ", churned "
                    + churned + "; counts are never negative and retained + churned = atStart");
        }
        Checks.present("churnRate", churnRate);
        Checks.present("retentionRate", retentionRate);
        requireRate("churnRate", churnRate, churned, atStart);
        requireRate("retentionRate", retentionRate, retained, atStart);
    }

    /** Requires {@code rate} to be count / atStart, and empty exactly when atStart is 0. */
    private static void requireRate(String field, OptionalDouble rate, long count, long atStart) {
        OptionalDouble expected = atStart == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count / atStart);
        if (!rate.equals(expected)) {
            throw new IllegalArgumentException(field + ": " + rate + " is not " + count + " / " + atStart + " = "
                    + expected + "; a rate is its count over the customers at start, empty when there are none");
        }
    }

    /**
     * Returns the counts of a period with the rates derived from them.
     *
     * @param group the group, {@code "all"} when not grouped; non-blank
     * @param start the first day of the period
     * @param end the first day after the period
     * @param atStart customers active at the start
     * @param churned of them, churned during the period; at most {@code atStart} (the rest are retained)
     * @param newCustomers customers active for the first time during the period; 0 or more
     * @param reactivated customers who came back during the period after having churned; 0 or more
     * @param atEnd customers active at the end; 0 or more
     * @return the period, with retained = atStart - churned and both rates over atStart (empty when it is 0)
     * @throws IllegalArgumentException when a count is negative or {@code churned} exceeds {@code atStart}
     */
    public static PeriodChurn of(String group, LocalDate start, LocalDate end, long atStart, long churned,
            long newCustomers, long reactivated, long atEnd) {
        long retained = atStart - churned;
        return new PeriodChurn(group, start, end, atStart, retained, churned, newCustomers, reactivated, atEnd,
                rate(churned, atStart), rate(retained, atStart));
    }

    private static OptionalDouble rate(long count, long atStart) {
        return atStart == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count / atStart);
    }
}
