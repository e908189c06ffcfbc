package dev.cxm.journey.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.journey.JourneyLogs;

/**
 * The funnel's invariants over random logs and funnels (generated as in {@link FunnelBruteForceTest}): each
 * property compares two computations of the same data, so the expected side is the funnel itself under
 * another order, window, input order or split.
 */
class FunnelPropertiesTest {

    private static final List<String> TOUCHPOINTS = List.of("a", "b", "c", "d", "x");

    private static List<Long> counts(FunnelResult result) {
        return result.steps().stream().map(FunnelStepResult::count).toList();
    }

    private static List<CustomerEvent> log(Random random) {
        return JourneyLogs.random(random, 1 + random.nextInt(8), 9, TOUCHPOINTS, 60);
    }

    @Test
    void countsNeverIncreaseAlongAFunnel() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<Long> counts = counts(FunnelBruteForceTest.randomFunnel(random).computeEvents(log(random)));
            for (int i = 1; i < counts.size(); i++) {
                assertThat(counts.get(i)).isLessThanOrEqualTo(counts.get(i - 1));
            }
        });
    }

    @Test
    void strictIsAtMostOrderedIsAtMostUnorderedAtEveryStep() {
        // Of customers (first completion): attempts are cut differently under each order, so their counts
        // need not nest.
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Funnel any = FunnelBruteForceTest.randomFunnel(random);
            Funnel ordered = new Funnel(any.steps(), any.window(), FunnelOrder.ORDERED, FunnelCounting.FIRST_COMPLETION,
                    List.of(), any.breakdown(), any.attribution(), any.dropOffSample(), any.level());
            List<CustomerEvent> log = log(random);
            List<Long> strict = counts(Funnel.from(ordered).order(FunnelOrder.STRICT).build().computeEvents(log));
            List<Long> inOrder = counts(ordered.computeEvents(log));
            List<Long> unordered = counts(Funnel.from(ordered).order(FunnelOrder.UNORDERED).build().computeEvents(log));
            for (int i = 0; i < strict.size(); i++) {
                assertThat(strict.get(i)).isLessThanOrEqualTo(inOrder.get(i));
                assertThat(inOrder.get(i)).isLessThanOrEqualTo(unordered.get(i));
            }
        });
    }

    @Test
    void wideningTheWindowNeverLowersACount() {
        // Of customers (first completion): a wider window can merge two attempts into one.
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Funnel funnel = Funnel.from(FunnelBruteForceTest.randomFunnel(random))
                    .counting(FunnelCounting.FIRST_COMPLETION).build();
            Funnel wider = Funnel.from(funnel).window(funnel.window().plus(Duration.ofMinutes(1 + random.nextInt(30))))
                    .build();
            List<CustomerEvent> log = log(random);
            List<Long> narrow = counts(funnel.computeEvents(log));
            List<Long> wide = counts(wider.computeEvents(log));
            for (int i = 0; i < narrow.size(); i++) {
                assertThat(wide.get(i)).isGreaterThanOrEqualTo(narrow.get(i));
            }
        });
    }

    @Test
    void theResultDoesNotDependOnTheInputOrder() {
        // Events are shuffled whole; events of one customer at one instant keep their relative order, which is
        // the order a store gives them (ties in append order), so that a tie means the same path.
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Funnel funnel = FunnelBruteForceTest.randomFunnel(random);
            List<CustomerEvent> log = log(random);
            List<CustomerTimeline> timelines = JourneyLogs.timelines(log);
            List<CustomerEvent> shuffled = new ArrayList<>();
            timelines.forEach(t -> shuffled.addAll(t.events()));
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            List<CustomerEvent> reordered = new ArrayList<>();
            // Keep ties of a customer in place: re-sort stably by time after shuffling customers' interleaving.
            order.forEach(i -> reordered.add(shuffled.get(i)));
            reordered.sort(java.util.Comparator.comparing((CustomerEvent e) -> e.customerId())
                    .thenComparing(CustomerEvent::occurredAt)
                    .thenComparing(e -> shuffled.indexOf(e)));
            Collections.shuffle(timelines, random);
            FunnelAccumulator byTimelines = funnel.accumulator();
            timelines.forEach(byTimelines::add);
            assertThat(funnel.computeEvents(reordered)).isEqualTo(funnel.computeEvents(log));
            assertThat(byTimelines.result()).isEqualTo(funnel.computeEvents(log));
        });
    }

    @Test
    void theResultDoesNotDependOnHowCustomersAreSplitAcrossMergedParts() {
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Funnel funnel = FunnelBruteForceTest.randomFunnel(random);
            List<CustomerTimeline> timelines = JourneyLogs.timelines(log(random));
            int parts = 1 + random.nextInt(4);
            List<FunnelAccumulator> accumulators = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                accumulators.add(funnel.accumulator());
            }
            timelines.forEach(t -> accumulators.get(random.nextInt(parts)).add(t));
            FunnelAccumulator merged = accumulators.get(0);
            for (int p = 1; p < parts; p++) {
                merged.merge(accumulators.get(p));
            }
            FunnelAccumulator whole = funnel.accumulator();
            timelines.forEach(whole::add);
            assertThat(merged.result()).isEqualTo(whole.result());
            assertThat(timelines.parallelStream().collect(funnel.collector())).isEqualTo(whole.result());
        });
    }
}
