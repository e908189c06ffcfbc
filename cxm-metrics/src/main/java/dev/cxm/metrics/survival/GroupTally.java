package dev.cxm.metrics.survival;

/**
 * One group's part in a log-rank test: its churns, and the churns expected if every group had the same
 * hazard.
 *
 * @param group the group
 * @param subjects its subjects
 * @param observed how many of them churned
 * @param expected how many would have churned under equal hazards (the sum over churn times of
 *     d n_group / n)
 */
public record GroupTally(String group, int subjects, int observed, double expected) {

    /**
     * Validates the counts.
     *
     * @param group the group; non-blank
     * @param subjects its subjects
     * @param observed how many of them churned; from 0 to {@code subjects}
     * @param expected how many would have churned under equal hazards; zero or more
     * @throws IllegalArgumentException if {@code observed} is outside 0..subjects or {@code expected} is
     *     negative or NaN
     */
    public GroupTally {
        dev.cxm.core.internal.Checks.nonBlank("group", group);
        if (observed < 0 || observed > subjects) {
            throw new IllegalArgumentException("observed: " + observed + " is outside 0.." + subjects + " subjects");
        }
        if (!(expected >= 0)) {
            throw new IllegalArgumentException("expected: " + expected + " is not a number zero or more");
        }
    }
}
