package dev.cxm.metrics.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.store.memory.InMemoryEventStore;

/**
 * The end just after a log's last event. Oracle: the latest instant found by a linear scan in this test,
 * plus one nanosecond by definition.
 */
class ObservationEndTest {

    private static final Instant ORIGIN = Instant.parse("2025-01-01T00:00:00Z");
    private static final Touchpoint APP = Touchpoint.of("app", "App", Channel.MOBILE_APP);

    @Test
    void isOneNanosecondAfterTheLatestEventOfAStoreInAnyOrder() {
        qt().withFixedSeed(5).withExamples(100).forAll(lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 40))
                .checkAssert(offsets -> {
                    List<CustomerEvent> events = new ArrayList<>();
                    for (int i = 0; i < offsets.size(); i++) {
                        events.add(event("c" + (i % 5), ORIGIN.plus(Duration.ofSeconds(offsets.get(i)))));
                    }
                    Instant latest = ORIGIN;
                    for (CustomerEvent event : events) {
                        latest = event.occurredAt().isAfter(latest) ? event.occurredAt() : latest;
                    }
                    InMemoryEventStore store = InMemoryEventStore.create();
                    store.appendAll(events);
                    assertThat(ObservationEnd.justAfterLastEvent(store)).contains(latest.plusNanos(1));
                    Collections.reverse(events);
                    assertThat(ObservationEnd.justAfterLastEvent(events.stream())).contains(latest.plusNanos(1));
                });
    }

    @Test
    void isEmptyWithoutEvents() {
        assertThat(ObservationEnd.justAfterLastEvent(InMemoryEventStore.create())).isEmpty();
        assertThat(ObservationEnd.justAfterLastEvent(Stream.<CustomerEvent>empty())).isEmpty();
    }

    @Test
    void recognisesAnEndJustAfterAWholeMicrosecond() {
        // Expected: by definition, one nanosecond past a whole microsecond; other instants are not such ends.
        Instant event = Instant.parse("2025-03-01T10:15:30.123456Z");
        assertThat(ObservationEnd.isJustAfterAnEvent(event.plusNanos(1))).isTrue();
        assertThat(ObservationEnd.isJustAfterAnEvent(ORIGIN.plusNanos(1))).isTrue();
        assertThat(ObservationEnd.isJustAfterAnEvent(event)).isFalse();
        assertThat(ObservationEnd.isJustAfterAnEvent(event.plusNanos(2))).isFalse();
        assertThat(ObservationEnd.isJustAfterAnEvent(Instant.parse("2025-07-01T00:00:00Z"))).isFalse();
    }

    private static CustomerEvent event(String customer, Instant at) {
        return Interaction.builder(CustomerId.of(customer), at, APP).build();
    }
}
