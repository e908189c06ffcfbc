package dev.cxm.test.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.cxm.core.store.EventStore;

/** Shows that the kit's stream check catches a backend that leaks what a stream held. */
class StreamResourceCheckTest {

    /** The kit on a store that leaks one count per timelines stream, reported through the kit's hook. */
    private static final class KitOnALeakingStore extends EventStoreCompatibilityKit {
        private final CountingEventStore leaking = new CountingEventStore(true);

        @Override
        protected EventStore createStore() {
            return leaking;
        }

        @Override
        protected long openStreamResources() {
            return leaking.openStreams();
        }
    }

    @Test
    void aStoreThatLeaksTheResourceOfAStreamFailsTheKit() {
        // Oracle: the kit opens one timelines stream in each of its 40 rounds, so the leaking store ends 40
        // above the baseline of 0, and the kit's check must fail saying so.
        KitOnALeakingStore kit = new KitOnALeakingStore();
        kit.newStore();

        assertThatThrownBy(() -> kit.new Streams().closedStreamsReleaseEverythingTheyHeld())
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("0", "40");
    }
}
