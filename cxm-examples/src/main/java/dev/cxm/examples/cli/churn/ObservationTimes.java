package dev.cxm.examples.cli.churn;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import dev.cxm.core.store.EventStore;
import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.metrics.time.ObservationEnd;
import picocli.CommandLine;

/**
 * The times that bound an observation on the command line ({@code --from}, {@code --to}, {@code --until}):
 * how they are read, and the default end shared by {@code churn rates} and {@code churn cohorts}.
 */
final class ObservationTimes {

    private ObservationTimes() {}

    /**
     * Reads a date (its start in {@code zone}) or an instant.
     *
     * @throws CommandLine.ParameterException naming the option when the text is neither
     */
    static Instant parse(CommandLine commandLine, String text, String option, ZoneId zone) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new CommandLine.ParameterException(commandLine, option + ": \"" + text + "\" is neither a date"
                        + " (2025-01-31) nor an instant (2025-01-31T12:00:00Z)");
            }
        }
    }

    /**
     * Returns how a text report shows the end of an observation: "just after T" for the default end one
     * nanosecond after an event ({@link ObservationEnd}), else the instant.
     */
    static String describeEnd(Instant end) {
        return ObservationEnd.isJustAfterAnEvent(end) ? "just after " + end.minusNanos(1) : end.toString();
    }

    /** Returns how a text report names a zone: UTC rather than ISO's "Z". */
    static String describeZone(java.time.ZoneId zone) {
        return zone.equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.toString();
    }

    /**
     * Returns the instant just after the last event of {@code store} ({@link ObservationEnd}): the default end
     * of an observation of a file.
     *
     * @throws CommandFailure when the store holds no events
     */
    static Instant justAfterLastEvent(EventStore store, Object input) {
        return ObservationEnd.justAfterLastEvent(store).orElseThrow(() -> new CommandFailure(input + " holds no events"));
    }
}
