package dev.cxm.core.store.memory;

import static dev.cxm.core.store.kit.TestEvents.nps;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.cxm.core.store.EventStore;

/**
 * Issue 9, item 9: {@code appendAll} with a {@code null} element threw a {@link NullPointerException} without a
 * message (from {@code List.copyOf}); it names the position now, and stores nothing. Kept apart from
 * {@link InMemoryEventStoreTest} so that it moves with the store's tests.
 */
class AppendAllNullElementTest {

    @Test
    void aNullElementIsRefusedNamingItsPositionAndNothingIsStored() {
        EventStore store = InMemoryEventStore.create();

        assertThatThrownBy(() -> store.appendAll(Arrays.asList(nps("n1", "c1", 1, 9), nps("n2", "c1", 2, 9), null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("events: the element at position 2 (counting from 0) is null; every element must be present");
        assertThatThrownBy(() -> store.appendAll(null)).hasMessage("events must not be null");
        assertThat(store.count()).isZero();
    }
}
