package dev.cxm.journey.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.journey.EventMatcher;
import dev.cxm.journey.JourneyLogs;

/**
 * Funnels against brute force: for random small logs and random funnels (every order, both countings,
 * windows, exclusions, overlapping steps, breakdowns with each attribution), every number of the result is
 * recomputed from {@link BruteForceFunnel}, which enumerates each customer's paths (or each attempt's) from
 * the definitions, and from a plain nearest-rank quantile of the conversion times.
 */
class FunnelBruteForceTest {

    private static final List<String> TOUCHPOINTS = List.of("a", "b", "c", "d", "x");

    @Test
    void everyNumberMatchesTheBruteForceOverRandomLogsAndFunnels() {
        qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Funnel funnel = randomFunnel(random);
            List<CustomerEvent> log = JourneyLogs.random(random, 1 + random.nextInt(6), 7, TOUCHPOINTS, 40);
            List<CustomerTimeline> timelines = JourneyLogs.timelines(log);
            FunnelResult result = funnel.computeEvents(log);
            assertMatchesBruteForce(funnel, timelines, result);
        });
    }

    static Funnel randomFunnel(Random random) {
        int steps = 1 + random.nextInt(4);
        List<FunnelStep> list = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            String t = TOUCHPOINTS.get(random.nextInt(4));
            EventMatcher matcher = random.nextInt(5) == 0
                    ? EventMatcher.or(EventMatcher.touchpoint(t), EventMatcher.touchpoint(TOUCHPOINTS.get(random.nextInt(4))))
                    : EventMatcher.touchpoint(t);
            list.add(new FunnelStep("s" + (i + 1), matcher));
        }
        FunnelOrder order = FunnelOrder.values()[random.nextInt(3)];
        Funnel.Builder builder = Funnel.custom(list).order(order)
                .window(Duration.ofMinutes(1 + random.nextInt(45))).dropOffSample(random.nextInt(3))
                .counting(random.nextInt(3) == 0 ? FunnelCounting.EVERY_ATTEMPT : FunnelCounting.FIRST_COMPLETION);
        if (order != FunnelOrder.UNORDERED && steps > 1 && random.nextBoolean()) {
            int from = 1 + random.nextInt(steps - 1);
            int to = from + 1 + random.nextInt(steps - from);
            builder.exclude(EventMatcher.touchpoint(random.nextBoolean() ? "x" : TOUCHPOINTS.get(random.nextInt(4))),
                    from, to);
        }
        if (random.nextBoolean()) {
            Attribution attribution = switch (random.nextInt(3)) {
                case 0 -> Attribution.firstTouch();
                case 1 -> Attribution.lastTouch();
                default -> Attribution.atStep(1 + random.nextInt(steps));
            };
            builder.breakdown(GroupKeys.attribute("src"), attribution);
        }
        return builder.build();
    }

    static void assertMatchesBruteForce(Funnel funnel, List<CustomerTimeline> timelines, FunnelResult result) {
        BruteForceFunnel oracle = new BruteForceFunnel(funnel);
        int steps = funnel.steps().size();
        Expected overall = new Expected(steps);
        Map<String, Expected> groups = new TreeMap<>();
        for (CustomerTimeline timeline : timelines) {
            List<BruteForceFunnel.Outcome> outcomes = funnel.counting() == FunnelCounting.FIRST_COMPLETION
                    ? List.of(oracle.of(timeline)) : oracle.attempts(timeline);
            for (BruteForceFunnel.Outcome outcome : outcomes) {
                if (outcome.level() > 0) {
                    expect(funnel, timeline, outcome, overall, groups);
                }
            }
        }
        overall.assertSame(result.steps(), funnel);
        assertThat(result.counting()).isEqualTo(funnel.counting());
        assertThat(result.groups().stream().map(FunnelGroupResult::group).toList())
                .containsExactlyElementsOf(groups.keySet());
        for (FunnelGroupResult group : result.groups()) {
            groups.get(group.group()).assertSame(group.steps(), funnel);
        }
        assertThat(result.customers()).isEqualTo(timelines.size());
    }

    private static void expect(Funnel funnel, CustomerTimeline timeline, BruteForceFunnel.Outcome outcome,
            Expected overall, Map<String, Expected> groups) {
        int steps = funnel.steps().size();
        List<CustomerEvent> events = BruteForceFunnel.dedupe(timeline.events());
        overall.add(timeline.customer(), outcome, events);
        if (funnel.breakdown().isPresent()) {
            Attribution a = funnel.attribution();
            int step = switch (a.kind()) {
                case FIRST_TOUCH -> 1;
                case LAST_TOUCH -> outcome.level();
                case STEP -> a.step();
            };
            String group = step > outcome.level() ? GroupKeys.NO_VALUE
                    : funnel.breakdown().get().groupOf(events.get(outcome.positions()[step - 1]));
            groups.computeIfAbsent(group, g -> new Expected(steps)).add(timeline.customer(), outcome, events);
        }
    }

    /** The expected counts, built customer by customer from the brute-force outcomes. */
    static final class Expected {
        final long[] reached;
        final List<List<Long>> times = new ArrayList<>();
        final List<TreeSet<CustomerId>> dropped = new ArrayList<>();

        Expected(int steps) {
            reached = new long[steps];
            for (int i = 0; i < steps; i++) {
                times.add(new ArrayList<>());
                dropped.add(new TreeSet<>());
            }
        }

        void add(CustomerId customer, BruteForceFunnel.Outcome outcome, List<CustomerEvent> events) {
            int level = outcome.level();
            for (int i = 0; i < level; i++) {
                reached[i]++;
                if (i > 0) {
                    long micros = Duration.between(events.get(outcome.positions()[i - 1]).occurredAt(),
                            events.get(outcome.positions()[i]).occurredAt()).toNanos() / 1_000;
                    times.get(i).add(micros);
                }
            }
            if (level < reached.length) {
                dropped.get(level - 1).add(customer);
            }
        }

        void assertSame(List<FunnelStepResult> actual, Funnel funnel) {
            assertThat(actual).hasSize(reached.length);
            for (int i = 0; i < reached.length; i++) {
                FunnelStepResult step = actual.get(i);
                assertThat(step.count()).as("count of step %d", i + 1).isEqualTo(reached[i]);
                if (reached[0] > 0) {
                    assertThat(step.conversionFromStart().getAsDouble()).isEqualTo((double) reached[i] / reached[0]);
                }
                if (i > 0 && reached[i - 1] > 0) {
                    assertThat(step.conversionFromPrevious().getAsDouble()).isEqualTo((double) reached[i] / reached[i - 1]);
                }
                if (i == 0) {
                    assertThat(step.medianTimeToConvert()).isEmpty();
                    assertThat(step.conversionFromPrevious()).isEmpty();
                } else {
                    long[] sorted = times.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
                    assertThat(sorted.length).isEqualTo(reached[i]);
                    if (sorted.length == 0) {
                        assertThat(step.medianTimeToConvert()).isEmpty();
                    } else {
                        assertThat(step.medianTimeToConvert().orElseThrow()).as("median of step %d", i + 1)
                                .isEqualTo(Duration.ofNanos(1_000 * nearestRank(sorted, 0.5)));
                        assertThat(step.lowerQuartileTimeToConvert().orElseThrow())
                                .isEqualTo(Duration.ofNanos(1_000 * nearestRank(sorted, 0.25)));
                        assertThat(step.upperQuartileTimeToConvert().orElseThrow())
                                .isEqualTo(Duration.ofNanos(1_000 * nearestRank(sorted, 0.75)));
                    }
                }
                long droppedCount = i + 1 < reached.length ? reached[i] - reached[i + 1] : 0;
                assertThat(step.droppedOffCount()).isEqualTo(droppedCount);
                List<CustomerId> sample = dropped.get(i).stream().limit(funnel.dropOffSample()).toList();
                assertThat(step.droppedOff()).isEqualTo(i + 1 < reached.length ? sample : List.of());
            }
        }

        /** The smallest value with at least p of the values at or below it, by counting. */
        private static long nearestRank(long[] sorted, double p) {
            for (long candidate : sorted) {
                long atOrBelow = Arrays.stream(sorted).filter(v -> v <= candidate).count();
                if (atOrBelow >= p * sorted.length) {
                    return candidate;
                }
            }
            throw new AssertionError("no quantile");
        }
    }
}
