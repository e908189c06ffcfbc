package dev.cxm.test.store;

import dev.cxm.core.store.EventStore;

/**
 * Runs the compatibility kit on the default bodies of {@link EventStore} ({@code timelines}, {@code span},
 * {@code page}, {@code count(query)}, typed queries), through a store that implements only the abstract
 * methods and counts its open streams, so that the kit also checks that the defaults close what they open.
 */
class EventStoreDefaultsTest extends EventStoreCompatibilityKit {

    private CountingEventStore counting;

    @Override
    protected EventStore createStore() {
        counting = new CountingEventStore(false);
        return counting;
    }

    @Override
    protected long openStreamResources() {
        return counting.openStreams();
    }
}
