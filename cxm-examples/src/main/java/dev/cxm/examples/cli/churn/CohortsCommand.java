package dev.cxm.examples.cli.churn;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import dev.cxm.core.store.EventStore;
import dev.cxm.examples.cli.common.EventInputOptions;
import dev.cxm.examples.cli.common.EventSource;
import dev.cxm.examples.cli.common.PeriodZoneOption;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.StoreOptions;
import dev.cxm.examples.cli.common.Usage;
import dev.cxm.metrics.churn.CohortBasis;
import dev.cxm.metrics.churn.CohortRetention;
import dev.cxm.metrics.churn.CohortTable;
import dev.cxm.metrics.churn.RetentionBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code cxm churn cohorts}: the cohort retention table of a file of events. */
@Command(name = "cohorts", mixinStandardHelpOptions = true,
        description = "Cohort retention: customers by the period of their first (or every) activity, and the share"
                + " active in each later period.")
final class CohortsCommand extends ReportCommand {

    @Mixin
    EventInputOptions input;

    @Mixin
    PeriodOptions periods;

    @Mixin
    PeriodZoneOption periodZone;

    @Mixin
    StoreOptions store;

    @Option(names = "--basis", paramLabel = "BASIS", defaultValue = "first-time", converter = BasisConverter.class,
            description = "first-time (a customer's cohort is their first active period) or recurring (every active"
                    + " period) (default: ${DEFAULT-VALUE}).")
    CohortBasis basis;

    @Option(names = "--relative-to", paramLabel = "BASE", defaultValue = "cohort", converter = BaseConverter.class,
            description = "cohort (share of the cohort) or previous (share of the period before) (default: ${DEFAULT-VALUE}).")
    RetentionBase relativeTo;

    @Option(names = "--max-offset", paramLabel = "N", description = "Show at most the columns +0 .. +N.")
    Integer maxOffset;

    @Option(names = "--until", paramLabel = "WHEN",
            description = "End of observation, exclusive: a date or instant; only periods over by then are counted"
                    + " (default: just after the last event, so the period it falls in, which may be unfinished,"
                    + " is left out; give the end of that period to include it).")
    String until;


    @Override
    protected Report<CohortTable> report() throws Exception {
        Usage.require(spec, maxOffset == null || maxOffset >= 0, "--max-offset: " + maxOffset
                + " is negative; it is the last column kept, 0 or more");
        ZoneId zone = periodZone.zone(input);
        try (EventSource source = EventSource.of(spec, input, this.store)) {
            return cohorts(source, zone);
        }
    }

    private Report<CohortTable> cohorts(EventSource source, ZoneId zone) {
        EventStore store = source.events();
        Instant end = until == null ? ObservationTimes.justAfterLastEvent(store, source.name())
                : ObservationTimes.parse(spec.commandLine(), until, "--until", zone);
        CohortRetention.Builder retention = CohortRetention.custom().period(periods.period, zone)
                .basis(basis).relativeTo(relativeTo).until(end);
        if (maxOffset != null) {
            retention.maxOffset(maxOffset);
        }
        return Report.of(retention.build().compute(store), (table, out) -> {
            out.printf("Cohort retention (%s cohorts per %s in %s, relative to the %s; whole periods up to %s)%n",
                    basis == CohortBasis.FIRST_TIME ? "first-time" : "recurring",
                    periods.period.name().toLowerCase(Locale.ROOT), ObservationTimes.describeZone(zone),
                    relativeTo == RetentionBase.INITIAL_COHORT ? "cohort" : "previous period",
                    ObservationTimes.describeEnd(end));
            out.printLines(table.render());
        });
    }

    /** Reads first-time or recurring. */
    static final class BasisConverter implements ITypeConverter<CohortBasis> {
        @Override
        public CohortBasis convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "first-time", "first_time", "first" -> CohortBasis.FIRST_TIME;
                case "recurring" -> CohortBasis.RECURRING;
                default -> throw new TypeConversionException("\"" + value + "\" is not a basis; expected first-time or recurring");
            };
        }
    }

    /** Reads cohort or previous. */
    static final class BaseConverter implements ITypeConverter<RetentionBase> {
        @Override
        public RetentionBase convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "cohort", "initial" -> RetentionBase.INITIAL_COHORT;
                case "previous" -> RetentionBase.PREVIOUS_PERIOD;
                default -> throw new TypeConversionException("\"" + value + "\" is not a base; expected cohort or previous");
            };
        }
    }
}
