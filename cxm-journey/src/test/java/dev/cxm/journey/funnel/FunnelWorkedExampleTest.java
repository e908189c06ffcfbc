package dev.cxm.journey.funnel;

import static dev.cxm.journey.JourneyLogs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.journey.EventMatcher;

/**
 * The worked example of docs/journeys.md: five customers, a three-step funnel home, product, checkout with a
 * one-hour window. Every expected number is worked out by hand in that document (minutes after 09:00 of
 * 2026-03-01 here: ann 0/5/20, bob 0/10/hotline 15/40, cat product 60, home 65, product 90, checkout 180,
 * dan home 120, home 150, product 165, eve home 180, search 181, product 182).
 */
class FunnelWorkedExampleTest {

    static final List<CustomerEvent> EVENTS = List.of(
            at("a1", "ann", "home", 540, Map.of("utm", "ads")), at("a2", "ann", "product", 545),
            at("a3", "ann", "checkout", 560),
            at("b1", "bob", "home", 540, Map.of("utm", "mail")), at("b2", "bob", "product", 550),
            at("b3", "bob", "hotline", 555), at("b4", "bob", "checkout", 580),
            at("c1", "cat", "product", 600), at("c2", "cat", "home", 605, Map.of("utm", "ads")),
            at("c3", "cat", "product", 630), at("c4", "cat", "checkout", 720),
            at("d1", "dan", "home", 660, Map.of("utm", "mail")), at("d2", "dan", "home", 690, Map.of("utm", "ads")),
            at("d3", "dan", "product", 705),
            at("e1", "eve", "home", 720), at("e2", "eve", "search", 721), at("e3", "eve", "product", 722));

    static final List<FunnelStep> STEPS = List.of(FunnelStep.touchpoint("home"), FunnelStep.touchpoint("product"),
            FunnelStep.touchpoint("checkout"));

    private static List<Long> counts(FunnelResult result) {
        return result.steps().stream().map(FunnelStepResult::count).toList();
    }

    @Test
    void orderedWithAnExclusionCountsFiveFiveOne() {
        // docs/journeys.md, "The example": bob's hotline call between product and checkout stops his path at
        // product; cat's checkout comes 115 minutes after her home visit, outside the hour.
        InMemoryEventStore store = InMemoryEventStore.create();
        store.appendAll(EVENTS);
        FunnelResult result = Funnel.custom(STEPS).window(Duration.ofHours(1))
                .exclude(EventMatcher.touchpoint("hotline"), 2, 3)
                .build().compute(store);

        assertThat(counts(result)).containsExactly(5L, 5L, 1L);
        assertThat(result.step(3).conversionFromStart().getAsDouble()).isEqualTo(0.2);
        assertThat(result.step(3).conversionFromPrevious().getAsDouble()).isEqualTo(0.2);
        assertThat(result.step(2).medianTimeToConvert()).contains(Duration.ofMinutes(10));
        assertThat(result.step(2).lowerQuartileTimeToConvert()).contains(Duration.ofMinutes(5));
        assertThat(result.step(2).upperQuartileTimeToConvert()).contains(Duration.ofMinutes(15));
        assertThat(result.step(3).medianTimeToConvert()).contains(Duration.ofMinutes(15));
        assertThat(result.step(1).medianTimeToConvert()).isEmpty();
        assertThat(result.step(2).droppedOffCount()).isEqualTo(4);
        assertThat(result.step(2).droppedOff()).extracting(CustomerId::value).containsExactly("bob", "cat", "dan", "eve");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void strictIsAtMostOrderedIsAtMostUnordered() {
        // docs/journeys.md, "Orders": strict 5, 4, 1 (eve's search breaks home-product); ordered 5, 5, 2 without
        // the exclusion (bob converts); unordered 5, 5, 2 (cat's 115 minutes still fail the hour).
        Funnel base = Funnel.custom(STEPS).window(Duration.ofHours(1)).build();
        assertThat(counts(Funnel.from(base).order(FunnelOrder.STRICT).build().computeEvents(EVENTS)))
                .containsExactly(5L, 4L, 1L);
        assertThat(counts(base.computeEvents(EVENTS))).containsExactly(5L, 5L, 2L);
        assertThat(counts(Funnel.from(base).order(FunnelOrder.UNORDERED).build().computeEvents(EVENTS)))
                .containsExactly(5L, 5L, 2L);
        // A two-hour window lets cat's checkout count too: 115 minutes from her home visit.
        assertThat(counts(Funnel.from(base).window(Duration.ofHours(2)).build().computeEvents(EVENTS)))
                .containsExactly(5L, 5L, 3L);
    }

    @Test
    void firstCompletionTakesThePathThatStartedLast() {
        // dan visits home at 11:00 and 11:30, then product at 11:45: his path starts at 11:30, so his time to
        // product is 15 minutes, not 45, and first touch gives him the utm of the 11:30 visit, "ads".
        FunnelResult result = Funnel.custom(STEPS).window(Duration.ofHours(1))
                .breakdown(GroupKeys.attribute("utm"), Attribution.firstTouch())
                .exclude(EventMatcher.touchpoint("hotline"), 2, 3).build().computeEvents(EVENTS);

        assertThat(result.groups()).extracting(FunnelGroupResult::group).containsExactly("(none)", "ads", "mail");
        assertThat(result.group("ads").orElseThrow().steps()).extracting(FunnelStepResult::count)
                .containsExactly(3L, 3L, 1L);
        assertThat(result.group("ads").orElseThrow().steps().get(1).medianTimeToConvert())
                .contains(Duration.ofMinutes(15));
        assertThat(result.group("mail").orElseThrow().steps()).extracting(FunnelStepResult::count)
                .containsExactly(1L, 1L, 0L);
        assertThat(result.group("(none)").orElseThrow().steps()).extracting(FunnelStepResult::count)
                .containsExactly(1L, 1L, 0L);
    }

    @Test
    void everyAttemptCountsEachTryOfACustomer() {
        // docs/journeys.md, "First completion or every attempt": fay joins the example with two tries, home 13:00
        // and product 13:10 (her checkout comes too late for that try), then home 15:00, product 15:05, checkout
        // 15:20. First completion: 6 customers, 6, 3 (fay counts once, by her second try). Every attempt: ann,
        // bob, cat, dan and eve one attempt each, fay two: 7, 7, 3. Times to product over the attempts (minutes):
        // ann 5, bob 10, cat 25, dan 45 (his attempt starts at his first home visit, 11:00), eve 2, fay 10 and 5;
        // sorted 2, 5, 5, 10, 10, 25, 45: nearest-rank median 10, quartiles 5 and 25.
        List<CustomerEvent> withFay = new java.util.ArrayList<>(EVENTS);
        withFay.addAll(List.of(at("f1", "fay", "home", 780), at("f2", "fay", "product", 790),
                at("f3", "fay", "home", 900), at("f4", "fay", "product", 905), at("f5", "fay", "checkout", 920)));
        Funnel firstCompletion = Funnel.custom(STEPS).window(Duration.ofHours(1)).build();
        assertThat(counts(firstCompletion.computeEvents(withFay))).containsExactly(6L, 6L, 3L);

        FunnelResult attempts = Funnel.from(firstCompletion).counting(FunnelCounting.EVERY_ATTEMPT).build()
                .computeEvents(withFay);
        assertThat(attempts.counting()).isEqualTo(FunnelCounting.EVERY_ATTEMPT);
        assertThat(counts(attempts)).containsExactly(7L, 7L, 3L);
        assertThat(attempts.customers()).isEqualTo(6);
        assertThat(attempts.step(2).medianTimeToConvert()).contains(Duration.ofMinutes(10));
        assertThat(attempts.step(2).lowerQuartileTimeToConvert()).contains(Duration.ofMinutes(5));
        assertThat(attempts.step(2).upperQuartileTimeToConvert()).contains(Duration.ofMinutes(25));
        assertThat(attempts.step(3).medianTimeToConvert()).contains(Duration.ofMinutes(15));
        assertThat(attempts.step(2).droppedOffCount()).isEqualTo(4);
        assertThat(attempts.step(2).droppedOff()).extracting(CustomerId::value)
                .containsExactly("cat", "dan", "eve", "fay");
    }

    @Test
    void aStepThatMatchesNothingIsAWarningNotAnEmptySuccess() {
        FunnelResult result = Funnel.ofDefaults(List.of(FunnelStep.touchpoint("home"), FunnelStep.touchpoint("chekout")))
                .computeEvents(EVENTS);
        assertThat(result.warnings()).containsExactly(
                "step 2 (chekout) matched no event of the 17 read; check its definition against the data");
        assertThat(result.matchedEvents()).containsExactly(6L, 0L);
    }

    @Test
    void aRepeatedEventCountsOnce() {
        // ann's checkout delivered twice (same id, same instant) and an extra customer's home visit twice.
        List<CustomerEvent> doubled = new java.util.ArrayList<>(EVENTS);
        doubled.add(at("a3", "ann", "checkout", 560));
        FunnelResult result = Funnel.custom(STEPS).window(Duration.ofHours(1)).build().computeEvents(doubled);
        assertThat(result.events()).isEqualTo(17);
        assertThat(result.matchedEvents()).containsExactly(6L, 6L, 3L);
    }

    @Test
    void wilsonIntervalsFollowTheClosedForm() {
        // Wilson (1927): centre (p + z^2/2n) / (1 + z^2/n), half-width z / (1 + z^2/n) sqrt(p(1-p)/n + z^2/4n^2),
        // z = 1.959963984540054 for 95% (the normal quantile at 0.975). Checkout: 1 of 5 from the start.
        FunnelResult result = Funnel.custom(STEPS).window(Duration.ofHours(1))
                .exclude(EventMatcher.touchpoint("hotline"), 2, 3).build().computeEvents(EVENTS);
        double z = 1.959963984540054;
        double n = 5;
        double p = 0.2;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        WilsonInterval interval = result.step(3).conversionFromStartInterval().orElseThrow();
        assertThat(interval.lower()).isCloseTo(centre - half, within(1e-12));
        assertThat(interval.upper()).isCloseTo(centre + half, within(1e-12));
        // Published: 1 of 5 gives [0.0362, 0.6245] (e.g. Newcombe 1998's method 3, rounded to 4 places).
        assertThat(interval.lower()).isCloseTo(0.0362, within(0.00005));
        assertThat(interval.upper()).isCloseTo(0.6245, within(0.00005));
    }
}
