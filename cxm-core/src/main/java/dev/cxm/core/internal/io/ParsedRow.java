package dev.cxm.core.internal.io;

import dev.cxm.core.io.RejectedRow;
import dev.cxm.core.model.CustomerEvent;

/** One row of an import, read and checked: either an event or the reason it is not one. */
public sealed interface ParsedRow {

    /** Returns the 1-based line where the row starts. */
    long line();

    /**
     * A row that makes a valid event; {@code daylightSaving} when its time was a local time in a daylight-saving
     * gap or overlap, placed by java.time's rule.
     */
    record Accepted(long line, CustomerEvent event, boolean daylightSaving) implements ParsedRow {

        /** A row whose time needed no daylight-saving rule. */
        Accepted(long line, CustomerEvent event) {
            this(line, event, false);
        }
    }

    /**
     * A row that does not; {@code unreadable} when the input cannot be read past it (broken CSV quoting),
     * which ends the import.
     */
    record Rejected(RejectedRow rejection, boolean unreadable) implements ParsedRow {
        @Override
        public long line() {
            return rejection.line();
        }
    }
}
