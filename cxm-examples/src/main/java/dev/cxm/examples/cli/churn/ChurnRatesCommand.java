package dev.cxm.examples.cli.churn;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.EventStore;
import dev.cxm.examples.cli.common.EventInputOptions;
import dev.cxm.examples.cli.common.EventSource;
import dev.cxm.examples.cli.common.PeriodZoneOption;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.StoreOptions;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.examples.cli.common.Usage;
import dev.cxm.metrics.churn.ChurnDefinition;
import dev.cxm.metrics.churn.ChurnRates;
import dev.cxm.metrics.churn.ChurnReport;
import dev.cxm.metrics.churn.PeriodChurn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code cxm churn rates}: customers at start, retained, churned, new and the rates, per period and group. */
@Command(name = "rates", mixinStandardHelpOptions = true,
        description = "Churn and retention rates per period (and group) from a file of events.")
final class ChurnRatesCommand extends ReportCommand {

    /** The kinds of business. */
    enum Kind {
        /** Customers churn at a cancellation. */
        CONTRACTUAL,
        /** Customers churn after a stretch of inactivity. */
        NON_CONTRACTUAL
    }

    @Mixin
    EventInputOptions input;

    @Mixin
    PeriodOptions periods;

    @Mixin
    PeriodZoneOption periodZone;

    @Mixin
    StoreOptions store;

    @Option(names = "--kind", required = true, paramLabel = "KIND", converter = KindConverter.class,
            description = "contractual (churn at a cancellation) or non-contractual (churn after inactivity).")
    Kind kind;

    @Option(names = "--inactivity", paramLabel = "DURATION",
            description = "Non-contractual: how long without an event makes a customer churned: ISO-8601 (P90D, PT36H) or 90d, 12w, 36h.")
    Duration inactivity;

    @Option(names = "--cancellation-outcome", paramLabel = "OUTCOME",
            description = "Contractual: an interaction with this outcome (such as cancelled) is a cancellation.")
    String cancellationOutcome;

    @Option(names = "--from", paramLabel = "WHEN",
            description = "Report whole periods from this date or instant (default: the first event's period).")
    String from;

    @Option(names = "--to", paramLabel = "WHEN",
            description = "End of observation, exclusive: a date or instant; only periods over by then are reported"
                    + " (default: just after the last event, so the period it falls in, which may be unfinished,"
                    + " is left out; give the end of that period to include it).")
    String to;

    @Option(names = "--group-attribute", paramLabel = "NAME",
            description = "Count separately per value of this event attribute (read from each customer's first"
                    + " event; add the column with --attribute-columns).")
    String groupAttribute;


    @Override
    protected Report<ChurnReport> report() throws Exception {
        ChurnDefinition definition = definition();
        Usage.require(spec, groupAttribute == null || !groupAttribute.isBlank(), "--group-attribute: the name is blank");
        try (EventSource source = EventSource.of(spec, input, this.store)) {
            return rates(source, definition);
        }
    }

    private Report<ChurnReport> rates(EventSource source, ChurnDefinition definition) {
        EventStore store = source.events();
        ZoneId zone = periodZone.zone(input);
        ChurnRates.Builder rates = ChurnRates.custom(definition).period(periods.period, zone);
        Optional<Instant> start = Optional.ofNullable(from)
                .map(text -> ObservationTimes.parse(spec.commandLine(), text, "--from", zone));
        Instant end = Optional.ofNullable(to).map(text -> ObservationTimes.parse(spec.commandLine(), text, "--to", zone))
                .orElseGet(() -> ObservationTimes.justAfterLastEvent(store, source.name()));
        if (start.isPresent() && !end.isAfter(start.get())) {
            throw new ParameterException(spec.commandLine(), "--to: " + end + " is not after --from " + start.get());
        }
        start.ifPresent(rates::from);
        rates.to(end);
        if (groupAttribute != null) {
            GroupKey key = GroupKeys.attribute(groupAttribute);
            Usage.require(spec, anyEventHasAValue(store, key) || store.count() == 0, "--group-attribute: no event of "
                    + (this.store.given() ? source.name() : input.input().getFileName()) + " has the attribute " + groupAttribute + "; in a CSV file, copy the"
                    + " column into the events with --attribute-columns " + groupAttribute);
            rates.groupBy(key);
        }
        return Report.of(rates.build().compute(store), ChurnRatesCommand::printText);
    }

    /** Returns the definition the options state; a missing or invalid one is a usage error. */
    private ChurnDefinition definition() {
        if (kind == Kind.CONTRACTUAL) {
            Usage.require(spec, cancellationOutcome != null, "--kind contractual needs --cancellation-outcome, the"
                    + " outcome of the interactions that are cancellations");
            Usage.require(spec, !cancellationOutcome.isBlank(), "--cancellation-outcome: the outcome is blank");
            Usage.require(spec, inactivity == null, "--inactivity applies to --kind non-contractual only");
            return ChurnDefinition.cancellationOutcome(cancellationOutcome);
        }
        Usage.require(spec, inactivity != null, "--kind non-contractual needs --inactivity, such as P90D");
        Usage.require(spec, !inactivity.isNegative() && !inactivity.isZero(), "--inactivity: " + inactivity
                + " is not positive; the inactivity threshold must be longer than zero");
        Usage.require(spec, cancellationOutcome == null, "--cancellation-outcome applies to --kind contractual only");
        return ChurnDefinition.nonContractual(inactivity);
    }

    /** Returns whether some event has a non-blank value for {@code key}: else grouping by it is a mistake. */
    private static boolean anyEventHasAValue(EventStore store, GroupKey key) {
        try (Stream<CustomerEvent> events = store.scan()) {
            return events.anyMatch(event -> key.valueOf(event).filter(value -> !value.isBlank()).isPresent());
        }
    }

    private static void printText(ChurnReport report, TextOut out) {
        out.printf("Churn (%s), per %s in %s, whole periods from %s to %s%n", report.definition(),
                report.period().name().toLowerCase(Locale.ROOT), ObservationTimes.describeZone(report.zone()),
                report.from(), ObservationTimes.describeEnd(report.to()));
        String group = "";
        for (PeriodChurn row : report.rows()) {
            if (!row.group().equals(group)) {
                group = row.group();
                out.printf("%nGroup %s%n", group);
                out.printf("%-10s  %9s  %9s  %9s  %9s  %11s  %9s  %7s  %9s%n", "period", "at start", "retained",
                        "churned", "new", "reactivated", "at end", "churn", "retention");
            }
            out.printf("%-10s  %9d  %9d  %9d  %9d  %11d  %9d  %7s  %9s%n", row.start(), row.atStart(),
                    row.retained(), row.churned(), row.newCustomers(), row.reactivated(), row.atEnd(),
                    percent(row.churnRate()), percent(row.retentionRate()));
        }
        if (report.rows().isEmpty()) {
            out.println("No whole period between " + report.from() + " and " + report.to() + ".");
        } else {
            out.println();
            out.println("Churned and the rates count the customers active at the start of a period; one who joins or"
                    + " comes back and churns within a period is new (or reactivated) there, but neither churned nor"
                    + " at end.");
        }
    }

    private static String percent(OptionalDouble share) {
        return share.isPresent() ? String.format(Locale.ROOT, "%.1f%%", 100 * share.getAsDouble()) : "-";
    }

    /** Reads {@code contractual} and {@code non-contractual} in any case. */
    static final class KindConverter implements picocli.CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            String normalised = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Kind kind : Kind.values()) {
                if (kind.name().equals(normalised)) {
                    return kind;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("\"" + value
                    + "\" is not a kind of business; expected contractual or non-contractual");
        }
    }
}
