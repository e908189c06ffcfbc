package dev.cxm.kafka;

import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.journey.track.CustomerJourney;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.journey.track.TrackingStore;

/**
 * cxm-journey's {@link TrackingStore} over a Kafka Streams key-value store: each customer's
 * {@link CustomerJourney} under the customer's id, written by {@link CxmSerdes#states(Class)} as the journey's
 * versioned JSON (format 1), so that a {@link StageTracker} inside a processor keeps its state in the task's
 * store and its changelog, and picks it up again after a restart or a rebalance. {@link JourneyStages} uses it;
 * a host's own processor can too:
 *
 * <pre>{@code
 * KeyValueStore<String, CustomerJourney> journeys = context.getStateStore("cxm-journeys");
 * StageTracker tracker = tracking.tracker(KeyValueTrackingStore.of(journeys));
 * }</pre>
 *
 * <p>It is used from the stream thread that owns the store, as Kafka Streams' stores are; it takes no lock of
 * its own. {@link #size()} counts the entries (a store's own count is an estimate).
 */
public final class KeyValueTrackingStore implements TrackingStore {

    private final KeyValueStore<String, CustomerJourney> store;

    private KeyValueTrackingStore(KeyValueStore<String, CustomerJourney> store) {
        this.store = store;
    }

    /**
     * Returns the tracking store over a key-value store of journeys keyed by customer id.
     *
     * @param store the key-value store
     * @return the tracking store
     */
    public static KeyValueTrackingStore of(KeyValueStore<String, CustomerJourney> store) {
        return new KeyValueTrackingStore(Checks.present("store", store));
    }

    @Override
    public Optional<CustomerJourney> get(CustomerId customer) {
        return Optional.ofNullable(store.get(Checks.present("customer", customer).value()));
    }

    @Override
    public void put(CustomerJourney journey) {
        Checks.present("journey", journey);
        store.put(journey.customer().value(), journey);
    }

    @Override
    public boolean remove(CustomerId customer) {
        return store.delete(Checks.present("customer", customer).value()) != null;
    }

    @Override
    public Stream<CustomerJourney> journeys() {
        KeyValueIterator<String, CustomerJourney> all = store.all();
        Spliterator<KeyValue<String, CustomerJourney>> entries = Spliterators.spliteratorUnknownSize(all,
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(entries, false).map(entry -> entry.value).onClose(all::close);
    }

    @Override
    public long size() {
        long count = 0;
        try (KeyValueIterator<String, CustomerJourney> all = store.all()) {
            while (all.hasNext()) {
                all.next();
                count++;
            }
        }
        return count;
    }
}
