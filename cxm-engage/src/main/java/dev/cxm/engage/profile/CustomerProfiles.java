package dev.cxm.engage.profile;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.privacy.ErasureParticipant;
import dev.cxm.core.store.AppendResult;
import dev.cxm.core.store.CustomerQuery;
import dev.cxm.core.store.CustomerStore;
import dev.cxm.core.store.EventStore;
import dev.cxm.journey.track.JourneyListener;
import dev.cxm.journey.track.StageChange;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.journey.track.StageTracking;
import dev.cxm.journey.track.StageVisit;

/**
 * Keeps every customer's {@link CustomerProfile} live, in memory: each event updates its customer's profile in
 * constant time (through the {@link ProfileBuilder}), and, when the builder has a journey map, a
 * {@link StageTracker} moves the profile's journey stage. Listeners hear every change.
 *
 * <pre>{@code
 * CustomerProfiles profiles = CustomerProfiles.custom(builder).clock(clock).build();
 * profiles.addListener((before, after) -> segments.update(after));
 * profiles.append(eventStore, event);            // stored once, counted once
 * CustomerProfile ann = profiles.get(CustomerId.of("ann")).orElseThrow();
 * }</pre>
 *
 * <p>Feed each event once: {@link #append} appends to a store and counts the event only when the store kept
 * it (a duplicate changes nothing); {@link #record} counts what it is given, and {@link #recordAll} a batch,
 * quicker. Each customer's profile is kept as mutable state updated in place, and the immutable
 * {@link CustomerProfile} is made when asked for ({@link #get}, {@link #all}, for the listeners and as
 * {@link #record}'s answer), so that counting events leaves no garbage that outlives them. Thread-safe (one
 * lock).
 *
 * <p>As an {@link ErasureParticipant} it forgets a customer's profile and tracked journey; give it to the
 * {@code CustomerErasure} of the stores it is fed from.
 */
public final class CustomerProfiles implements ErasureParticipant {

    private final ProfileBuilder builder;
    private final Clock clock;
    private final Map<CustomerId, ProfileCell> cells = new HashMap<>();
    private final List<ProfileListener> listeners = new CopyOnWriteArrayList<>();
    private final Optional<StageTracker> tracker;
    /** What reading ahead loaded, kept so that the loads are not optimised away. */
    private long readAheadSink;

    /** How many events {@link #recordAll} reads ahead at once. */
    private static final int READ_AHEAD = 64;

    private CustomerProfiles(Builder configuration) {
        this.builder = configuration.builder;
        this.clock = configuration.clock;
        this.tracker = builder.journey().map(map -> StageTracking.custom(map).tolerance(configuration.tolerance)
                .clock(clock).build().tracker().addListener(new JourneyListener() {
                    @Override
                    public void stageChanged(StageChange change) {
                        // Called inside record(), under this object's lock; the last change heard is the current
                        // visit, retroactive changes included.
                        ProfileCell cell = cells.get(change.customer());
                        if (cell != null) {
                            cell.journeyStage(Optional.of(new StageVisit(change.to(), change.at())));
                        }
                    }
                }));
    }

    /**
     * Returns live profiles built by {@code builder}, with the system clock and the tracker's default tolerance.
     *
     * @param builder how profiles are built
     * @return the profiles, none yet
     */
    public static CustomerProfiles create(ProfileBuilder builder) {
        return custom(builder).build();
    }

    /**
     * Starts a configuration of live profiles.
     *
     * @param builder how profiles are built
     * @return the configuration builder
     */
    public static Builder custom(ProfileBuilder builder) {
        return new Builder(Checks.present("builder", builder));
    }

    /**
     * Returns live profiles loaded from the stores: every customer record, then every event in time order.
     *
     * @param builder how profiles are built
     * @param customers the customer records
     * @param events the events
     * @return the profiles
     */
    public static CustomerProfiles load(ProfileBuilder builder, CustomerStore customers, EventStore events) {
        CustomerProfiles profiles = create(builder);
        Checks.present("customers", customers).find(CustomerQuery.all()).forEach(profiles::put);
        try (Stream<CustomerEvent> all = Checks.present("events", events).scan()) {
            profiles.recordAll(all::iterator);
        }
        return profiles;
    }

    /**
     * Returns the builder the profiles are built with.
     *
     * @return the builder
     */
    public ProfileBuilder builder() {
        return builder;
    }

    /**
     * Adds a listener, which hears every later change.
     *
     * @param listener the listener
     * @return these profiles
     */
    public CustomerProfiles addListener(ProfileListener listener) {
        listeners.add(Checks.present("listener", listener));
        return this;
    }

    /**
     * Counts one event in its customer's profile (and tracks its journey stage).
     *
     * @param event the event, counted as given: feed each event once
     * @return the customer's updated profile
     */
    public CustomerProfile record(CustomerEvent event) {
        Checks.present("event", event);
        CustomerProfile before;
        CustomerProfile after;
        synchronized (this) {
            ProfileCell cell = cellOf(event.customerId());
            before = listeners.isEmpty() ? null : cell.snapshot();
            count(cell, event);
            after = cell.snapshot();
        }
        if (before != null) {
            notifyListeners(before, after);
        }
        return after;
    }

    /**
     * Counts events in their customers' profiles, in the given order: as {@link #record} one by one, but without
     * making an immutable profile per event unless a listener is to hear it, and reading each batch of 64
     * events' profiles ahead, so that the processor waits for many customers' memory at once. The way to count
     * many events: about 2 million a second on one core without listeners (see docs/PERFORMANCE.md).
     *
     * @param events the events, each counted as given: feed each event once
     * @return how many events were counted
     */
    public long recordAll(Iterable<? extends CustomerEvent> events) {
        Checks.present("events", events);
        CustomerEvent[] batch = new CustomerEvent[READ_AHEAD];
        long counted = 0;
        int size = 0;
        for (CustomerEvent event : events) {
            batch[size++] = Checks.present("event", event);
            if (size == READ_AHEAD) {
                counted += recordBatch(batch, size);
                size = 0;
            }
        }
        return counted + recordBatch(batch, size);
    }

    private long recordBatch(CustomerEvent[] batch, int size) {
        if (!listeners.isEmpty()) {
            for (int i = 0; i < size; i++) {
                record(batch[i]);
                batch[i] = null;
            }
            return size;
        }
        synchronized (this) {
            ProfileCell[] found = new ProfileCell[size];
            long sink = 0;
            // In stages, each over the whole batch, so that the memory each stage waits for is fetched for many
            // events at once: the customer ids and their hashes, then the map's entries and the cells, then
            // what counting reads of each cell.
            for (int i = 0; i < size; i++) {
                sink += batch[i].customerId().hashCode();
            }
            for (int i = 0; i < size; i++) {
                found[i] = cellOf(batch[i].customerId());
            }
            for (int i = 0; i < size; i++) {
                sink += found[i].readAhead(batch[i]);
            }
            readAheadSink += sink;
            for (int i = 0; i < size; i++) {
                count(found[i], batch[i]);
                batch[i] = null;
            }
        }
        return size;
    }

    private ProfileCell cellOf(CustomerId customer) {
        ProfileCell cell = cells.get(customer);
        if (cell == null) {
            cell = new ProfileCell(customer);
            cells.put(customer, cell);
        }
        return cell;
    }

    private void count(ProfileCell cell, CustomerEvent event) {
        cell.add(event, builder.sentiment());
        tracker.ifPresent(stages -> stages.track(event));
    }

    /**
     * Appends {@code event} to {@code store} and counts it only when the store kept it as new.
     *
     * @param store the event store
     * @param event the event
     * @return the customer's updated profile, or empty when the event was a duplicate
     * @throws IllegalArgumentException when the store holds another event under the event's id; nothing is
     *     counted then
     */
    public Optional<CustomerProfile> append(EventStore store, CustomerEvent event) {
        AppendResult result = Checks.present("store", store).append(Checks.present("event", event));
        return result.appended() == 1 ? Optional.of(record(event)) : Optional.empty();
    }

    /**
     * Puts a customer's (new) record into their profile.
     *
     * @param customer the record
     * @return the customer's updated profile
     */
    public CustomerProfile put(Customer customer) {
        Checks.present("customer", customer);
        CustomerProfile before;
        CustomerProfile after;
        synchronized (this) {
            ProfileCell cell = cellOf(customer.id());
            before = listeners.isEmpty() ? null : cell.snapshot();
            cell.put(customer);
            after = cell.snapshot();
        }
        if (before != null) {
            notifyListeners(before, after);
        }
        return after;
    }

    /**
     * Returns a customer's profile, without a CLV estimate.
     *
     * @param customer the customer
     * @return the profile, or empty when nothing is known of the customer
     */
    public synchronized Optional<CustomerProfile> get(CustomerId customer) {
        ProfileCell cell = cells.get(Checks.present("customer", customer));
        return cell == null ? Optional.empty() : Optional.of(cell.snapshot());
    }

    /**
     * Returns a customer's profile valued now (by the configured clock) with the builder's CLV models.
     *
     * @param customer the customer
     * @return the valued profile, or empty when nothing is known of the customer
     */
    public Optional<CustomerProfile> valued(CustomerId customer) {
        return get(customer).map(profile -> builder.valued(profile, clock.instant()));
    }

    /**
     * Returns every profile, in no particular order.
     *
     * @return a snapshot of the profiles
     */
    public synchronized List<CustomerProfile> all() {
        List<CustomerProfile> all = new ArrayList<>(cells.size());
        cells.values().forEach(cell -> all.add(cell.snapshot()));
        return all;
    }

    /**
     * Returns how many customers have a profile.
     *
     * @return the number of profiles
     */
    public synchronized int size() {
        return cells.size();
    }

    /**
     * Forgets a customer, for erasure (add these profiles to a {@code CustomerErasure} as a participant): their
     * profile and, with a journey map, their tracked journey. Listeners are not told: erase the views that
     * listen (such as a {@code SegmentMembership}) as participants too.
     *
     * @param customer the customer
     * @return the records removed: 1 for the profile, plus 1 for the tracked journey; 0 when nothing was kept
     */
    @Override
    public synchronized long forget(CustomerId customer) {
        Checks.present("customer", customer);
        long journeys = tracker.map(stages -> stages.forget(customer)).orElse(0L);
        return (cells.remove(customer) != null ? 1 : 0) + journeys;
    }

    private void notifyListeners(CustomerProfile before, CustomerProfile after) {
        for (ProfileListener listener : listeners) {
            listener.profileChanged(before, after);
        }
    }

    /** Builds {@link CustomerProfiles}. */
    public static final class Builder {
        private final ProfileBuilder builder;
        private Clock clock = Clock.systemUTC();
        private Duration tolerance = StageTracking.DEFAULT_TOLERANCE;

        private Builder(ProfileBuilder builder) {
            this.builder = builder;
        }

        /**
         * Sets the clock that values profiles and checks journey stalls; the system clock in UTC unless set.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Checks.present("clock", value);
            return this;
        }

        /**
         * Sets how far out of order an event may arrive and still move the journey stage (the stage tracker's
         * tolerance); {@link StageTracking#DEFAULT_TOLERANCE} unless set.
         *
         * @param value zero or more
         * @return this builder
         * @throws IllegalArgumentException when {@code value} is negative
         */
        public Builder tolerance(Duration value) {
            Checks.present("tolerance", value);
            if (value.isNegative()) {
                throw new IllegalArgumentException("tolerance: " + value + " is negative; it must be zero or more");
            }
            this.tolerance = value;
            return this;
        }

        /**
         * Accepts events in any order for the journey stage (a tolerance without end; the tracker then keeps
         * every placed event).
         *
         * @return this builder
         */
        public Builder anyOrder() {
            this.tolerance = ChronoUnit.FOREVER.getDuration();
            return this;
        }

        /**
         * Returns the live profiles, none yet.
         *
         * @return the profiles
         */
        public CustomerProfiles build() {
            return new CustomerProfiles(this);
        }
    }
}
