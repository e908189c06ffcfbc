package dev.cxm.metrics.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cxm.core.io.CxmJson;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * Cohort tables against a brute force in this test: each event's period is found with ZonedDateTime and
 * TemporalAdjusters, each customer's set of active periods is collected in a TreeSet, and every cell is
 * counted by asking each customer directly.
 */
class CohortRetentionTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void firstTimeCohortsMatchBruteForce() {
        qt().withFixedSeed(31).withExamples(80).forAll(longs().all()).checkAssert(seed -> {
            for (CalendarPeriod period : CalendarPeriod.values()) {
                List<EventLogs.Entry> log = EventLogs.generate(seed, 20, 24 * 150);
                CohortTable table = CohortRetention.builder().period(period, NEW_YORK).build()
                        .compute(EventLogs.events(log));
                assertThat(table.rows()).isEqualTo(bruteForce(log, period, NEW_YORK, false, false));
            }
        });
    }

    @Test
    void recurringCohortsRelativeToThePreviousPeriodMatchBruteForce() {
        qt().withFixedSeed(32).withExamples(80).forAll(longs().all()).checkAssert(seed -> {
            List<EventLogs.Entry> log = EventLogs.generate(seed, 20, 24 * 60);
            CohortTable table = CohortRetention.builder().period(CalendarPeriod.WEEK, ZoneOffset.UTC)
                    .basis(CohortBasis.RECURRING).relativeTo(RetentionBase.PREVIOUS_PERIOD).build()
                    .compute(EventLogs.events(log).stream());
            assertThat(table.rows()).isEqualTo(bruteForce(log, CalendarPeriod.WEEK, ZoneOffset.UTC, true, true));
        });
    }

    @Test
    void mergingAccumulatorsEqualsCountingInOne() {
        // Expected: counting is order- and partition-independent; two halves merged give the one-pass table,
        // and so does a parallel stream through the collector.
        qt().withFixedSeed(33).withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            List<CustomerEvent> events = EventLogs.events(EventLogs.generate(seed, 15, 24 * 90));
            CohortRetention retention = CohortRetention.builder().period(CalendarPeriod.WEEK, NEW_YORK)
                    .basis(CohortBasis.RECURRING).build();
            CohortRetention.Accumulator left = retention.accumulator();
            CohortRetention.Accumulator right = retention.accumulator();
            for (int i = 0; i < events.size(); i++) {
                (i % 3 == 0 ? left : right).add(events.get(events.size() - 1 - i));
            }
            CohortTable whole = retention.compute(events);
            assertThat(left.merge(right).result()).isEqualTo(whole);
            assertThat(events.parallelStream().collect(retention.collector())).isEqualTo(whole);
        });
    }

    @Test
    void activityFilterUntilAndMaxOffsetRestrictTheCount() {
        // Expected: closed form on a hand-made log. Only non-cancellation events count; a (days 0, 1, 2) and
        // b (day 1, and a cancellation on day 2 that does not count) and c (day 3, after until) in daily
        // cohorts: cohort day 0 = {a} active +0 +1 +2 -> cut to +0 +1 by maxOffset; cohort day 1 = {b}, +0 only
        // active, +1 not.
        List<CustomerEvent> events = List.of(
                new EventLogs.Entry(0, 1, false).toEvent(), new EventLogs.Entry(0, 25, false).toEvent(),
                new EventLogs.Entry(0, 49, false).toEvent(), new EventLogs.Entry(1, 30, false).toEvent(),
                new EventLogs.Entry(1, 50, true).toEvent(), new EventLogs.Entry(2, 80, false).toEvent());
        CohortTable table = CohortRetention.builder().period(CalendarPeriod.DAY, ZoneOffset.UTC)
                .activity(event -> !((dev.cxm.core.model.Interaction) event).outcome().equals(EventLogs.CANCELLED))
                .until(EventLogs.ORIGIN.plus(Duration.ofHours(72))).maxOffset(1).build().compute(events);
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).active()).containsExactly(1L, 1L);
        assertThat(table.rows().get(1).cohort()).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(table.rows().get(1).active()).containsExactly(1L, 0L);
        assertThat(table.rows().get(1).retention()).containsExactly(OptionalDouble.of(1), OptionalDouble.of(0));
    }

    @Test
    void rendersAsATextTableAndSerialisesToJson() throws Exception {
        // Expected: the hand-made log of two customers in the January cohort, one of them back in February.
        List<CustomerEvent> events = List.of(new EventLogs.Entry(0, 1, false).toEvent(),
                new EventLogs.Entry(1, 2, false).toEvent(), new EventLogs.Entry(1, 24 * 40, false).toEvent());
        CohortTable table = CohortRetention.builder().build().compute(events);
        assertThat(table.render()).isEqualTo("""
                cohort      customers      +0      +1
                2025-01-01          2  100.0%   50.0%
                """);
        JsonNode json = CxmJson.newMapper().readTree(CxmJson.newMapper().writeValueAsString(table));
        assertThat(json.get("period").asText()).isEqualTo("MONTH");
        assertThat(json.get("rows").get(0).get("cohort").asText()).isEqualTo("2025-01-01");
        assertThat(json.get("rows").get(0).get("active").toString()).isEqualTo("[2,1]");
        assertThat(json.get("rows").get(0).get("retention").toString()).isEqualTo("[1.0,0.5]");
    }

    @Test
    void untilInsideAPeriodLeavesThatUnfinishedPeriodOut() {
        // Expected: by hand, monthly cohorts: a active in January and February, b first active in February;
        // until 2025-02-15 falls inside February, which is unfinished, so February's activity is not counted:
        // one cohort (January, {a}) with one column. With until 2025-03-01 (February's end) both months count.
        List<CustomerEvent> events = List.of(new EventLogs.Entry(0, 1, false).toEvent(),
                new EventLogs.Entry(0, 24 * 35, false).toEvent(), new EventLogs.Entry(1, 24 * 36, false).toEvent());
        CohortTable cut = CohortRetention.builder().until(java.time.Instant.parse("2025-02-15T00:00:00Z")).build()
                .compute(events);
        assertThat(cut.rows()).hasSize(1);
        assertThat(cut.rows().get(0).active()).containsExactly(1L);
        CohortTable whole = CohortRetention.builder().until(java.time.Instant.parse("2025-03-01T00:00:00Z")).build()
                .compute(events);
        assertThat(whole.rows()).hasSize(2);
        assertThat(whole.rows().get(0).active()).containsExactly(1L, 1L);
        assertThat(CohortRetention.builder().until(java.time.Instant.MAX).build().compute(events)).isEqualTo(whole);
    }

    @Test
    void refusesATableWiderThanItsPeriodLimitNamingTheSpan() {
        // Expected: closed form, 2000-01-01 is epoch day 10957 and +13500-01-01 lies 4,199,... days later, above
        // the limit of 2^22 = 4,194,304 day periods that a table may span.
        CohortRetention.Accumulator accumulator = CohortRetention.builder().period(CalendarPeriod.DAY, ZoneOffset.UTC)
                .build().accumulator();
        accumulator.add(dev.cxm.core.model.CustomerId.of("a"), java.time.Instant.parse("2000-01-01T00:00:00Z"));
        accumulator.add(dev.cxm.core.model.CustomerId.of("b"), java.time.Instant.parse("+13500-01-01T00:00:00Z"));
        org.assertj.core.api.Assertions.assertThatThrownBy(accumulator::result)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("periods (2000-01-01 to +13500-01-01), more than 4194304");
    }

    @Test
    void aNullCustomerIsRefusedAtOnceAndLosesNoOtherActivity() {
        // Expected: by construction, 300 distinct customers active on 2025-01-01 form one daily cohort of 300;
        // the null customer is refused at the call (it used to be queued and to fail a later add, dropping the
        // pending batch of valid additions with it).
        CohortRetention.Accumulator accumulator = CohortRetention.builder()
                .period(CalendarPeriod.DAY, ZoneOffset.UTC).build().accumulator();
        java.time.Instant at = java.time.Instant.parse("2025-01-01T10:00:00Z");
        accumulator.add(dev.cxm.core.model.CustomerId.of("c-first"), at);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accumulator.add((dev.cxm.core.model.CustomerId) null, at))
                .isInstanceOf(NullPointerException.class).hasMessage("customer must not be null");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> accumulator.add(dev.cxm.core.model.CustomerId.of("c-x"), null))
                .isInstanceOf(NullPointerException.class).hasMessage("at must not be null");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accumulator.add((CustomerEvent) null))
                .isInstanceOf(NullPointerException.class).hasMessage("event must not be null");
        for (int i = 1; i < 300; i++) {
            accumulator.add(dev.cxm.core.model.CustomerId.of("c" + i), at);
        }
        CohortTable table = accumulator.result();
        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().get(0).size()).isEqualTo(300);
    }

    private static LocalDate periodStart(java.time.Instant at, CalendarPeriod period, ZoneId zone) {
        LocalDate date = at.atZone(zone).toLocalDate();
        return switch (period) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.with(TemporalAdjusters.firstDayOfMonth());
            // Independent of IsoFields: months 1-3, 4-6, 7-9 and 10-12.
            case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
        };
    }

    private static List<CohortRow> bruteForce(List<EventLogs.Entry> log, CalendarPeriod period, ZoneId zone,
            boolean recurring, boolean previous) {
        Map<Integer, Set<LocalDate>> active = new TreeMap<>();
        for (EventLogs.Entry entry : log) {
            active.computeIfAbsent(entry.customer(), c -> new TreeSet<>())
                    .add(periodStart(EventLogs.ORIGIN.plus(Duration.ofHours(entry.hour())), period, zone));
        }
        List<LocalDate> allPeriods = new ArrayList<>();
        LocalDate lastActive = active.values().stream().map(s -> ((TreeSet<LocalDate>) s).last())
                .max(LocalDate::compareTo).orElseThrow();
        LocalDate firstActive = active.values().stream().map(s -> ((TreeSet<LocalDate>) s).first())
                .min(LocalDate::compareTo).orElseThrow();
        for (LocalDate p = firstActive; !p.isAfter(lastActive); p = period.next(p)) {
            allPeriods.add(p);
        }
        List<CohortRow> rows = new ArrayList<>();
        for (int c = 0; c < allPeriods.size(); c++) {
            LocalDate cohortPeriod = allPeriods.get(c);
            List<Set<LocalDate>> members = active.values().stream()
                    .filter(periods -> recurring ? periods.contains(cohortPeriod)
                            : ((TreeSet<LocalDate>) periods).first().equals(cohortPeriod))
                    .collect(Collectors.toList());
            if (members.isEmpty()) {
                continue;
            }
            List<Long> counts = new ArrayList<>();
            List<OptionalDouble> shares = new ArrayList<>();
            for (int k = 0; c + k < allPeriods.size(); k++) {
                LocalDate later = allPeriods.get(c + k);
                long count = members.stream().filter(periods -> periods.contains(later)).count();
                long base = !previous || k == 0 ? members.size() : counts.get(k - 1);
                counts.add(count);
                shares.add(base == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count / base));
            }
            rows.add(new CohortRow(cohortPeriod, members.size(), counts, shares));
        }
        return rows;
    }
}
