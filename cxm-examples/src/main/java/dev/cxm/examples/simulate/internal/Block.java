package dev.cxm.examples.simulate.internal;

/**
 * The rows of a run of consecutive customers, one buffer per file, written to the files in customer order.
 * Buffers are reused: a block is filled, written and handed back.
 */
public final class Block {

    /** Lines of {@code customers.ndjson}. */
    final Ascii customers = new Ascii(1 << 15);
    /** Rows of {@code events.csv}. */
    final Ascii eventsCsv = new Ascii(1 << 17);
    /** Lines of {@code events.ndjson}. */
    final Ascii eventsNdjson = new Ascii(1 << 18);
    /** Rows of {@code drivers.csv}. */
    final Ascii drivers = new Ascii(1 << 13);
    /** Rows of {@code subjects.csv}. */
    final Ascii subjects = new Ascii(1 << 13);
    /** Events written. */
    long events;
    /** Customer records written (including second ids). */
    long records;

    /** Creates an empty block. */
    public Block() {}

    /** Empties every buffer. */
    void clear() {
        customers.clear();
        eventsCsv.clear();
        eventsNdjson.clear();
        drivers.clear();
        subjects.clear();
        events = 0;
        records = 0;
    }

    /**
     * Returns the buffer of one file.
     *
     * @param file the file
     * @return its buffer
     */
    public Ascii of(StreamFile file) {
        return switch (file) {
            case CUSTOMERS -> customers;
            case EVENTS_CSV -> eventsCsv;
            case EVENTS_NDJSON -> eventsNdjson;
            case DRIVERS -> drivers;
            case SUBJECTS -> subjects;
        };
    }

    /**
     * Returns the number of events in the block.
     *
     * @return the count
     */
    public long events() {
        return events;
    }

    /**
     * Returns the number of customer records in the block.
     *
     * @return the count
     */
    public long records() {
        return records;
    }

    /** The files written customer by customer. */
    public enum StreamFile {
        /** {@code customers.ndjson}. */
        CUSTOMERS,
        /** {@code events.csv}. */
        EVENTS_CSV,
        /** {@code events.ndjson}. */
        EVENTS_NDJSON,
        /** {@code drivers.csv}. */
        DRIVERS,
        /** {@code subjects.csv}. */
        SUBJECTS
    }
}
