package dev.cxm.kafka;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.WindowedSerdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

import com.fasterxml.jackson.databind.type.TypeFactory;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.io.CxmJson;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.journey.funnel.Funnel;
import dev.cxm.kafka.internal.EventBuffer;
import dev.cxm.kafka.internal.JsonSerde;

/**
 * A funnel's step counts per time window, as a Kafka Streams aggregation: the single-machine {@link Funnel}
 * reads each customer's events of a window as a timeline, and the windows' {@link FunnelStepCounts} add up
 * over customers, so that every window's counts equal what {@code funnel.computeEvents(...)} counts on the
 * events in that window (tested).
 *
 * <pre>{@code
 * FunnelAggregation checkout = FunnelAggregation.custom(funnel,
 *         TimeWindows.ofSizeAndGrace(Duration.ofDays(1), Duration.ofHours(1))).storeName("cxm-checkout").build();
 * KStream<String, WindowedResult<FunnelStepCounts>> perDay = checkout.windowedResults(events);
 * }</pre>
 *
 * <p>How it counts:
 * <ul>
 *   <li>Each customer's events are collected per window (re-keyed by customer through the repartition topic
 *       {@code <storeName>-by-customer}, into the window store {@code <storeName>-events}); when stream time
 *       passes the window's end plus its grace, the funnel counts the customer's timeline in the window once,
 *       and the counts go (through {@code <storeName>-by-window}) into the window's sum, the store
 *       {@link #storeName()}. A window's counts grow as its customers' windows close and are complete when all
 *       have closed; the funnel's own window (the longest time from first to last step) applies inside the
 *       time window, so a path that crosses a window's edge is cut there.</li>
 *   <li>A late event counts while its window is open, until stream time passes the window's end plus the
 *       grace; later ones are dropped by Kafka Streams (its {@code dropped-records} metric counts them).</li>
 *   <li>A duplicate (the same event id at the same instant in a customer's window) counts once, as the funnel
 *       counts it.</li>
 *   <li>The window store holds the events of each customer's open windows (not counts): size it for the events
 *       a customer has in a window plus the grace. The sums hold counts only: the times to convert and the
 *       drop-off samples of the single-machine {@code FunnelResult} are not kept.</li>
 *   <li>Privacy: the window store and its changelog hold whole events, comments and attributes included,
 *       until the window's end plus the grace; there is no erasure input, so an erasure is complete only after
 *       that, or the host keeps personal data out of the events. A record with a null value is skipped.</li>
 * </ul>
 *
 * <p>Immutable, with value {@code equals}; configured as every cxm calculator is: {@link #ofDefaults},
 * {@link #custom}, {@link #from}.
 */
public final class FunnelAggregation {

    /** The store name unless set. */
    public static final String DEFAULT_STORE_NAME = "cxm-funnel";

    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,200}");
    private static final Serde<EventBuffer> BUFFERS = new JsonSerde<>("a funnel's buffered events", CxmJson.mapper(),
            TypeFactory.defaultInstance().constructType(EventBuffer.class));

    private final Funnel funnel;
    private final TimeWindows windows;
    private final String storeName;
    private final Optional<Materialized.StoreType> storeType;

    private FunnelAggregation(Builder builder) {
        this.funnel = builder.funnel;
        this.windows = builder.windows;
        this.storeName = builder.storeName;
        this.storeType = builder.storeType;
    }

    /**
     * Returns the aggregation of {@code funnel} over {@code windows}, in the store {@value #DEFAULT_STORE_NAME},
     * with Kafka Streams' default store type.
     *
     * @param funnel the funnel
     * @param windows tumbling or hopping windows with a grace period
     * @return the aggregation
     */
    public static FunnelAggregation ofDefaults(Funnel funnel, TimeWindows windows) {
        return custom(funnel, windows).build();
    }

    /**
     * Starts a configuration from the defaults of {@link #ofDefaults}.
     *
     * @param funnel the funnel
     * @param windows the time windows
     * @return the builder
     */
    public static Builder custom(Funnel funnel, TimeWindows windows) {
        return new Builder(Checks.present("funnel", funnel), Checks.present("windows", windows));
    }

    /**
     * Starts a configuration preloaded with {@code base}'s settings.
     *
     * @param base the aggregation to start from
     * @return the builder
     */
    public static Builder from(FunnelAggregation base) {
        Builder builder = custom(Checks.present("base", base).funnel, base.windows);
        builder.storeName = base.storeName;
        builder.storeType = base.storeType;
        return builder;
    }

    /**
     * Returns the funnel counted.
     *
     * @return the funnel
     */
    public Funnel funnel() {
        return funnel;
    }

    /**
     * Returns the time windows.
     *
     * @return the windows
     */
    public TimeWindows windows() {
        return windows;
    }

    /**
     * Returns the name of the store of the windows' counts, which also names the other store and the topics.
     *
     * @return the name
     */
    public String storeName() {
        return storeName;
    }

    /**
     * Returns the type of the stores, when set; empty for Kafka Streams' configured default.
     *
     * @return the store type, or empty
     */
    public Optional<Materialized.StoreType> storeType() {
        return storeType;
    }

    /**
     * Adds the aggregation of {@code events} to their topology and returns the table of each window's counts,
     * keyed by {@value FeedbackAggregation#ALL} and the window.
     *
     * @param events the events, with their time as the record timestamp ({@link EventTimestampExtractor})
     * @param <K> the events' key type (it is not used)
     * @return the counts per window
     */
    public <K> KTable<Windowed<String>, FunnelStepCounts> aggregate(KStream<K, ? extends CustomerEvent> events) {
        Checks.present("events", events);
        Funnel counted = funnel;
        String name = storeName;
        Serde<Windowed<String>> windowKeys = new WindowedSerdes.TimeWindowedSerde<>(Serdes.String(), windows.size());
        Serde<FunnelStepCounts> counts = CxmSerdes.states(FunnelStepCounts.class);
        Materialized<String, EventBuffer, WindowStore<Bytes, byte[]>> buffers =
                Materialized.<String, EventBuffer, WindowStore<Bytes, byte[]>>as(name + "-events")
                        .withKeySerde(Serdes.String()).withValueSerde(BUFFERS);
        Materialized<Windowed<String>, FunnelStepCounts, KeyValueStore<Bytes, byte[]>> sums =
                Materialized.<Windowed<String>, FunnelStepCounts, KeyValueStore<Bytes, byte[]>>as(name)
                        .withKeySerde(windowKeys).withValueSerde(counts);
        if (storeType.isPresent()) {
            buffers = buffers.withStoreType(storeType.get());
            sums = sums.withStoreType(storeType.get());
        }
        return events
                // A tombstone (null value) carries no event; without this the re-keying would fail on it.
                .filter((ignored, event) -> event != null, Named.as(name + "-present-events"))
                .map((ignored, event) -> KeyValue.pair(event.customerId().value(), (CustomerEvent) event),
                        Named.as(name + "-customer"))
                .groupByKey(Grouped.with(name + "-by-customer", Serdes.String(), CxmSerdes.events()))
                .windowedBy(windows)
                .emitStrategy(EmitStrategy.onWindowClose())
                .aggregate(EventBuffer::empty, (customer, event, buffer) -> buffer.plus(event),
                        Named.as(name + "-collect"), buffers)
                .toStream(Named.as(name + "-closed"))
                .filter((window, buffer) -> buffer != null && !buffer.events().isEmpty(), Named.as(name + "-present"))
                .map((window, buffer) -> KeyValue.pair(new Windowed<>(FeedbackAggregation.ALL, window.window()),
                                FunnelStepCounts.of(counted.accumulator()
                                        .add(buffer.timeline(CustomerId.of(window.key()))).state())),
                        Named.as(name + "-count"))
                .groupByKey(Grouped.with(name + "-by-window", windowKeys, counts))
                .reduce(FunnelStepCounts::plus, Named.as(name + "-sum"), sums);
    }

    /**
     * Adds the aggregation of {@code events} to their topology and returns each window's counts as they grow,
     * as a {@link WindowedResult} keyed by {@value FeedbackAggregation#ALL}, ready for
     * {@link CxmSerdes#windowedResults}.
     *
     * @param events the events, with their time as the record timestamp
     * @param <K> the events' key type
     * @return the counts per window
     */
    public <K> KStream<String, WindowedResult<FunnelStepCounts>> windowedResults(
            KStream<K, ? extends CustomerEvent> events) {
        return aggregate(events).toStream(Named.as(storeName + "-sums"))
                .filter((window, counts) -> counts != null, Named.as(storeName + "-sum-present"))
                .map((window, counts) -> KeyValue.pair(window.key(), new WindowedResult<>(window.key(),
                        Instant.ofEpochMilli(window.window().start()), Instant.ofEpochMilli(window.window().end()),
                        counts)), Named.as(storeName + "-windowed"));
    }

    /** Compares the funnel, the windows, the store name and the store type. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FunnelAggregation that && funnel.equals(that.funnel) && windows.equals(that.windows)
                && storeName.equals(that.storeName) && storeType.equals(that.storeType);
    }

    /** Hashes the configuration, consistently with {@link #equals}. */
    @Override
    public int hashCode() {
        return Objects.hash(funnel, windows, storeName, storeType);
    }

    /** Returns the configuration, such as {@code FunnelAggregation[store cxm-funnel, TimeWindows..., Funnel...]}. */
    @Override
    public String toString() {
        return "FunnelAggregation[store " + storeName + storeType.map(type -> " (" + type + ")").orElse("") + ", "
                + windows + ", " + funnel + "]";
    }

    /** Configures a {@link FunnelAggregation}; each setter refuses a bad value at once. */
    public static final class Builder {
        private final Funnel funnel;
        private final TimeWindows windows;
        private String storeName = DEFAULT_STORE_NAME;
        private Optional<Materialized.StoreType> storeType = Optional.empty();

        private Builder(Funnel funnel, TimeWindows windows) {
            this.funnel = funnel;
            this.windows = windows;
        }

        /**
         * Names the store of the windows' counts, and so the other store and the topics.
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
         * Keeps both stores in this type: {@code IN_MEMORY} (restored from the changelog at a start) or
         * {@code ROCKS_DB}; unset, Kafka Streams' configured default.
         *
         * @param type the store type
         * @return this builder
         */
        public Builder storeType(Materialized.StoreType type) {
            this.storeType = Optional.of(Checks.present("storeType", type));
            return this;
        }

        /**
         * Returns the configured aggregation.
         *
         * @return the aggregation
         */
        public FunnelAggregation build() {
            return new FunnelAggregation(this);
        }
    }
}
