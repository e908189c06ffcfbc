package dev.cxm.metrics.churn;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;

/**
 * One cohort of a {@link CohortTable}: its members, and how many of them were active in each period since.
 *
 * @param cohort the first day of the cohort's period
 * @param size the customers in the cohort
 * @param active at index k, the members active k periods after the cohort's period (index 0 is the
 *     cohort's own period, where every member is active)
 * @param retention at index k, the share of {@code active[k]} in the base the table is relative to;
 *     empty where that base is 0
 */
public record CohortRow(LocalDate cohort, long size, List<Long> active, List<OptionalDouble> retention) {

    /**
     * Validates and copies the row.
     *
     * @param cohort the first day of the cohort's period
     * @param size the customers in the cohort
     * @param active at index k, the members active k periods after the cohort's period; each within
     *     0..{@code size}
     * @param retention at index k, the share of {@code active[k]} in the table's base; one per count, empty
     *     where the base is 0
     * @throws IllegalArgumentException if {@code active} is empty, differs in length from {@code retention}, or
     *     holds a count outside 0..{@code size}
     */
    public CohortRow {
        Checks.present("cohort", cohort);
        active = List.copyOf(active);
        retention = List.copyOf(retention);
        if (active.size() != retention.size() || active.isEmpty()) {
            throw new IllegalArgumentException("active: " + active.size() + " counts and " + retention.size()
                    + " rates; a row has at least one period and one rate per count");
        }
        for (long count : active) {
            if (count < 0 || count > size) {
                throw new IllegalArgumentException("active: " + count + " is outside 0.." + size + " for the cohort of "
                        + cohort);
            }
        }
    }
}
