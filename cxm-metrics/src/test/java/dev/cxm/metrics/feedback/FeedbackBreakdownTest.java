package dev.cxm.metrics.feedback;

import static dev.cxm.metrics.feedback.Responses.PHONE;
import static dev.cxm.metrics.feedback.Responses.WEB;
import static dev.cxm.metrics.feedback.Responses.nps;
import static dev.cxm.metrics.feedback.Responses.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * Breakdowns per group and period. The oracle is a brute-force filter written here: the responses of a
 * group or period are picked out by hand (calendar facts worked out in the comments) and fed to the
 * metric on their own; the breakdown must give the same results in one pass.
 */
class FeedbackBreakdownTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final NetPromoterScore NPS = NetPromoterScore.ofDefaults();
    private static final GroupKey SEGMENT = GroupKeys.attribute("segment");
    private static final GroupKey ALL = GroupKey.of("all", e -> Optional.of("all"));

    // 2026-03-02 is a Monday. 23:30 UTC on Sunday 1 March is 00:30 on Monday 2 March in Berlin (UTC+1).
    private static final List<FeedbackResponse> RESPONSES = List.of(
            nps("a", 10, "2026-02-24T09:00:00Z", WEB, "gold"),
            nps("b", 3, "2026-02-25T09:00:00Z", PHONE, "gold"),
            nps("c", 9, "2026-03-01T23:30:00Z", WEB, "silver"),
            nps("d", 8, "2026-03-03T12:00:00Z", WEB, "silver"),
            nps("e", 0, "2026-03-04T12:00:00Z", PHONE, "gold"),
            nps("f", 10, "2026-03-18T12:00:00Z", PHONE, "silver"),
            response("g", FeedbackScale.CSAT, 4, "2026-03-03T12:00:00Z", WEB));

    @Test
    void computesOverallPerGroupAndPerPeriodInOnePass() {
        Breakdown<NpsResult> breakdown = FeedbackBreakdown.custom(NPS)
                .groupBy(SEGMENT)
                .per(CalendarPeriod.WEEK, BERLIN)
                .minimumN(2)
                .build()
                .compute(RESPONSES.stream());

        assertThat(breakdown.overall()).isEqualTo(expected(r -> true));
        assertThat(breakdown.otherScales()).isEqualTo(1);
        assertThat(breakdown.groups()).extracting(GroupResult::group).containsExactly("gold", "silver");
        assertThat(breakdown.group("gold").orElseThrow().result()).isEqualTo(expected(segment("gold")));
        assertThat(breakdown.group("silver").orElseThrow().result()).isEqualTo(expected(segment("silver")));
        // Berlin weeks: 23 Feb (a, b), 2 Mar (c, d, e), 9 Mar (none), 16 Mar (f).
        assertThat(breakdown.periods()).extracting(p -> p.period().start()).containsExactly(
                LocalDate.of(2026, 2, 23), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 16));
        assertThat(breakdown.periods().get(0).result()).isEqualTo(expected(ids("a", "b")));
        assertThat(breakdown.periods().get(1).result()).isEqualTo(expected(ids("c", "d", "e")));
        assertThat(breakdown.periods().get(3).result()).isEqualTo(expected(ids("f")));
    }

    @Test
    void emptyPeriodsAreKeptAndFlaggedNotHidden() {
        Breakdown<NpsResult> breakdown = FeedbackBreakdown.custom(NPS).per(CalendarPeriod.WEEK, BERLIN).minimumN(2).build()
                .compute(RESPONSES.stream());

        PeriodResult<NpsResult> gap = breakdown.periods().get(2);
        assertThat(gap.result().n()).isZero();
        assertThat(gap.result().score()).isEmpty();
        assertThat(gap.belowMinimumN()).isTrue();
        assertThat(breakdown.periods().get(0).belowMinimumN()).isFalse();
        assertThat(breakdown.periods().get(3).belowMinimumN()).isTrue();
    }

    @Test
    void groupsBelowTheMinimumAreFlaggedButKept() {
        // gold has a, b, e (3); silver has c, d, f (3); by channel: web a, c, d (3), phone b, e, f (3).
        Breakdown<NpsResult> breakdown = FeedbackBreakdown.custom(NPS)
                .groupBy(GroupKeys.channel())
                .minimumN(4)
                .build()
                .compute(RESPONSES.stream());

        assertThat(breakdown.groups()).hasSize(2).allMatch(GroupResult::belowMinimumN);
        assertThat(breakdown.group("web").orElseThrow().result()).isEqualTo(expected(ids("a", "c", "d")));
        assertThat(breakdown.periods()).isEmpty();
    }

    @Test
    void eachGroupHasATrendOverTheWholeRange() {
        Breakdown<NpsResult> breakdown = FeedbackBreakdown.custom(NPS)
                .groupBy(SEGMENT)
                .per(CalendarPeriod.WEEK, BERLIN)
                .build()
                .compute(RESPONSES.stream());

        GroupResult<NpsResult> silver = breakdown.group("silver").orElseThrow();
        assertThat(silver.periods()).hasSize(4);
        assertThat(silver.periods().get(0).result().n()).isZero();
        assertThat(silver.periods().get(1).result()).isEqualTo(expected(ids("c", "d")));
    }

    @Test
    void periodsFollowTheZonesCalendar() {
        // In UTC, response c (Sunday 1 March 23:30) belongs to the week of 23 February, not 2 March.
        Breakdown<NpsResult> utc = FeedbackBreakdown.custom(NPS).per(CalendarPeriod.WEEK, ZoneOffset.UTC).build()
                .compute(RESPONSES.stream());

        assertThat(utc.periods().get(0).result()).isEqualTo(expected(ids("a", "b", "c")));
        assertThat(utc.periods().get(1).result()).isEqualTo(expected(ids("d", "e")));
    }

    @Test
    void monthsAndQuartersStartOnTheFirstDay() {
        // Months in Berlin: February (a, b), March (c, d, e, f); one quarter Q1 (all six).
        Breakdown<NpsResult> months = FeedbackBreakdown.custom(NPS).per(CalendarPeriod.MONTH, BERLIN).build()
                .compute(RESPONSES.stream());
        Breakdown<NpsResult> quarters = FeedbackBreakdown.custom(NPS).per(CalendarPeriod.QUARTER, BERLIN).build()
                .compute(RESPONSES.stream());

        assertThat(months.periods()).extracting(p -> p.period().start())
                .containsExactly(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1));
        assertThat(months.periods().get(1).result()).isEqualTo(expected(ids("c", "d", "e", "f")));
        assertThat(quarters.periods()).singleElement().satisfies(q -> {
            assertThat(q.period().start()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(q.period().end()).isEqualTo(LocalDate.of(2026, 4, 1));
        });
    }

    @Test
    void storeQueryGivesTheSameBreakdownAsTheStream() {
        InMemoryEventStore store = InMemoryEventStore.create();
        store.appendAll(RESPONSES);
        FeedbackBreakdown<NpsResult> breakdown = FeedbackBreakdown.custom(NPS).groupBy(SEGMENT)
                .per(CalendarPeriod.DAY, BERLIN).build();

        assertThat(breakdown.compute(store, EventQuery.ofTypes(EventType.FEEDBACK)))
                .isEqualTo(breakdown.compute(RESPONSES.stream()));
        assertThatThrownBy(() -> breakdown.compute(store, EventQuery.ofTypes(EventType.PURCHASE)))
                .hasMessageStartingWith("query: selects [PURCHASE] events");
    }

    @Test
    void parallelBreakdownEqualsSequential() {
        List<FeedbackResponse> many = FeedbackAccumulatorTest.randomResponses(5000, 23);
        FeedbackBreakdown<RatingResult> breakdown = FeedbackBreakdown.custom(RatingScore.custom(FeedbackScale.NPS).build())
                .groupBy(GroupKey.of("score mod 3", e -> Optional.of("g" + ((FeedbackResponse) e).score() % 3))).per(CalendarPeriod.DAY, BERLIN).build();

        assertThat(many.parallelStream().collect(breakdown.collector())).isEqualTo(breakdown.compute(many.stream()));
    }

    @Test
    void weightedBreakdownWeighsEveryCell() {
        // Oracle: the weighted collector over the group's responses.
        FeedbackBreakdown<NpsResult> breakdown = FeedbackBreakdown.custom(NPS).groupBy(SEGMENT)
                .weightedBy(r -> r.score() + 1.0).build();
        NpsResult gold = RESPONSES.stream().filter(r -> r.scale().equals(FeedbackScale.NPS)).filter(segment("gold"))
                .collect(NPS.collector(r -> r.score() + 1.0));

        NpsResult computed = breakdown.compute(RESPONSES.stream()).group("gold").orElseThrow().result();

        assertThat(computed.score().getAsDouble()).isCloseTo(gold.score().getAsDouble(), within(1e-12));
        assertThat(computed.totalWeight()).isEqualTo(gold.totalWeight());
    }

    @Test
    void rejectsANullGroupValueAndANegativeMinimum() {
        // A host's key must answer an Optional, never null; GroupKey.of names the key.
        FeedbackBreakdown<NpsResult> breakdown = FeedbackBreakdown.custom(NPS)
                .groupBy(GroupKey.of("broken", e -> null)).build();

        assertThatThrownBy(() -> breakdown.compute(RESPONSES.stream()))
                .hasMessage("value of broken must not be null");
        assertThatThrownBy(() -> FeedbackBreakdown.custom(NPS).minimumN(-1))
                .hasMessage("minimumN: -1 is negative; it must be 0 or more");
    }

    @Test
    void responsesWithoutAValueFallInTheNoneGroup() {
        // Oracle: no response has the attribute "missing", so every one is in "(none)"; the CSAT one is skipped.
        Breakdown<NpsResult> breakdown = FeedbackBreakdown.custom(NPS).groupBy(GroupKeys.attribute("missing")).build()
                .compute(RESPONSES.stream());

        assertThat(breakdown.groups()).singleElement().satisfies(group -> {
            assertThat(group.group()).isEqualTo(GroupKeys.NO_VALUE);
            assertThat(group.result()).isEqualTo(expected(r -> true));
        });
    }

    @Test
    void timeBucketsKnowTheirBounds() {
        // Berlin switches to summer time on 29 March 2026: the week of 23 March is 167 hours long.
        TimeBucket week = TimeBucket.containing(java.time.Instant.parse("2026-03-25T10:00:00Z"), CalendarPeriod.WEEK, BERLIN);

        assertThat(week.start()).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(java.time.Duration.between(week.startInstant(), week.endInstant()).toHours()).isEqualTo(167);
        assertThatThrownBy(() -> new TimeBucket(CalendarPeriod.MONTH, LocalDate.of(2026, 3, 2), BERLIN))
                .hasMessage("start: 2026-03-02 does not start a month; it would be 2026-03-01");
        // Equal start, other period or zone: ordered, and 0 only for equal buckets (consistent with equals).
        TimeBucket day = new TimeBucket(CalendarPeriod.DAY, LocalDate.of(2026, 3, 2), ZoneOffset.UTC);
        TimeBucket weekInBerlin = new TimeBucket(CalendarPeriod.WEEK, LocalDate.of(2026, 3, 2), BERLIN);
        assertThat(day.compareTo(weekInBerlin)).isNegative();
        assertThat(weekInBerlin.compareTo(day)).isPositive();
        assertThat(day.compareTo(new TimeBucket(CalendarPeriod.DAY, LocalDate.of(2026, 3, 2), ZoneOffset.UTC))).isZero();
    }

    @Test
    void quartersAfterTheFirstAndWeeksAcrossTheNewYear() {
        // Calendar oracle (independent of the code: a printed 2026/2027 calendar): Q2 runs 1 April to 30 June,
        // Q3 1 July to 30 September, Q4 1 October to 31 December. 31 December 2026 is a Thursday, so its ISO
        // week starts on Monday 28 December 2026 and holds Friday 1 January 2027 (ISO week 2026-W53); Monday
        // 4 January 2027 starts the next week.
        List<FeedbackResponse> responses = List.of(
                nps("q2", 10, "2026-04-01T00:00:00Z", WEB, "x"),
                nps("q2b", 3, "2026-06-30T23:59:59Z", WEB, "x"),
                nps("q3", 9, "2026-07-01T00:00:00Z", WEB, "x"),
                nps("q4a", 8, "2026-10-01T00:00:00Z", WEB, "x"),
                nps("q4b", 0, "2026-12-31T12:00:00Z", WEB, "x"),
                nps("y27", 10, "2027-01-01T12:00:00Z", WEB, "x"),
                nps("y27b", 6, "2027-01-04T00:00:00Z", WEB, "x"));
        Breakdown<NpsResult> quarters = FeedbackBreakdown.custom(NPS).per(CalendarPeriod.QUARTER, ZoneOffset.UTC).build()
                .compute(responses.stream());
        Breakdown<NpsResult> weeks = FeedbackBreakdown.custom(NPS).per(CalendarPeriod.WEEK, ZoneOffset.UTC).build()
                .compute(responses.stream().filter(r -> r.occurredAt().toString().compareTo("2026-12") > 0));

        assertThat(quarters.periods()).extracting(p -> p.period().start() + "/" + p.period().end() + "/" + p.result().n())
                .containsExactly("2026-04-01/2026-07-01/2", "2026-07-01/2026-10-01/1", "2026-10-01/2027-01-01/2",
                        "2027-01-01/2027-04-01/2");
        assertThat(weeks.periods()).extracting(p -> p.period().start() + "/" + p.period().end() + "/" + p.result().n())
                .containsExactly("2026-12-28/2027-01-04/2", "2027-01-04/2027-01-11/1");
        assertThat(CalendarPeriod.QUARTER.startOf(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(CalendarPeriod.QUARTER.count(LocalDate.of(2026, 5, 5), LocalDate.of(2027, 2, 1))).isEqualTo(4);
        assertThat(CalendarPeriod.WEEK.count(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 3))).isEqualTo(1);
    }

    @Test
    void aTrendOfTooManyPeriodsIsRefusedNamingItsDates() {
        // S3: one response in the year 12026 beside one in 2026 would have built 3.65 million days.
        List<FeedbackResponse> responses = List.of(nps("now", 9, "2026-01-01T00:00:00Z", WEB, "x"),
                nps("typo", 9, "+12026-01-01T00:00:00Z", WEB, "x"));

        assertThatThrownBy(() -> FeedbackBreakdown.custom(NPS).per(CalendarPeriod.DAY, ZoneOffset.UTC).build()
                .compute(responses.stream()))
                .hasMessageStartingWith("periods: from 2026-01-01 to +12026-01-01 are 3652426 day periods; a trend has"
                        + " at most 10000");
        // 10000 years of quarters is too many too; 1 000 years of quarters (4001 periods) is fine.
        assertThat(FeedbackBreakdown.custom(NPS).per(CalendarPeriod.QUARTER, ZoneOffset.UTC).build()
                .compute(List.of(nps("a", 9, "2026-01-01T00:00:00Z", WEB, "x"),
                        nps("b", 9, "3026-01-01T00:00:00Z", WEB, "x")).stream()).periods()).hasSize(4001);
    }

    @Test
    void aResponseWithoutADateInTheZoneIsNamed() {
        // Instant.MAX is 31 December of the year 1e9 at 23:59:59 UTC: in Berlin (UTC+1) that date does not exist.
        FeedbackResponse last = new FeedbackResponse(dev.cxm.core.model.EventId.of("late"),
                dev.cxm.core.model.CustomerId.of("c"), java.time.Instant.MAX, "nps", FeedbackScale.NPS, 9,
                java.util.Optional.empty(), java.util.Optional.of(WEB), java.util.Map.of());

        assertThatThrownBy(() -> FeedbackBreakdown.custom(NPS).per(CalendarPeriod.DAY, BERLIN).build()
                .compute(java.util.stream.Stream.of(last)))
                .hasMessageStartingWith("occurredAt: response late at +1000000000-12-31T23:59:59.999999Z has no date"
                        + " in the zone Europe/Berlin");
    }

    @Test
    void theMinimumNIsOnTheEffectiveSampleSizeAndFlagsTheOverallResultToo() {
        // S4: one response of weight 1000 and 99 of weight 0.001: n = 100 but Kish's n_eff =
        // (1000.099)^2 / (1000^2 + 99e-6) = 1.000198 (recorded R output, feedback-oracles.R block 2).
        java.util.List<FeedbackResponse> responses = new java.util.ArrayList<>();
        responses.add(nps("heavy", 10, "2026-03-02T10:00:00Z", WEB, "gold"));
        for (int i = 0; i < 99; i++) {
            responses.add(nps("light" + i, 3, "2026-03-02T10:00:00Z", WEB, "gold"));
        }
        Breakdown<NpsResult> breakdown = FeedbackBreakdown.custom(NPS).groupBy(ALL).per(CalendarPeriod.DAY, BERLIN)
                .weightedBy(r -> r.eventId().value().equals("heavy") ? 1000 : 0.001).minimumN(30).build()
                .compute(responses.stream());
        Breakdown<NpsResult> unweighted = FeedbackBreakdown.custom(NPS).groupBy(ALL).minimumN(30).build()
                .compute(responses.stream());

        assertThat(breakdown.overall().n()).isEqualTo(100);
        assertThat(breakdown.overall().effectiveN()).isCloseTo(1.000198, within(1e-6));
        assertThat(breakdown.overallBelowMinimumN()).isTrue();
        assertThat(breakdown.groups().get(0).belowMinimumN()).isTrue();
        assertThat(breakdown.periods().get(0).belowMinimumN()).isTrue();
        assertThat(unweighted.overallBelowMinimumN()).isFalse();
        assertThat(unweighted.groups().get(0).belowMinimumN()).isFalse();
    }

    @Test
    void aBadWeightNamesTheResponse() {
        assertThatThrownBy(() -> FeedbackBreakdown.custom(NPS).weightedBy(r -> r.score() == 0 ? -1 : 1).build()
                .compute(RESPONSES.stream()))
                .hasMessage("weight: -1.0 is negative; a survey weight is 0 or within [1.0E-100, 1.0E100] (response e)");
    }

    @Test
    void withoutAMinimumEmptyPeriodsAreNotFlagged() {
        Breakdown<NpsResult> breakdown = FeedbackBreakdown.custom(NPS).per(CalendarPeriod.WEEK, BERLIN).minimumN(0).build()
                .compute(RESPONSES.stream());

        assertThat(breakdown.periods().get(2).result().n()).isZero();
        assertThat(breakdown.periods()).noneMatch(PeriodResult::belowMinimumN);
        assertThat(breakdown.overallBelowMinimumN()).isFalse();
    }

    private static NpsResult expected(Predicate<FeedbackResponse> filter) {
        return RESPONSES.stream().filter(r -> r.scale().equals(FeedbackScale.NPS)).filter(filter)
                .collect(NPS.collector());
    }

    private static Predicate<FeedbackResponse> segment(String segment) {
        return r -> segment.equals(r.attributes().get("segment"));
    }

    private static Predicate<FeedbackResponse> ids(String... ids) {
        List<String> wanted = List.of(ids);
        return r -> wanted.contains(r.eventId().value());
    }
}
