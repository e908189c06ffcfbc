package dev.cxm.core.io;

import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.store.AppendResult;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;

/**
 * The store side of an import into an {@link EventSink}: the import engine appends batches of accepted
 * events, which are handed to the sink one by one; it holds nothing, so no id is ever found already stored.
 * Only the import engine sees it.
 */
final class SinkStore implements EventStore {

    private final EventSink sink;
    private long taken;

    private SinkStore(EventSink sink) {
        this.sink = sink;
    }

    /**
     * Runs {@code work} (an import into the returned store) with {@code sink} behind a store, and passes an
     * exception of the sink on unchanged: the engine reads an {@link IllegalArgumentException} from a store
     * as a refused batch, which a sink's refusal is not.
     */
    static ImportReport importInto(EventSink sink, Import work) throws IOException {
        try {
            return work.into(new SinkStore(sink));
        } catch (SinkFailure failure) {
            throw failure.getCause();
        }
    }

    /** An import into a store. */
    @FunctionalInterface
    interface Import {
        ImportReport into(EventStore store) throws IOException;
    }

    @Override
    public AppendResult appendAll(Collection<? extends CustomerEvent> events) {
        for (CustomerEvent event : events) {
            try {
                sink.accept(event);
            } catch (RuntimeException refused) {
                throw new SinkFailure(refused);
            }
            taken++;
        }
        return new AppendResult(events.size(), 0);
    }

    @Override
    public Optional<CustomerEvent> get(EventId id) {
        return Optional.empty();
    }

    @Override
    public Stream<CustomerEvent> query(EventQuery query) {
        throw new UnsupportedOperationException("an import into a sink keeps no events to query");
    }

    @Override
    public long count() {
        return taken;
    }

    @Override
    public long erase(CustomerId customer) {
        throw new UnsupportedOperationException("an import into a sink keeps no events to erase");
    }

    /** Carries a sink's exception past the engine, which would take an IllegalArgumentException for a conflict. */
    private static final class SinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SinkFailure(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }
}
