package dev.cxm.metrics.churn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * A customer's history against a brute force built from the list of its events: spells by walking the events
 * sorted by time (activity before cancellation at one instant), the group as the smallest (instant, value) pair.
 * Events are drawn on few distinct instants and added in any order, so ties and unsorted input occur.
 */
class CustomerHistoryTest {

    private record Event(long at, boolean cancellation) {}

    @Test
    void contractualSpellsFollowTheEventsInTimeOrder() {
        qt().withFixedSeed(101).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            List<Event> events = drawn(random);
            CustomerHistory history = new CustomerHistory();
            events.forEach(e -> history.add(e.at(), e.cancellation()));
            assertThat(history.contractualSpells()).containsExactly(contractual(events));
        });
    }

    @Test
    void nonContractualSpellsEndAnInactivityAfterTheLastActivity() {
        qt().withFixedSeed(103).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            List<Event> events = drawn(random);
            long inactivity = random.nextInt(6);
            CustomerHistory history = new CustomerHistory();
            events.forEach(e -> history.add(e.at(), e.cancellation()));
            assertThat(history.nonContractualSpells(inactivity)).containsExactly(nonContractual(events, inactivity));
        });
    }

    @Test
    void mergeGivesTheHistoryOfAllEventsAndTheEarliestGroup() {
        qt().withFixedSeed(107).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            List<Event> events = drawn(random);
            CustomerHistory left = new CustomerHistory();
            CustomerHistory right = new CustomerHistory();
            CustomerHistory whole = new CustomerHistory();
            long bestAt = Long.MAX_VALUE;
            String best = null;
            for (Event e : events) {
                CustomerHistory part = random.nextBoolean() ? left : right;
                part.add(e.at(), e.cancellation());
                whole.add(e.at(), e.cancellation());
                if (random.nextInt(3) == 0) {
                    String group = "g" + random.nextInt(4);
                    part.offerGroup(e.at(), group);
                    whole.offerGroup(e.at(), group);
                    if (e.at() < bestAt || (e.at() == bestAt && group.compareTo(best) < 0)) {
                        bestAt = e.at();
                        best = group;
                    }
                }
            }
            left.merge(right);
            assertThat(left.contractualSpells()).containsExactly(contractual(events));
            assertThat(left.nonContractualSpells(2)).containsExactly(nonContractual(events, 2));
            assertThat(left.groupOr("(none)")).isEqualTo(best == null ? "(none)" : best);
            assertThat(whole.groupOr("(none)")).isEqualTo(best == null ? "(none)" : best);
        });
    }

    @Test
    void theGroupIsTheEarliestThenTheSmallestWhateverTheOrderOffered() {
        // Oracle: by hand, the smallest (instant, value) pair of the offers.
        CustomerHistory history = new CustomerHistory();
        assertThat(history.groupOr("(none)")).isEqualTo("(none)");
        history.offerGroup(10, "b");
        history.offerGroup(10, "c");
        assertThat(history.groupOr("(none)")).isEqualTo("b");
        history.offerGroup(10, "a");
        assertThat(history.groupOr("(none)")).isEqualTo("a");
        history.offerGroup(11, "0");
        assertThat(history.groupOr("(none)")).isEqualTo("a");
        history.offerGroup(9, "z");
        assertThat(history.groupOr("(none)")).isEqualTo("z");
        history.offerGroup(9, "z");
        assertThat(history.groupOr("(none)")).isEqualTo("z");
    }

    @Test
    void edgeHistories() {
        // Oracle: the spell rules by hand.
        CustomerHistory onlyCancelled = new CustomerHistory();
        onlyCancelled.add(5, true);
        assertThat(onlyCancelled.nonContractualSpells(3)).isEmpty();
        assertThat(onlyCancelled.contractualSpells()).isEmpty();
        // A cancellation at the instant of a renewal ends the spell there (activity first, then cancellation).
        CustomerHistory renewedAndCancelled = new CustomerHistory();
        renewedAndCancelled.add(5, false);
        renewedAndCancelled.add(5, true);
        renewedAndCancelled.add(1, false);
        assertThat(renewedAndCancelled.contractualSpells()).containsExactly(1, 5);
        // A spell ending after the last representable instant stays open.
        CustomerHistory late = new CustomerHistory();
        late.add(Long.MAX_VALUE - 2, false);
        assertThat(late.nonContractualSpells(10)).containsExactly(Long.MAX_VALUE - 2, Long.MAX_VALUE);
    }

    private static List<Event> drawn(SplittableRandom random) {
        List<Event> events = new ArrayList<>();
        int count = random.nextInt(12);
        for (int i = 0; i < count; i++) {
            events.add(new Event(random.nextInt(20), random.nextInt(3) == 0));
        }
        return events;
    }

    private static long[] contractual(List<Event> events) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(Event::at).thenComparing(Event::cancellation));
        List<Long> spells = new ArrayList<>();
        boolean active = false;
        for (Event e : sorted) {
            if (!e.cancellation() && !active) {
                spells.add(e.at());
                active = true;
            } else if (e.cancellation() && active) {
                spells.add(e.at());
                active = false;
            }
        }
        if (active) {
            spells.add(CustomerHistory.OPEN);
        }
        return spells.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] nonContractual(List<Event> events, long inactivity) {
        long[] times = events.stream().filter(e -> !e.cancellation()).mapToLong(Event::at).sorted().toArray();
        List<Long> spells = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            if (i == 0) {
                spells.add(times[0]);
            } else if (times[i] - times[i - 1] > inactivity) {
                spells.add(times[i - 1] + inactivity);
                spells.add(times[i]);
            }
        }
        if (times.length > 0) {
            spells.add(times[times.length - 1] + inactivity);
        }
        return spells.stream().mapToLong(Long::longValue).toArray();
    }
}
