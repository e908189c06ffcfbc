package dev.cxm.core.accumulate;

/**
 * The immutable snapshot of an {@link Accumulator}: everything it has counted and nothing else, so that
 * it can be written as JSON (through {@link dev.cxm.core.io.CxmJson}), kept in a stream engine's state
 * store or a database, read back by a later version of cxm, and continued from.
 *
 * <p>Each state type carries the version of its format. A state is written with the current version;
 * a reader accepts that version and every earlier one, so a state saved by an older cxm still reads.
 */
public interface AccumulatorState {

    /**
     * Returns the version of this state's format: 1 for the first, raised whenever the serialised form
     * changes.
     *
     * @return the format version, 1 or more
     */
    int formatVersion();

    /**
     * Returns {@code version} when a reader whose current format is {@code current} can read it: 1 up to
     * {@code current}. For the {@code @JsonCreator} of each state type.
     *
     * @param state the state type's name, for the message
     * @param version the version read
     * @param current the newest version the reader knows
     * @return {@code version}
     * @throws IllegalArgumentException naming the state, the version and the rule otherwise
     */
    static int requireReadable(String state, int version, int current) {
        if (version < 1 || version > current) {
            throw new IllegalArgumentException("formatVersion: " + version + " of " + state + " is not readable;"
                    + " this version of cxm reads versions 1 to " + current);
        }
        return version;
    }
}
