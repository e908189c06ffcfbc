package dev.cxm.examples.cli;

import java.time.ZoneId;

import dev.cxm.metrics.churn.CalendarPeriod;
import picocli.CommandLine.Option;

/** The calendar period and its zone, shared by {@code churn rates} and {@code churn cohorts}. */
final class PeriodOptions {

    @Option(names = "--period", paramLabel = "PERIOD", defaultValue = "month",
            description = "day, week (ISO, from Monday) or month (default: ${DEFAULT-VALUE}).")
    CalendarPeriod period;

    @Option(names = "--period-zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone the periods are counted in (default: ${DEFAULT-VALUE}).")
    ZoneId zone;
}
