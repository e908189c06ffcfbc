package dev.cxm.core.store;

/**
 * What an append did: how many events were new and stored, and how many were already stored under the
 * same event id with the same content (and so were skipped).
 *
 * @param appended events stored by this call
 * @param duplicates events skipped because an identical event with the same id was already stored
 */
public record AppendResult(int appended, int duplicates) {

    /** An append of nothing. */
    public static final AppendResult NONE = new AppendResult(0, 0);

    /**
     * Validates the counts.
     *
     * @param appended events stored by this call
     * @param duplicates events skipped as already stored
     * @throws IllegalArgumentException when a count is negative
     */
    public AppendResult {
        if (appended < 0 || duplicates < 0) {
            throw new IllegalArgumentException("appended: " + appended + ", duplicates: " + duplicates
                    + "; counts must be 0 or more");
        }
    }

    /**
     * Returns the sum of this result and {@code other}.
     *
     * @param other another result
     * @return the counts added up
     */
    public AppendResult plus(AppendResult other) {
        return new AppendResult(appended + other.appended, duplicates + other.duplicates);
    }
}
