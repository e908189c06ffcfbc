package dev.cxm.core.io;

/** What an import does with a row it cannot accept; the caller always chooses, there is no default. */
public enum ImportPolicy {
    /**
     * All or nothing: the whole input is validated (each row, and each event id against the store) before
     * anything is stored, and the first bad row stops the import with nothing stored. Costs a second read
     * of the input.
     *
     * <p>One fault shows only while storing, because finding it beforehand would take memory in proportion
     * to the input: an event id that appears twice in the input with different content. The import then
     * stops at the second row and stores nothing of that batch, but batches stored before it remain; the
     * report's {@code appended} count says how many rows that is.
     */
    FAIL_ON_FIRST_ERROR,
    /** Store every good row, skip every bad one, and report each skipped row with its line and reason. */
    SKIP_AND_REPORT
}
