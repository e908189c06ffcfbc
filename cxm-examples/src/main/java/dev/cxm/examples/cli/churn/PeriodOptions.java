package dev.cxm.examples.cli.churn;

import dev.cxm.metrics.time.CalendarPeriod;
import picocli.CommandLine.Option;

/** The calendar period of {@code churn rates} and {@code churn cohorts}; the zone is {@link PeriodZoneOption}. */
final class PeriodOptions {

    @Option(names = "--period", paramLabel = "PERIOD", defaultValue = "month",
            description = "day, week (ISO, from Monday), month or quarter (default: ${DEFAULT-VALUE}).")
    CalendarPeriod period;
}
