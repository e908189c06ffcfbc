package dev.cxm.examples.cli.common;

import java.time.ZoneId;
import java.time.ZoneOffset;

import picocli.CommandLine.Option;

/**
 * {@code --period-zone}: the time zone whose calendar cuts days, weeks, months and quarters, shared by every
 * command that counts per period ({@code nps|csat|ces --period}, {@code churn rates}, {@code churn cohorts}).
 * Without it the zone of {@code --zone} (the zone local CSV times are read in) applies, else UTC.
 */
public final class PeriodZoneOption {

    @Option(names = "--period-zone", paramLabel = "ZONE",
            description = "Time zone the periods are cut in (default: the --zone value, else UTC).")
    private ZoneId periodZone;

    /**
     * Returns the zone periods are cut in: {@code --period-zone}, else {@code --zone} of {@code input}, else UTC.
     *
     * @param input the input options, whose {@code --zone} is the fallback
     * @return the zone
     */
    public ZoneId zone(EventInputOptions input) {
        if (periodZone != null) {
            return periodZone;
        }
        return input.mapping().zone().orElse(ZoneOffset.UTC);
    }
}
