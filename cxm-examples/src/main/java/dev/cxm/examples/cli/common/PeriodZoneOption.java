package dev.cxm.examples.cli;

import java.time.ZoneId;
import java.time.ZoneOffset;

import picocli.CommandLine.Option;

/**
 * {@code --period-zone}: the time zone whose calendar cuts days, weeks, months and quarters, shared by every
 * command that counts per period ({@code nps|csat|ces --period}, {@code churn rates}, {@code churn cohorts}).
 * Without it the zone of {@code --zone} (the zone local CSV times are read in) applies, else UTC.
 */
final class PeriodZoneOption {

    @Option(names = "--period-zone", paramLabel = "ZONE",
            description = "Time zone the periods are cut in (default: the --zone value, else UTC).")
    ZoneId periodZone;

    /** Returns the zone periods are cut in: {@code --period-zone}, else {@code --zone} of {@code input}, else UTC. */
    ZoneId zone(EventInputOptions input) {
        if (periodZone != null) {
            return periodZone;
        }
        if (input.mapping != null && input.mapping.zone != null) {
            return input.mapping.zone;
        }
        return ZoneOffset.UTC;
    }
}
