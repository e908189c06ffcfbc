package dev.cxm.journey.track;

import java.util.Optional;
import java.util.stream.Stream;

import dev.cxm.core.model.CustomerId;

/**
 * Where a {@link StageTracker} keeps each customer's {@link CustomerJourney}: a small SPI, so that a host
 * can keep tracking state in its own database or cache and share it between restarts. The default is
 * {@link InMemoryTrackingStore}. An implementation must be thread-safe; the tracker calls it from one thread
 * at a time.
 */
public interface TrackingStore {

    /**
     * Returns the journey of a customer, if tracked.
     *
     * @param customer the customer
     * @return the journey, or empty
     */
    Optional<CustomerJourney> get(CustomerId customer);

    /**
     * Stores a journey, replacing the customer's previous one.
     *
     * @param journey the journey
     */
    void put(CustomerJourney journey);

    /**
     * Forgets a customer, for erasure under data-protection law.
     *
     * @param customer the customer
     * @return whether the customer was tracked
     */
    boolean remove(CustomerId customer);

    /**
     * Returns every stored journey, in no particular order. Close the stream when done.
     *
     * @return the journeys
     */
    Stream<CustomerJourney> journeys();

    /**
     * Returns how many customers are tracked.
     *
     * @return the count
     */
    long size();
}
