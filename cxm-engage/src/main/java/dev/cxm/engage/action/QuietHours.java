package dev.cxm.engage.action;

import java.time.LocalTime;

import dev.cxm.core.internal.Checks;

/**
 * The hours of the customer's day in which nobody is contacted: from {@code start} (inclusive) to {@code end}
 * (exclusive), across midnight when {@code end} is before {@code start} (21:00 to 08:00).
 *
 * @param start the first quiet minute
 * @param end the first minute after the quiet hours
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /**
     * Validates the hours.
     *
     * @param start the first quiet minute
     * @param end the first minute after; not {@code start}, since the day would be all quiet or not at all
     * @throws IllegalArgumentException when start and end are equal
     */
    public QuietHours {
        Checks.present("start", start);
        Checks.present("end", end);
        if (start.equals(end)) {
            throw new IllegalArgumentException("quietHours: start and end are both " + start
                    + "; quiet hours that never end would never allow a contact");
        }
    }

    /**
     * Returns whether a local time falls in the quiet hours.
     *
     * @param time the customer's local time
     * @return whether it is quiet
     */
    public boolean contains(LocalTime time) {
        Checks.present("time", time);
        return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }
}
