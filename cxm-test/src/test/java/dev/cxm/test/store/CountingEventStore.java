package dev.cxm.test.store;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.store.AppendResult;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryEventStore;

/**
 * A backend as small as the SPI allows: it implements only the abstract methods of {@link EventStore} (on
 * an in-memory store), so every method with a default body runs as a new backend would inherit it. Like a
 * database store it takes a resource (here a count) per open stream and gives it back when the stream is
 * closed; told to, it forgets to give back that of its timelines streams.
 */
final class CountingEventStore implements EventStore {

    private final EventStore delegate = InMemoryEventStore.create();
    private final AtomicLong open = new AtomicLong();
    private final boolean leakTimelines;

    CountingEventStore(boolean leakTimelines) {
        this.leakTimelines = leakTimelines;
    }

    /** Returns how many streams are open (or were leaked). */
    long openStreams() {
        return open.get();
    }

    @Override
    public AppendResult appendAll(Collection<? extends CustomerEvent> events) {
        return delegate.appendAll(events);
    }

    @Override
    public Optional<CustomerEvent> get(EventId id) {
        return delegate.get(id);
    }

    @Override
    public Stream<CustomerEvent> query(EventQuery query) {
        Stream<CustomerEvent> events = delegate.query(query);
        open.incrementAndGet();
        return events.onClose(open::decrementAndGet);
    }

    @Override
    public Stream<CustomerTimeline> timelines(EventQuery query) {
        if (!leakTimelines) {
            return EventStore.super.timelines(query);
        }
        open.incrementAndGet();
        return EventStore.super.timelines(query);
    }

    @Override
    public long count() {
        return delegate.count();
    }

    @Override
    public long erase(CustomerId customer) {
        return delegate.erase(customer);
    }
}
