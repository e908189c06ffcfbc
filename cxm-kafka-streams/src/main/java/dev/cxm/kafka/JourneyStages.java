package dev.cxm.kafka;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.journey.track.CustomerJourney;
import dev.cxm.journey.track.StageChange;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.journey.track.StageTracking;
import dev.cxm.kafka.internal.StageTrackingProcessor;

/**
 * Customers followed through a journey map's stages in Kafka Streams: cxm-journey's {@link StageTracker}
 * runs inside a processor, its state (one {@link CustomerJourney} per customer) in a key-value store keyed by
 * customer through {@link KeyValueTrackingStore}, and every stage change it reports goes downstream; from
 * those, each customer's current stage and the number of customers in each stage.
 *
 * <pre>{@code
 * JourneyStages stages = JourneyStages.ofDefaults(StageTracking.custom(map).tolerance(Duration.ofMinutes(10)).build());
 * KStream<String, StageChange> changes = stages.changes(events);        // keyed by customer id
 * KTable<String, String> current = stages.currentStages(changes);       // customer id -> stage
 * KTable<String, Long> customersPerStage = stages.stageCounts(current); // stage -> customers
 * }</pre>
 *
 * <p>No tracking logic is written again: the tracker is the single-machine one, so each customer's journey,
 * the changes and the counts equal what a {@code StageTracking.tracker()} gives on the same events in the
 * same order (tested). In particular:
 * <ul>
 *   <li>The events are re-keyed by customer and sent through one repartition topic ({@code <storeName>-by-customer}),
 *       so that a customer's events meet in one task in the order they were produced; they need not be keyed
 *       by customer upstream.</li>
 *   <li>An event may arrive out of order by up to the tracking's tolerance before its customer's latest event:
 *       the history is rebuilt and the changes that result go downstream marked {@code retroactive}. An older
 *       event is late and ignored; an event seen before (same id, same instant) changes nothing. Stream time
 *       and grace periods play no part: lateness is per customer.</li>
 *   <li>A change goes downstream with the instant the customer entered the stage as its timestamp. The last
 *       change of a customer is always their current stage, which is what {@link #currentStages} keeps.</li>
 *   <li>Stalls ({@code StageTracker.checkStalls()}) are not checked in the stream.</li>
 *   <li>Erasure: {@link #changes(KStream, KStream)} also takes a stream of customer ids to forget; each is
 *       removed from the journeys' store (its changelog gets a tombstone) and from {@code <storeName>-current},
 *       and leaves the stage counts.</li>
 * </ul>
 *
 * <p>State: the journeys' store {@link #storeName()} (the journey's versioned JSON, format 1) and its
 * changelog, {@code <storeName>-current} (customer to stage) and {@code <storeName>-stage-counts} (stage to
 * customers), the latter two with a repartition topic {@code <storeName>-by-stage} between them. Keep the
 * name when the topology changes.
 *
 * <p>Immutable, with value {@code equals}; configured as every cxm calculator is: {@link #ofDefaults},
 * {@link #custom}, {@link #from}.
 */
public final class JourneyStages {

    /** The store name unless set. */
    public static final String DEFAULT_STORE_NAME = "cxm-journeys";

    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,200}");

    private final StageTracking tracking;
    private final String storeName;
    private final Optional<Materialized.StoreType> storeType;

    private JourneyStages(Builder builder) {
        this.tracking = builder.tracking;
        this.storeName = builder.storeName;
        this.storeType = builder.storeType;
    }

    /**
     * Returns the stages tracked under {@code tracking}, in the store {@value #DEFAULT_STORE_NAME}, with Kafka
     * Streams' default store type.
     *
     * @param tracking the journey map, the tolerance and the clock
     * @return the configuration
     */
    public static JourneyStages ofDefaults(StageTracking tracking) {
        return custom(tracking).build();
    }

    /**
     * Starts a configuration from the defaults of {@link #ofDefaults}.
     *
     * @param tracking the journey map, the tolerance and the clock
     * @return the builder
     */
    public static Builder custom(StageTracking tracking) {
        return new Builder(Checks.present("tracking", tracking));
    }

    /**
     * Starts a configuration preloaded with {@code base}'s settings.
     *
     * @param base the configuration to start from
     * @return the builder
     */
    public static Builder from(JourneyStages base) {
        Builder builder = custom(Checks.present("base", base).tracking);
        builder.storeName = base.storeName;
        builder.storeType = base.storeType;
        return builder;
    }

    /**
     * Returns how customers are tracked.
     *
     * @return the tracking
     */
    public StageTracking tracking() {
        return tracking;
    }

    /**
     * Returns the name of the journeys' store, which also names the other stores and topics.
     *
     * @return the name
     */
    public String storeName() {
        return storeName;
    }

    /**
     * Returns the type of the stores, when set; empty for Kafka Streams' default (RocksDB for the journeys).
     *
     * @return the store type, or empty
     */
    public Optional<Materialized.StoreType> storeType() {
        return storeType;
    }

    /**
     * Adds the tracking of {@code events} to their topology and returns every stage change it reports, keyed by
     * customer id.
     *
     * @param events the events, any key; a record with a null value (a tombstone) is skipped
     * @param <K> the events' key type (it is not used)
     * @return the stage changes
     */
    public <K> KStream<String, StageChange> changes(KStream<K, ? extends CustomerEvent> events) {
        Checks.present("events", events);
        return track(customerKeyed(events));
    }

    /**
     * Adds the tracking of {@code events} and the erasure of customers to their topology: as
     * {@link #changes(KStream)}, and each key of {@code erasures} is a customer id whose journey is removed from
     * the journeys' store (and so from its changelog), for whom a tombstone (the customer id with a null value)
     * goes downstream, so that {@link #currentStages} deletes the customer and {@link #stageCounts} counts one
     * fewer. An erasure travels through the same repartition topic as the customer's events, so it follows the
     * events produced before it; an event of the customer produced after it starts a new journey, so the host
     * stops sending them first. A key that is no valid customer id, or a customer not tracked, changes no state.
     *
     * @param events the events, any key; a record with a null value (a tombstone) is skipped
     * @param erasures the customers to forget, keyed by customer id; the values are not read (null included)
     * @param <K> the events' key type (it is not used)
     * @return the stage changes, and a null value keyed by customer id for every erasure of a valid id
     */
    public <K> KStream<String, StageChange> changes(KStream<K, ? extends CustomerEvent> events,
            KStream<String, ?> erasures) {
        Checks.present("events", events);
        Checks.present("erasures", erasures);
        KStream<String, CustomerEvent> forgotten = erasures
                .filter((customer, ignored) -> customer != null, Named.as(storeName + "-erasure-keys"))
                .map((customer, ignored) -> KeyValue.pair(customer, (CustomerEvent) null),
                        Named.as(storeName + "-erasures"));
        return track(customerKeyed(events).merge(forgotten, Named.as(storeName + "-events-and-erasures")));
    }

    private <K> KStream<String, CustomerEvent> customerKeyed(KStream<K, ? extends CustomerEvent> events) {
        return events
                // A tombstone (null value) carries no event; without this the re-keying would fail on it.
                .filter((ignored, event) -> event != null, Named.as(storeName + "-present-events"))
                .map((ignored, event) -> KeyValue.pair(event.customerId().value(), (CustomerEvent) event),
                        Named.as(storeName + "-customer"));
    }

    /** Tracks events keyed by customer id; a null value is an erasure of the key's customer. */
    private KStream<String, StageChange> track(KStream<String, CustomerEvent> byCustomer) {
        String name = storeName;
        StageTracking tracked = tracking;
        KeyValueBytesStoreSupplier supplier = storeType.orElse(Materialized.StoreType.ROCKS_DB)
                == Materialized.StoreType.IN_MEMORY ? Stores.inMemoryKeyValueStore(name)
                : Stores.persistentKeyValueStore(name);
        StoreBuilder<KeyValueStore<String, CustomerJourney>> store = Stores.keyValueStoreBuilder(supplier,
                Serdes.String(), CxmSerdes.states(CustomerJourney.class));
        ProcessorSupplier<String, CustomerEvent, String, StageChange> processor = new ProcessorSupplier<>() {
            @Override
            public Processor<String, CustomerEvent, String, StageChange> get() {
                return new StageTrackingProcessor(tracked, name);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store);
            }
        };
        return byCustomer
                .repartition(Repartitioned.<String, CustomerEvent>as(name + "-by-customer")
                        .withKeySerde(Serdes.String()).withValueSerde(CxmSerdes.events()))
                .process(processor, Named.as(name + "-track"));
    }

    /**
     * Adds each customer's current stage, the {@code to} of their latest change, as a table; a tombstone (a
     * forgotten customer) deletes the customer.
     *
     * @param changes the changes of {@link #changes}
     * @return customer id to stage name, in the store {@code <storeName>-current}
     */
    public KTable<String, String> currentStages(KStream<String, StageChange> changes) {
        Checks.present("changes", changes);
        // A null change is a forgotten customer's tombstone: it stays null, so that the table deletes the customer.
        return changes.mapValues(change -> change == null ? null : change.to(), Named.as(storeName + "-to"))
                .toTable(Named.as(storeName + "-current-table"), materialized(storeName + "-current",
                        Serdes.String()));
    }

    /**
     * Adds the number of customers currently in each stage, as a table; a stage everyone has left counts 0.
     *
     * @param currentStages the table of {@link #currentStages}
     * @return stage name to customers, in the store {@code <storeName>-stage-counts}
     */
    public KTable<String, Long> stageCounts(KTable<String, String> currentStages) {
        Checks.present("currentStages", currentStages);
        return currentStages
                .groupBy((customer, stage) -> KeyValue.pair(stage, customer),
                        Grouped.with(storeName + "-by-stage", Serdes.String(), Serdes.String()))
                .count(Named.as(storeName + "-count"), materialized(storeName + "-stage-counts", Serdes.Long()));
    }

    private <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> materialized(String name,
            org.apache.kafka.common.serialization.Serde<V> values) {
        Materialized<String, V, KeyValueStore<Bytes, byte[]>> materialized =
                Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(name).withKeySerde(Serdes.String())
                        .withValueSerde(values);
        return storeType.map(materialized::withStoreType).orElse(materialized);
    }

    /** Compares the tracking, the store name and the store type. */
    @Override
    public boolean equals(Object other) {
        return other instanceof JourneyStages that && tracking.equals(that.tracking)
                && storeName.equals(that.storeName) && storeType.equals(that.storeType);
    }

    /** Hashes the configuration, consistently with {@link #equals}. */
    @Override
    public int hashCode() {
        return Objects.hash(tracking, storeName, storeType);
    }

    /** Returns the configuration, such as {@code JourneyStages[store cxm-journeys, StageTracking[...]]}. */
    @Override
    public String toString() {
        return "JourneyStages[store " + storeName + storeType.map(type -> " (" + type + ")").orElse("") + ", "
                + tracking + "]";
    }

    /** Configures {@link JourneyStages}; each setter refuses a bad value at once and leaves the builder as it was. */
    public static final class Builder {
        private final StageTracking tracking;
        private String storeName = DEFAULT_STORE_NAME;
        private Optional<Materialized.StoreType> storeType = Optional.empty();

        private Builder(StageTracking tracking) {
            this.tracking = tracking;
        }

        /**
         * Names the journeys' store, and so the other stores and the topics.
         *
         * @param name 1 to 200 characters out of {@code a-z A-Z 0-9 . _ -}
         * @return this builder
         * @throws IllegalArgumentException when the name has another character or length
         */
        public Builder storeName(String name) {
            Checks.present("storeName", name);
            if (!TOPIC_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("storeName: a name of " + name.length() + " characters that is"
                        + " not 1 to 200 of a-z A-Z 0-9 . _ -, as Kafka names topics");
            }
            this.storeName = name;
            return this;
        }

        /**
         * Keeps every store of the tracking in this type: {@code IN_MEMORY} (restored from the changelog at a
         * start) or {@code ROCKS_DB}; unset, the journeys are in RocksDB and the tables in Kafka Streams'
         * configured default.
         *
         * @param type the store type
         * @return this builder
         */
        public Builder storeType(Materialized.StoreType type) {
            this.storeType = Optional.of(Checks.present("storeType", type));
            return this;
        }

        /**
         * Returns the configured stages.
         *
         * @return the configuration
         */
        public JourneyStages build() {
            return new JourneyStages(this);
        }
    }
}
