package dev.cxm.metrics.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * Churn rates against a brute force in this test: on a grid of whole hours, a customer's state is decided
 * hour by hour straight from the definitions (non-contractual: active at hour t when some event x has
 * x <= t < x + threshold; contractual: active when the latest event at or before t is not a cancellation),
 * and each count is read off those states.
 */
class ChurnRatesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void nonContractualCountsMatchBruteForceByDay() {
        qt().withFixedSeed(21).withExamples(120).forAll(longs().all()).checkAssert(seed -> {
            List<EventLogs.Entry> log = EventLogs.generate(seed, 12, 24 * 10);
            long threshold = 1 + Math.floorMod(seed, 60);
            Instant from = EventLogs.ORIGIN.plus(Duration.ofDays(1));
            Instant to = EventLogs.ORIGIN.plus(Duration.ofDays(9));
            ChurnReport report = ChurnRates.custom(ChurnDefinition.nonContractual(Duration.ofHours(threshold)))
                    .period(CalendarPeriod.DAY, ZoneOffset.UTC).between(from, to).build()
                    .compute(EventLogs.events(log));
            assertThat(report.rows()).isEqualTo(bruteForce(log, false, threshold, dayBoundaries(1, 9), "all"));
        });
    }

    @Test
    void contractualCountsMatchBruteForceByDay() {
        qt().withFixedSeed(22).withExamples(120).forAll(longs().all()).checkAssert(seed -> {
            List<EventLogs.Entry> log = EventLogs.generate(seed, 12, 24 * 10);
            ChurnReport report = ChurnRates.custom(ChurnDefinition.cancellationOutcome("Cancelled"))
                    .period(CalendarPeriod.DAY, ZoneOffset.UTC)
                    .between(EventLogs.ORIGIN.plus(Duration.ofDays(1)), EventLogs.ORIGIN.plus(Duration.ofDays(9)))
                    .build().compute(EventLogs.events(log));
            assertThat(report.rows()).isEqualTo(bruteForce(log, true, 0, dayBoundaries(1, 9), "all"));
        });
    }

    @Test
    void monthlyCountsInADaylightSavingZoneMatchBruteForcePerGroup() {
        // Month boundaries in Europe/Berlin, computed here with ZonedDateTime, fall at 23:00 or 22:00 UTC.
        qt().withFixedSeed(23).withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            List<EventLogs.Entry> log = EventLogs.generate(seed, 16, 24 * 240);
            long threshold = 24 * (5 + Math.floorMod(seed, 40));
            List<Long> boundaries = new ArrayList<>();
            for (int month = 1; month <= 8; month++) {
                boundaries.add(Duration.between(EventLogs.ORIGIN,
                        LocalDate.of(2025, month, 1).atStartOfDay(BERLIN).toInstant()).toHours());
            }
            ChurnReport report = ChurnRates.custom(ChurnDefinition.nonContractual(Duration.ofHours(threshold)))
                    .period(CalendarPeriod.MONTH, BERLIN)
                    .between(EventLogs.ORIGIN.plus(Duration.ofHours(boundaries.get(0))), Instant.parse("2025-08-01T00:00:00Z"))
                    // The host's own per-customer grouping, as a key that reads the event's customer.
                    .groupBy(GroupKey.of("parity", event -> Optional.of(
                            Integer.parseInt(event.customerId().value().substring(1)) % 2 == 0 ? "even" : "odd")))
                    .build().compute(EventLogs.events(log));
            List<PeriodChurn> expected = new ArrayList<>();
            for (String group : List.of("even", "odd")) {
                List<EventLogs.Entry> members = log.stream()
                        .filter(e -> (e.customer() % 2 == 0) == group.equals("even")).toList();
                expected.addAll(bruteForce(members, false, threshold, boundaries, group, BERLIN));
            }
            assertThat(report.rows()).isEqualTo(expected);
        });
    }

    @Test
    void eventOrderDoesNotMatter() {
        // Expected: the report depends on the set of events only; a shuffled log gives the same rows.
        qt().withFixedSeed(24).withExamples(50).forAll(longs().all()).checkAssert(seed -> {
            List<CustomerEvent> events = new ArrayList<>(EventLogs.events(EventLogs.generate(seed, 10, 24 * 10)));
            ChurnRates rates = ChurnRates.custom(ChurnDefinition.nonContractual(Duration.ofHours(20)))
                    .period(CalendarPeriod.DAY, ZoneOffset.UTC)
                    .between(EventLogs.ORIGIN, EventLogs.ORIGIN.plus(Duration.ofDays(10))).build();
            ChurnReport ordered = rates.compute(events);
            Collections.shuffle(events, new java.util.Random(seed));
            assertThat(rates.compute(events.stream())).isEqualTo(ordered);
        });
    }

    @Test
    void ratesAreChurnedAndRetainedOverCustomersAtStart() {
        // Expected: closed form on a hand-made log. Customers a, b, c are active on day 0; on day 1 (the
        // reported period) a returns within the 30-hour threshold, b and c do not (they churn at hour 30), and
        // d arrives: 3 at start, 1 retained, 2 churned, 1 new; rates 2/3 and 1/3.
        List<CustomerEvent> events = List.of(
                event("a", 0), event("a", 26), event("b", 0), event("c", 0), event("d", 30));
        ChurnReport report = ChurnRates.custom(ChurnDefinition.nonContractual(Duration.ofHours(30)))
                .period(CalendarPeriod.DAY, ZoneOffset.UTC)
                .between(EventLogs.ORIGIN.plus(Duration.ofDays(1)), EventLogs.ORIGIN.plus(Duration.ofDays(2)))
                .build().compute(events);
        PeriodChurn day = report.rows().get(0);
        assertThat(day.atStart()).isEqualTo(3);
        assertThat(day.retained()).isEqualTo(1);
        assertThat(day.churned()).isEqualTo(2);
        assertThat(day.newCustomers()).isEqualTo(1);
        assertThat(day.atEnd()).isEqualTo(2);
        assertThat(day.churnRate()).isEqualTo(OptionalDouble.of(2.0 / 3));
        assertThat(day.retentionRate()).isEqualTo(OptionalDouble.of(1.0 / 3));
    }

    @Test
    void readsAStoreAndDefaultsToWholePeriodsUpToTheClock() {
        // Expected: the clock stands at day 3, 12:00, so the whole days 0, 1 and 2 are reported (from
        // defaults to the start of the earliest event's day); the counts are the brute force's.
        List<EventLogs.Entry> log = EventLogs.generate(99, 8, 24 * 4);
        InMemoryEventStore store = InMemoryEventStore.create();
        store.appendAll(EventLogs.events(log));
        Clock clock = Clock.fixed(EventLogs.ORIGIN.plus(Duration.ofHours(3 * 24 + 12)), ZoneOffset.UTC);
        ChurnReport report = ChurnRates.custom(ChurnDefinition.nonContractual(Duration.ofHours(10)))
                .period(CalendarPeriod.DAY, ZoneOffset.UTC).clock(clock).build().compute(store);
        long firstDay = log.stream().mapToLong(EventLogs.Entry::hour).min().orElseThrow() / 24;
        List<EventLogs.Entry> seen = log.stream().filter(e -> e.hour() < 3 * 24 + 12).toList();
        assertThat(report.rows()).isEqualTo(bruteForce(seen, false, 10, dayBoundaries(firstDay, 3), "all"));
        assertThat(report.to()).isEqualTo(clock.instant());
    }

    @Test
    void anEndInsideAPeriodLeavesThatUnfinishedPeriodOut() {
        // Expected: by hand, the reviewer's case: 15 days of inactivity, events a 2025-05-25, b 05-28, c 06-02,
        // observation ending just after the last event. May is over: a and b are new and active at its end,
        // nobody churned. June is unfinished (a and b would churn on 06-09 and 06-12, after the end), so it
        // is not reported: reporting it would invent 2 churns out of 2 (100%).
        List<CustomerEvent> events = List.of(event("a", 24 * 144), event("b", 24 * 147), event("c", 24 * 152));
        java.time.Instant lastEvent = EventLogs.ORIGIN.plus(Duration.ofHours(24 * 152));
        assertThat(lastEvent).isEqualTo(java.time.Instant.parse("2025-06-02T00:00:00Z"));
        ChurnReport report = ChurnRates.custom(ChurnDefinition.nonContractual(Duration.ofDays(15)))
                .to(lastEvent.plusNanos(1)).build().compute(events);
        assertThat(report.rows()).hasSize(1);
        PeriodChurn may = report.rows().get(0);
        assertThat(may.start()).isEqualTo(java.time.LocalDate.of(2025, 5, 1));
        assertThat(may.atStart()).isZero();
        assertThat(may.newCustomers()).isEqualTo(2);
        assertThat(may.churned()).isZero();
        assertThat(may.atEnd()).isEqualTo(2);
        assertThat(report.from()).isEqualTo(java.time.Instant.parse("2025-05-01T00:00:00Z"));
    }

    @Test
    void fromAndToCanBeSetApartAndMustStayInOrder() {
        // Expected: by definition, from alone keeps the default end (the clock), to alone the default start;
        // either refuses a value that would make the range empty or reversed.
        ChurnRates.Builder builder = ChurnRates.custom(ChurnDefinition.nonContractual(Duration.ofDays(1)))
                .to(EventLogs.ORIGIN.plus(Duration.ofDays(10)));
        assertThatThrownBy(() -> builder.from(EventLogs.ORIGIN.plus(Duration.ofDays(10))))
                .hasMessageStartingWith("to: 2025-01-11T00:00:00Z is not after from 2025-01-11T00:00:00Z");
        ChurnRates.Builder other = ChurnRates.custom(ChurnDefinition.nonContractual(Duration.ofDays(1)))
                .from(EventLogs.ORIGIN.plus(Duration.ofDays(10)));
        assertThatThrownBy(() -> other.to(EventLogs.ORIGIN))
                .hasMessageStartingWith("to: 2025-01-01T00:00:00Z is not after from");
        ChurnReport report = builder.from(EventLogs.ORIGIN.plus(Duration.ofDays(2))).build().compute(List.of());
        assertThat(report.from()).isEqualTo(EventLogs.ORIGIN.plus(Duration.ofDays(2)));
        assertThat(report.to()).isEqualTo(EventLogs.ORIGIN.plus(Duration.ofDays(10)));
    }

    @Test
    void aPeriodRowsRatesMustBeItsCountsOverTheCustomersAtStart() {
        // Expected: by definition, churnRate = churned / atStart = 1 / 4 and retentionRate = 3 / 4; empty at 0.
        java.time.LocalDate start = java.time.LocalDate.of(2025, 1, 1);
        java.time.LocalDate end = start.plusMonths(1);
        PeriodChurn row = PeriodChurn.of("all", start, end, 4, 1, 0, 0, 3);
        assertThat(row.churnRate()).hasValue(0.25);
        assertThat(row.retentionRate()).hasValue(0.75);
        assertThatThrownBy(() -> new PeriodChurn("all", start, end, 4, 3, 1, 0, 0, 3, java.util.OptionalDouble.of(0.5),
                java.util.OptionalDouble.of(0.75))).hasMessageStartingWith("churnRate: OptionalDouble[0.5] is not 1 / 4");
        assertThatThrownBy(() -> new PeriodChurn("all", start, end, 0, 0, 0, 1, 0, 1, java.util.OptionalDouble.of(0),
                java.util.OptionalDouble.empty())).hasMessageStartingWith("churnRate: OptionalDouble[0.0] is not 0 / 0");
    }

    @Test
    void emptyInputGivesNoRows() {
        ChurnReport report = ChurnRates.custom(ChurnDefinition.nonContractual(Duration.ofDays(1)))
                .between(EventLogs.ORIGIN, EventLogs.ORIGIN.plus(Duration.ofDays(90))).build().compute(List.of());
        assertThat(report.rows()).isEmpty();
    }

    @Test
    void rejectsANonPositiveThresholdAndAReversedRange() {
        assertThatThrownBy(() -> ChurnDefinition.nonContractual(Duration.ZERO))
                .hasMessageStartingWith("inactivity: PT0S is not positive");
        assertThatThrownBy(() -> ChurnRates.custom(ChurnDefinition.nonContractual(Duration.ofDays(1)))
                .between(EventLogs.ORIGIN, EventLogs.ORIGIN))
                .hasMessageStartingWith("to: 2025-01-01T00:00:00Z is not after from");
    }

    @Test
    void aCustomersGroupIsTheKeysValueOnTheirEarliestEventThatHasOne() {
        // Expected: by hand, monthly in UTC, 10-day inactivity, January reported (to = February 1):
        // a: Jan 3 without plan, Jan 5 plan "pro", Jan 7 plan "basic" -> pro (earliest event with a value);
        // b: Jan 4 plan "basic" and "pro" at the same instant -> basic (the smaller at one instant, so that the
        //    order of events does not matter); c: no event with a plan -> "(none)"; d: Jan 6 plan "  " (blank,
        //    no value) and Feb 2 plan "pro", after the end -> "(none)". Each is new in January; every group's
        //    January row counts its members as new.
        Instant jan = Instant.parse("2025-01-01T00:00:00Z");
        List<CustomerEvent> events = new ArrayList<>(List.of(
                planned("a", jan.plus(Duration.ofDays(2)), null), planned("a", jan.plus(Duration.ofDays(4)), "pro"),
                planned("a", jan.plus(Duration.ofDays(6)), "basic"),
                planned("b", jan.plus(Duration.ofDays(3)), "pro"), planned("b", jan.plus(Duration.ofDays(3)), "basic"),
                planned("c", jan.plus(Duration.ofDays(1)), null),
                planned("d", jan.plus(Duration.ofDays(5)), "  "), planned("d", jan.plus(Duration.ofDays(32)), "pro")));
        ChurnRates rates = ChurnRates.custom(ChurnDefinition.nonContractual(Duration.ofDays(10)))
                .between(jan, Instant.parse("2025-02-01T00:00:00Z")).groupBy(GroupKeys.attribute("plan")).build();
        ChurnReport report = rates.compute(events);
        assertThat(report.groups()).containsExactly("(none)", "basic", "pro");
        assertThat(report.rowsOf("pro")).extracting(PeriodChurn::newCustomers).containsExactly(1L);
        assertThat(report.rowsOf("basic")).extracting(PeriodChurn::newCustomers).containsExactly(1L);
        assertThat(report.rowsOf("(none)")).extracting(PeriodChurn::newCustomers).containsExactly(2L);
        Collections.reverse(events);
        assertThat(rates.compute(events)).isEqualTo(report);
        // Not grouped, everyone is in "all".
        assertThat(ChurnRates.from(rates).ungrouped().build().compute(events).groups()).containsExactly("all");
    }

    @Test
    void configurationsCompareByValue() {
        // Expected: the configuration idiom: equal settings are equal, whichever way built; from(base) starts
        // from base's settings; definitions by outcome or inactivity are values.
        ChurnDefinition cancelled = ChurnDefinition.cancellationOutcome("Cancelled");
        assertThat(ChurnDefinition.cancellationOutcome(" cancelled ")).isEqualTo(cancelled)
                .hasSameHashCodeAs(cancelled);
        assertThat(ChurnDefinition.nonContractual(Duration.ofDays(90)))
                .isEqualTo(ChurnDefinition.nonContractual(Duration.ofDays(90)));
        java.time.Clock clock = java.time.Clock.fixed(EventLogs.ORIGIN, ZoneOffset.UTC);
        ChurnRates weekly = ChurnRates.custom(cancelled).period(CalendarPeriod.WEEK, BERLIN).clock(clock)
                .from(EventLogs.ORIGIN).groupBy(GroupKeys.attribute("plan")).build();
        assertThat(ChurnRates.custom(ChurnDefinition.cancellationOutcome("cancelled")).build())
                .isEqualTo(ChurnRates.ofDefaults(cancelled)).hasSameHashCodeAs(ChurnRates.ofDefaults(cancelled));
        assertThat(ChurnRates.from(weekly).build()).isEqualTo(weekly).hasSameHashCodeAs(weekly);
        assertThat(ChurnRates.custom(cancelled).period(CalendarPeriod.WEEK, BERLIN).clock(clock)
                .from(EventLogs.ORIGIN).groupBy(GroupKeys.attribute("plan")).build()).isEqualTo(weekly);
        assertThat(ChurnRates.from(weekly).groupBy(GroupKeys.attribute("tier")).build()).isNotEqualTo(weekly);
        assertThat(ChurnRates.from(weekly).to(EventLogs.ORIGIN.plus(Duration.ofDays(1))).build()).isNotEqualTo(weekly);
        assertThat(weekly.definition()).isEqualTo(cancelled);
        assertThat(weekly.period()).isEqualTo(CalendarPeriod.WEEK);
        assertThat(weekly.zone()).isEqualTo(BERLIN);
        assertThat(weekly.observedFrom()).contains(EventLogs.ORIGIN);
        assertThat(weekly.observedTo()).isEmpty();
        assertThat(weekly.clock()).isEqualTo(clock);
        assertThat(weekly.groupKey()).contains(GroupKeys.attribute("plan"));
        assertThat(weekly.toString()).contains("WEEK").contains("Europe/Berlin").contains("attribute:plan");
        // A host's predicate compares by identity.
        java.util.function.Predicate<CustomerEvent> mine = event -> false;
        assertThat(ChurnDefinition.contractual(mine)).isEqualTo(ChurnDefinition.contractual(mine))
                .isNotEqualTo(ChurnDefinition.contractual(event -> false));
    }

    @Test
    void theBuilderRejectsEachBadValueAtOnceNamingIt() {
        // Expected: the configuration idiom: each setter refuses at once, naming the field.
        ChurnRates.Builder builder = ChurnRates.custom(ChurnDefinition.nonContractual(Duration.ofDays(1)));
        assertThatThrownBy(() -> ChurnRates.custom(null)).hasMessage("definition must not be null");
        assertThatThrownBy(() -> builder.period(null, BERLIN)).hasMessage("period must not be null");
        assertThatThrownBy(() -> builder.period(CalendarPeriod.DAY, null)).hasMessage("zone must not be null");
        assertThatThrownBy(() -> builder.clock(null)).hasMessage("clock must not be null");
        assertThatThrownBy(() -> builder.groupBy(null)).hasMessage("key must not be null");
        assertThatThrownBy(() -> builder.between(EventLogs.ORIGIN, EventLogs.ORIGIN.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("to: ");
        // Nothing was set by the refused calls: the builder still builds the defaults.
        assertThat(builder.build()).isEqualTo(ChurnRates.ofDefaults(ChurnDefinition.nonContractual(Duration.ofDays(1))));
    }

    private static CustomerEvent planned(String customer, Instant at, String plan) {
        dev.cxm.core.model.Interaction.Builder builder = dev.cxm.core.model.Interaction.builder(
                dev.cxm.core.model.CustomerId.of(customer), at, EventLogs.APP);
        if (plan != null) {
            builder.attributes(java.util.Map.of("plan", plan));
        }
        return builder.build();
    }

    private static CustomerEvent event(String customer, long hour) {
        return dev.cxm.core.model.Interaction.builder(dev.cxm.core.model.CustomerId.of(customer),
                EventLogs.ORIGIN.plus(Duration.ofHours(hour)), EventLogs.APP).build();
    }

    private static List<Long> dayBoundaries(long firstDay, long lastDay) {
        return IntStream.rangeClosed((int) firstDay, (int) lastDay).mapToObj(d -> d * 24L).toList();
    }

    /** The rows by brute force; {@code boundaries} are hours after the origin. */
    private static List<PeriodChurn> bruteForce(List<EventLogs.Entry> log, boolean contractual, long threshold,
            List<Long> boundaries, String group) {
        return bruteForce(log, contractual, threshold, boundaries, group, ZoneOffset.UTC);
    }

    private static List<PeriodChurn> bruteForce(List<EventLogs.Entry> log, boolean contractual, long threshold,
            List<Long> boundaries, String group, ZoneId zone) {
        int customers = log.stream().mapToInt(EventLogs.Entry::customer).max().orElse(-1) + 1;
        List<PeriodChurn> rows = new ArrayList<>();
        for (int k = 0; k + 1 < boundaries.size(); k++) {
            long a = boundaries.get(k);
            long b = boundaries.get(k + 1);
            long atStart = 0;
            long churned = 0;
            long fresh = 0;
            long back = 0;
            long atEnd = 0;
            for (int c = 0; c < customers; c++) {
                int customer = c;
                List<EventLogs.Entry> mine = log.stream().filter(e -> e.customer() == customer).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                boolean startActive = active(mine, contractual, threshold, a - 1);
                atStart += startActive ? 1 : 0;
                boolean lapsed = false;
                for (long t = a; t < b; t++) {
                    lapsed |= !active(mine, contractual, threshold, t);
                }
                churned += startActive && lapsed ? 1 : 0;
                atEnd += active(mine, contractual, threshold, b - 1) ? 1 : 0;
                List<EventLogs.Entry> activity = mine.stream().filter(e -> !contractual || !e.cancellation()).toList();
                if (activity.isEmpty()) {
                    continue;
                }
                long firstActivity = activity.stream().mapToLong(EventLogs.Entry::hour).min().orElseThrow();
                fresh += firstActivity >= a && firstActivity < b ? 1 : 0;
                back += activity.stream().anyMatch(e -> e.hour() >= a && e.hour() < b && e.hour() != firstActivity
                        && !active(mine, contractual, threshold, e.hour() - 1)) ? 1 : 0;
            }
            rows.add(PeriodChurn.of(group, date(a, zone), date(b, zone), atStart, churned, fresh, back, atEnd));
        }
        return rows;
    }

    private static LocalDate date(long hour, ZoneId zone) {
        return EventLogs.ORIGIN.plus(Duration.ofHours(hour)).atZone(zone).toLocalDate();
    }

    private static boolean active(List<EventLogs.Entry> events, boolean contractual, long threshold, long t) {
        if (contractual) {
            return events.stream().filter(e -> e.hour() <= t)
                    .max(java.util.Comparator.comparingLong(EventLogs.Entry::hour))
                    .map(e -> !e.cancellation()).orElse(false);
        }
        return events.stream().anyMatch(e -> e.hour() <= t && t < e.hour() + threshold);
    }
}
