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
                CohortTable table = CohortRetention.custom().period(period, NEW_YORK).build()
                        .compute(EventLogs.events(log));
                assertThat(table.rows()).isEqualTo(bruteForce(log, period, NEW_YORK, false, false));
            }
        });
    }

    @Test
    void recurringCohortsRelativeToThePreviousPeriodMatchBruteForce() {
        qt().withFixedSeed(32).withExamples(80).forAll(longs().all()).checkAssert(seed -> {
            List<EventLogs.Entry> log = EventLogs.generate(seed, 20, 24 * 60);
            CohortTable table = CohortRetention.custom().period(CalendarPeriod.WEEK, ZoneOffset.UTC)
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
            CohortRetention retention = CohortRetention.custom().period(CalendarPeriod.WEEK, NEW_YORK)
                    .basis(CohortBasis.RECURRING).build();
            CohortAccumulator left = retention.accumulator();
            CohortAccumulator right = retention.accumulator();
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
        CohortTable table = CohortRetention.custom().period(CalendarPeriod.DAY, ZoneOffset.UTC)
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
        CohortTable table = CohortRetention.custom().build().compute(events);
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
        CohortTable cut = CohortRetention.custom().until(java.time.Instant.parse("2025-02-15T00:00:00Z")).build()
                .compute(events);
        assertThat(cut.rows()).hasSize(1);
        assertThat(cut.rows().get(0).active()).containsExactly(1L);
        CohortTable whole = CohortRetention.custom().until(java.time.Instant.parse("2025-03-01T00:00:00Z")).build()
                .compute(events);
        assertThat(whole.rows()).hasSize(2);
        assertThat(whole.rows().get(0).active()).containsExactly(1L, 1L);
        assertThat(CohortRetention.custom().until(java.time.Instant.MAX).build().compute(events)).isEqualTo(whole);
    }

    @Test
    void refusesATableWiderThanItsPeriodLimitNamingTheSpan() {
        // Expected: closed form, 2000-01-01 is epoch day 10957 and +13500-01-01 lies 4,199,... days later, above
        // the limit of 2^22 = 4,194,304 day periods that a table may span.
        CohortAccumulator accumulator = CohortRetention.custom().period(CalendarPeriod.DAY, ZoneOffset.UTC)
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
        CohortAccumulator accumulator = CohortRetention.custom()
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

    @Test
    void aStateRoundTripsThroughJsonAndContinuesUnderTheSameCalculatorOnly() throws Exception {
        // Expected: by hand, monthly cohorts in UTC: a active in January and March 2025, b in January; the state
        // holds a: [24300, 24302], b: [24300] (12 * 2025 + month - 1). Restored, it gives the same table and goes
        // on counting; restored under weekly periods it is refused, naming both.
        CohortRetention monthly = CohortRetention.ofDefaults();
        CohortAccumulator accumulator = monthly.accumulator()
                .add(dev.cxm.core.model.CustomerId.of("a"), java.time.Instant.parse("2025-01-10T00:00:00Z"))
                .add(dev.cxm.core.model.CustomerId.of("a"), java.time.Instant.parse("2025-03-10T00:00:00Z"))
                .add(dev.cxm.core.model.CustomerId.of("b"), java.time.Instant.parse("2025-01-11T00:00:00Z"));
        CohortActivity state = accumulator.state();
        assertThat(state.customers()).isEqualTo(Map.of("a", List.of(24300, 24302), "b", List.of(24300)));
        assertThat(state.formatVersion()).isEqualTo(1);
        CohortActivity read = read(CxmJson.mapper().writeValueAsString(state));
        assertThat(read).isEqualTo(state);
        assertThat(monthly.accumulator(read).result()).isEqualTo(accumulator.result());
        assertThat(accumulator.result().rows().get(0).active()).containsExactly(2L, 0L, 1L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CohortRetention.custom()
                .period(CalendarPeriod.WEEK, ZoneOffset.UTC).build().accumulator(state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("state: its periods (MONTH in Z) are not this calculator's (WEEK in Z)");
        // Restored under an earlier end of observation, activity from the unfinished period on is left out:
        // March is unfinished on March 5, so a's March drops and the columns end with January, the last period
        // with activity.
        CohortTable cut = CohortRetention.custom().until(java.time.Instant.parse("2025-03-05T00:00:00Z")).build()
                .accumulator(state).result();
        assertThat(cut.rows().get(0).active()).containsExactly(2L);
    }

    @Test
    void theGoldenFormatOneStateStillReads() throws Exception {
        // Expected: the file was written by format version 1 (cohort-activity-v1.json in test resources) and
        // must keep reading. By hand: monthly in Europe/Berlin, a active in January, February and April 2025
        // (24300, 24301, 24303), b in January and April, c in February: January cohort of 2 with 2, 1, 0, 2
        // active at +0..+3, February cohort of 1 (c) with 1 active at +0 and nobody later.
        String json;
        try (java.io.InputStream in = getClass().getResourceAsStream("/golden/cohort-activity-v1.json")) {
            json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        CohortActivity state = read(json);
        assertThat(state.period()).isEqualTo(CalendarPeriod.MONTH);
        assertThat(state.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        CohortTable table = CohortRetention.custom().period(CalendarPeriod.MONTH, ZoneId.of("Europe/Berlin")).build()
                .accumulator(state).result();
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).cohort()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(table.rows().get(0).size()).isEqualTo(2);
        assertThat(table.rows().get(0).active()).containsExactly(2L, 1L, 0L, 2L);
        assertThat(table.rows().get(1).cohort()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(table.rows().get(1).active()).containsExactly(1L, 0L, 0L);
        // Written again, the state is the golden file's JSON (the format has not drifted).
        assertThat(CxmJson.mapper().readTree(CxmJson.mapper().writeValueAsString(state)))
                .isEqualTo(CxmJson.mapper().readTree(json));
    }

    @Test
    void aStateOfAnUnknownVersionOrMalformedPeriodsIsRefused() {
        // Expected: the versioning rule of AccumulatorState (versions 1 .. current read) and the state's own
        // rules: periods strictly ascending, at least one per customer.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(
                "{\"formatVersion\":2,\"period\":\"MONTH\",\"zone\":\"UTC\",\"customers\":{}}"))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasStackTraceContaining("formatVersion: 2 of CohortActivity is not readable");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CohortActivity(CalendarPeriod.MONTH,
                ZoneOffset.UTC, Map.of("a", List.of(3, 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customers: the periods of customer a are not strictly ascending at position 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CohortActivity(CalendarPeriod.MONTH,
                ZoneOffset.UTC, Map.of("a", List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("customers: customer a has no active period");
    }

    @Test
    void accumulatorsOfOtherPeriodsDoNotMerge() {
        // Expected: the accumulator contract: a merge of counts under another configuration is refused.
        CohortAccumulator monthly = CohortRetention.ofDefaults().accumulator();
        CohortAccumulator weekly = CohortRetention.custom().period(CalendarPeriod.WEEK, ZoneOffset.UTC).build()
                .accumulator();
        CohortAccumulator earlier = CohortRetention.custom().until(java.time.Instant.parse("2025-01-01T00:00:00Z"))
                .build().accumulator();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> monthly.merge(weekly))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only counts of the same periods merge");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> monthly.merge(earlier))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only counts of the same periods merge");
        // Another calculator that counts the same periods merges (its basis applies only to its own result).
        CohortAccumulator recurring = CohortRetention.custom().basis(CohortBasis.RECURRING).build().accumulator();
        assertThat(monthly.merge(recurring).result().rows()).isEmpty();
    }

    @Test
    void configurationsCompareByValue() {
        // Expected: the configuration idiom: equal settings are equal, whichever way built; from(base) starts
        // from base's settings; activity by event types is a value, a lambda compares by identity.
        CohortRetention purchases = CohortRetention.custom().period(CalendarPeriod.WEEK, NEW_YORK)
                .basis(CohortBasis.RECURRING).relativeTo(RetentionBase.PREVIOUS_PERIOD)
                .activityTypes(dev.cxm.core.model.EventType.PURCHASE)
                .until(java.time.Instant.parse("2025-06-01T00:00:00Z")).maxOffset(6).build();
        assertThat(CohortRetention.custom().build()).isEqualTo(CohortRetention.ofDefaults())
                .hasSameHashCodeAs(CohortRetention.ofDefaults());
        assertThat(CohortRetention.from(purchases).build()).isEqualTo(purchases).hasSameHashCodeAs(purchases);
        assertThat(CohortRetention.custom().period(CalendarPeriod.WEEK, NEW_YORK).basis(CohortBasis.RECURRING)
                .relativeTo(RetentionBase.PREVIOUS_PERIOD)
                .activityTypes(dev.cxm.core.model.EventType.PURCHASE, dev.cxm.core.model.EventType.PURCHASE)
                .until(java.time.Instant.parse("2025-06-01T00:00:00Z")).maxOffset(6).build()).isEqualTo(purchases);
        assertThat(CohortRetention.from(purchases).maxOffset(5).build()).isNotEqualTo(purchases);
        java.util.function.Predicate<CustomerEvent> mine = event -> true;
        assertThat(CohortRetention.custom().activity(mine).build())
                .isEqualTo(CohortRetention.custom().activity(mine).build())
                .isNotEqualTo(CohortRetention.custom().activity(event -> true).build());
        assertThat(purchases.period()).isEqualTo(CalendarPeriod.WEEK);
        assertThat(purchases.zone()).isEqualTo(NEW_YORK);
        assertThat(purchases.basis()).isEqualTo(CohortBasis.RECURRING);
        assertThat(purchases.relativeTo()).isEqualTo(RetentionBase.PREVIOUS_PERIOD);
        assertThat(purchases.until()).contains(java.time.Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(purchases.maxOffset()).isEqualTo(6);
        assertThat(purchases.toString()).contains("WEEK").contains("America/New_York").contains("maxOffset=6");
    }

    @Test
    void theBuilderRejectsEachBadValueAtOnceNamingIt() {
        // Expected: the configuration idiom: each setter refuses at once, naming the field.
        CohortRetention.Builder builder = CohortRetention.custom();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.maxOffset(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxOffset: -1 is negative");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.activityTypes())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("types: none were given");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.basis(null))
                .hasMessage("basis must not be null");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.until(null))
                .hasMessage("until must not be null");
        assertThat(builder.build()).isEqualTo(CohortRetention.ofDefaults());
    }

    @Test
    void activityByEventTypeCountsOnlyThoseEvents() {
        // Expected: by hand: a purchases in January, b only interacts; counting purchases, one cohort of one.
        java.time.Instant at = java.time.Instant.parse("2025-01-10T00:00:00Z");
        List<CustomerEvent> events = List.of(
                dev.cxm.core.model.Purchase.builder(dev.cxm.core.model.CustomerId.of("a"), at,
                        dev.cxm.core.model.Money.of("10", "EUR")).build(),
                dev.cxm.core.model.Interaction.builder(dev.cxm.core.model.CustomerId.of("b"), at, EventLogs.APP).build());
        CohortTable table = CohortRetention.custom().activityTypes(dev.cxm.core.model.EventType.PURCHASE).build()
                .compute(events);
        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().get(0).size()).isEqualTo(1);
        assertThat(CohortRetention.ofDefaults().compute(events).rows().get(0).size()).isEqualTo(2);
    }

    private static CohortActivity read(String json) throws com.fasterxml.jackson.core.JsonProcessingException {
        return CxmJson.mapper().readValue(json, CohortActivity.class);
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
