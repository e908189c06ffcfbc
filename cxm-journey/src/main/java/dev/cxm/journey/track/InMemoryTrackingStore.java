package dev.cxm.journey.track;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * The default {@link TrackingStore}: the journeys in a concurrent hash map on the heap. A journey whose events
 * came in order costs its settled visits (about 40 bytes each) and its recent events (24 bytes each) plus
 * about 150 bytes.
 */
public final class InMemoryTrackingStore implements TrackingStore {

    private final ConcurrentHashMap<CustomerId, CustomerJourney> journeys = new ConcurrentHashMap<>();

    private InMemoryTrackingStore() {}

    /**
     * Returns a new, empty store.
     *
     * @return the store
     */
    public static InMemoryTrackingStore create() {
        return new InMemoryTrackingStore();
    }

    @Override
    public Optional<CustomerJourney> get(CustomerId customer) {
        return Optional.ofNullable(journeys.get(Checks.present("customer", customer)));
    }

    @Override
    public void put(CustomerJourney journey) {
        Checks.present("journey", journey);
        journeys.put(journey.customer(), journey);
    }

    @Override
    public boolean remove(CustomerId customer) {
        return journeys.remove(Checks.present("customer", customer)) != null;
    }

    @Override
    public Stream<CustomerJourney> journeys() {
        return journeys.values().stream();
    }

    @Override
    public long size() {
        return journeys.size();
    }
}
