package dev.cxm.kafka;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

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
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.WindowStore;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.kafka.internal.ResponseCombiner;
import dev.cxm.metrics.feedback.FeedbackMetric;
import dev.cxm.metrics.feedback.FeedbackResult;
import dev.cxm.metrics.feedback.ScoreDistribution;

/**
 * A feedback metric (NPS, CSAT, CES or a custom rating score) per group key over tumbling or hopping time
 * windows, as a Kafka Streams aggregation: the single-machine {@link FeedbackMetric}'s accumulator counts
 * each window's responses, and its {@link ScoreDistribution} (a count per scale point) is the stored state.
 * So every window's result is exactly what {@code metric.collector()} gives on the same responses, and the
 * changelog holds counts, never events.
 *
 * <pre>{@code
 * FeedbackAggregation<NpsResult> npsByChannel = FeedbackAggregation.custom(NetPromoterScore.ofDefaults(),
 *                 TimeWindows.ofSizeAndGrace(Duration.ofHours(1), Duration.ofMinutes(10)))
 *         .groupBy(GroupKeys.channel()).emitOnWindowClose().build();
 * KStream<Windowed<String>, NpsResult> results = npsByChannel.results(events);
 * }</pre>
 *
 * <p>What it counts and when:
 * <ul>
 *   <li>Only feedback responses on the metric's scale; other events and other scales pass by uncounted.</li>
 *   <li>A response falls in every window that holds the record's timestamp: with
 *       {@link EventTimestampExtractor} on the source, the time the customer answered.</li>
 *   <li>A late response (older than the stream time of its task) is still counted while its window is open,
 *       that is until stream time passes the window's end plus the grace period; after that Kafka Streams
 *       drops it and counts it in its {@code dropped-records} metric.</li>
 *   <li>A duplicate record (the same event delivered twice, as at-least-once delivery can) is counted each
 *       time it arrives, as {@code metric.collector()} counts a list that holds it twice: the state is counts,
 *       not event ids. Run with {@code processing.guarantee=exactly_once_v2} so that retries add nothing, and
 *       deduplicate upstream where the producer itself may send an event twice.</li>
 *   <li>Responses are counted with weight 1; survey weights are not carried through the stream.</li>
 * </ul>
 *
 * <p>The responses are re-keyed by their group (the value of the group key, {@value
 * dev.cxm.core.group.GroupKeys#NO_VALUE} without one, {@value #ALL} without a key) and sent through one
 * repartition topic named after {@link #storeName()} as their score alone; the state store, a window store
 * of {@link CxmSerdes#scoreDistributions()} named {@link #storeName()}, can be queried interactively.
 * Keep the store name when the topology changes, or the state starts again.
 *
 * <p>Immutable, with value {@code equals}. Configured as every cxm calculator is: {@link #ofDefaults},
 * {@link #custom}, {@link #from}.
 *
 * @param <R> the metric's result type
 */
public final class FeedbackAggregation<R extends FeedbackResult> {

    /** The group of every response when the aggregation has no group key. */
    public static final String ALL = "(all)";

    /** What Kafka accepts in the name of a store and of the topics named after it. */
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,200}");
    private static final Pattern NOT_TOPIC_CHARACTER = Pattern.compile("[^a-zA-Z0-9._-]");

    private final FeedbackMetric<R> metric;
    private final TimeWindows windows;
    private final Optional<GroupKey> groupBy;
    private final Optional<String> storeName;
    private final EmitStrategy.StrategyType emit;
    private final Optional<Materialized.StoreType> storeType;

    private FeedbackAggregation(Builder<R> builder) {
        this.metric = builder.metric;
        this.windows = builder.windows;
        this.groupBy = builder.groupBy;
        this.storeName = builder.storeName;
        this.emit = builder.emit;
        this.storeType = builder.storeType;
    }

    /**
     * Returns the aggregation of {@code metric} over {@code windows} with the defaults: no group key (every
     * response in the group {@value #ALL}), the store name derived from the scale, and a result emitted on
     * every update of a window.
     *
     * @param metric the metric counted
     * @param windows tumbling ({@code TimeWindows.ofSizeAndGrace}) or hopping ({@code .advanceBy}) windows
     * @param <R> the metric's result type
     * @return the aggregation
     */
    public static <R extends FeedbackResult> FeedbackAggregation<R> ofDefaults(FeedbackMetric<R> metric,
            TimeWindows windows) {
        return custom(metric, windows).build();
    }

    /**
     * Starts a configuration of the aggregation of {@code metric} over {@code windows} from the defaults of
     * {@link #ofDefaults}.
     *
     * @param metric the metric counted
     * @param windows the time windows
     * @param <R> the metric's result type
     * @return the builder
     */
    public static <R extends FeedbackResult> Builder<R> custom(FeedbackMetric<R> metric, TimeWindows windows) {
        return new Builder<>(Checks.present("metric", metric), Checks.present("windows", windows));
    }

    /**
     * Starts a configuration preloaded with {@code base}'s settings.
     *
     * @param base the aggregation to start from
     * @param <R> the metric's result type
     * @return the builder
     */
    public static <R extends FeedbackResult> Builder<R> from(FeedbackAggregation<R> base) {
        Builder<R> builder = custom(Checks.present("base", base).metric, base.windows);
        builder.groupBy = base.groupBy;
        builder.storeName = base.storeName;
        builder.emit = base.emit;
        builder.storeType = base.storeType;
        return builder;
    }

    /**
     * Returns the metric counted.
     *
     * @return the metric
     */
    public FeedbackMetric<R> metric() {
        return metric;
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
     * Returns the key responses are grouped by; empty when every response is in the group {@value #ALL}.
     *
     * @return the key, or empty
     */
    public Optional<GroupKey> groupBy() {
        return groupBy;
    }

    /**
     * Returns when a window's result is emitted: on every update, or once when the window closes.
     *
     * @return the emit strategy's type
     */
    public EmitStrategy.StrategyType emit() {
        return emit;
    }

    /**
     * Returns the type of the window store, when set; empty for Kafka Streams' configured default
     * ({@code dsl.store.suppliers.class}, RocksDB unless changed).
     *
     * @return the store type, or empty
     */
    public Optional<Materialized.StoreType> storeType() {
        return storeType;
    }

    /**
     * Returns the name of the window store (and the prefix of its changelog and repartition topics): the one
     * set, else {@code cxm-<scale>-by-<key>} with characters Kafka does not allow in a topic name as {@code _}
     * ({@code cxm-nps-by-channel}, {@code cxm-csat-by-attribute_plan}, {@code cxm-nps-all}).
     *
     * @return the store name
     */
    public String storeName() {
        return storeName.orElseGet(() -> NOT_TOPIC_CHARACTER.matcher("cxm-" + metric.scale().name()
                + groupBy.map(key -> "-by-" + key.name()).orElse("-all")).replaceAll("_"));
    }

    /**
     * Adds the aggregation of {@code events} to their topology and returns the table of each group's state per
     * window. Only the {@link FeedbackResponse}s on the metric's scale are counted.
     *
     * @param events the events, with their time as the record timestamp ({@link EventTimestampExtractor})
     * @param <K> the events' key type (it is not used)
     * @return the windowed states, keyed by group
     */
    public <K> KTable<Windowed<String>, ScoreDistribution> aggregate(KStream<K, ? extends CustomerEvent> events) {
        Checks.present("events", events);
        FeedbackScale scale = metric.scale();
        FeedbackMetric<R> counted = metric;
        Optional<GroupKey> key = groupBy;
        String name = storeName();
        return events
                .flatMap((ignored, event) -> event instanceof FeedbackResponse response
                                && response.scale().equals(scale)
                                ? List.of(KeyValue.pair(key.map(k -> k.groupOf(response)).orElse(ALL), response.score()))
                                : List.<KeyValue<String, Integer>>of(),
                        Named.as(name + "-scores"))
                .groupByKey(Grouped.with(name, Serdes.String(), Serdes.Integer()))
                .windowedBy(windows)
                .emitStrategy(emit == EmitStrategy.StrategyType.ON_WINDOW_CLOSE ? EmitStrategy.onWindowClose()
                        : EmitStrategy.onWindowUpdate())
                .aggregate(() -> ScoreDistribution.empty(scale),
                        (group, score, state) -> counted.accumulator(state).add(score).state(),
                        Named.as(name + "-aggregate"), materialized(name));
    }

    /**
     * Adds the aggregation of batches of events (records that each hold many events, as
     * {@link CxmSerdes#eventBatches()} reads them) to their topology and returns the table of each group's state
     * per window, the same table {@link #aggregate} gives for the same events one per record. Each batch's
     * responses are first counted per group and time slot (the span in which every instant lies in the same
     * windows: the greatest common divisor of the windows' size and advance, the window itself when tumbling),
     * and each count goes downstream as one record, through the repartition topic {@code <storeName>-partials},
     * at the latest response's time in it; the windowed aggregation then merges counts instead of adding
     * scores. So a batch costs a record per group and slot, not per response: fewer repartition records and
     * store updates.
     *
     * <p>A batch's responses count as if they arrived together, in time order: a response older than the grace
     * allows is dropped, as one by one, but only stream time before the batch decides, not a later response of
     * the same batch. The record timestamps of the batches themselves are not used.
     *
     * @param batches the batches of events, any key
     * @param <K> the batches' key type (it is not used)
     * @return the windowed states, keyed by group
     */
    public <K> KTable<Windowed<String>, ScoreDistribution> aggregateBatches(
            KStream<K, ? extends Collection<? extends CustomerEvent>> batches) {
        Checks.present("batches", batches);
        FeedbackScale scale = metric.scale();
        FeedbackMetric<R> counted = metric;
        Optional<GroupKey> key = groupBy;
        String name = storeName();
        long slot = gcd(windows.size(), windows.advanceMs);
        ProcessorSupplier<Object, Collection<? extends CustomerEvent>, String, ScoreDistribution> combiner =
                () -> new ResponseCombiner(counted, key, ALL, slot);
        return batches
                .process(combiner, Named.as(name + "-combine"))
                .groupByKey(Grouped.with(name + "-partials", Serdes.String(), CxmSerdes.scoreDistributions()))
                .windowedBy(windows)
                .emitStrategy(emit == EmitStrategy.StrategyType.ON_WINDOW_CLOSE ? EmitStrategy.onWindowClose()
                        : EmitStrategy.onWindowUpdate())
                .aggregate(() -> ScoreDistribution.empty(scale),
                        (group, partial, state) -> counted.accumulator(state).merge(counted.accumulator(partial))
                                .state(),
                        Named.as(name + "-aggregate"), materialized(name));
    }

    /**
     * Adds the aggregation of batches of events to their topology and returns each group's result per window
     * as a {@link WindowedResult} keyed by the group, as {@link #windowedResults} does for single events.
     *
     * @param batches the batches of events, any key
     * @param <K> the batches' key type
     * @return the windowed results, keyed by group
     */
    public <K> KStream<String, WindowedResult<R>> windowedResultsOfBatches(
            KStream<K, ? extends Collection<? extends CustomerEvent>> batches) {
        return windowed(aggregateBatches(batches));
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private Materialized<String, ScoreDistribution, WindowStore<Bytes, byte[]>> materialized(String name) {
        Materialized<String, ScoreDistribution, WindowStore<Bytes, byte[]>> materialized =
                Materialized.<String, ScoreDistribution, WindowStore<Bytes, byte[]>>as(name)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(CxmSerdes.scoreDistributions());
        return storeType.map(materialized::withStoreType).orElse(materialized);
    }

    /**
     * Adds the aggregation of {@code events} to their topology and returns each group's result per window, as
     * {@link #emit()} says: after every update, or once per window when it closes.
     *
     * @param events the events, with their time as the record timestamp
     * @param <K> the events' key type
     * @return the windowed results, keyed by group and window
     */
    public <K> KStream<Windowed<String>, R> results(KStream<K, ? extends CustomerEvent> events) {
        return results(aggregate(events));
    }

    private KStream<Windowed<String>, R> results(KTable<Windowed<String>, ScoreDistribution> states) {
        FeedbackMetric<R> counted = metric;
        return states.toStream(Named.as(storeName() + "-states"))
                .filter((window, state) -> state != null, Named.as(storeName() + "-present"))
                .mapValues(counted::result, Named.as(storeName() + "-results"));
    }

    /**
     * Adds the aggregation of {@code events} to their topology and returns each group's result per window as
     * a {@link WindowedResult} keyed by the group, ready for {@link CxmSerdes#windowedResults}.
     *
     * @param events the events, with their time as the record timestamp
     * @param <K> the events' key type
     * @return the windowed results, keyed by group
     */
    public <K> KStream<String, WindowedResult<R>> windowedResults(KStream<K, ? extends CustomerEvent> events) {
        return windowed(aggregate(events));
    }

    private KStream<String, WindowedResult<R>> windowed(KTable<Windowed<String>, ScoreDistribution> states) {
        return results(states).map((window, result) -> KeyValue.pair(window.key(),
                        new WindowedResult<>(window.key(), Instant.ofEpochMilli(window.window().start()),
                                Instant.ofEpochMilli(window.window().end()), result)),
                Named.as(storeName() + "-windowed"));
    }

    /** Compares the metric, the windows, the key, the store name and type and the emit strategy. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FeedbackAggregation<?> that && metric.equals(that.metric)
                && windows.equals(that.windows) && groupBy.equals(that.groupBy) && storeName.equals(that.storeName)
                && emit == that.emit && storeType.equals(that.storeType);
    }

    /** Hashes the configuration, consistently with {@link #equals}. */
    @Override
    public int hashCode() {
        return Objects.hash(metric, windows, groupBy, storeName, emit, storeType);
    }

    /** Returns the configuration, such as {@code FeedbackAggregation[NetPromoterScore[...], by channel, ...]}. */
    @Override
    public String toString() {
        return "FeedbackAggregation[" + metric + groupBy.map(key -> ", by " + key.name()).orElse("") + ", "
                + windows + ", store " + storeName() + storeType.map(type -> " (" + type + ")").orElse("") + ", emit "
                + emit + "]";
    }

    /**
     * Configures a {@link FeedbackAggregation}; each setter refuses a bad value at once and leaves the
     * builder as it was.
     *
     * @param <R> the metric's result type
     */
    public static final class Builder<R extends FeedbackResult> {
        private final FeedbackMetric<R> metric;
        private final TimeWindows windows;
        private Optional<GroupKey> groupBy = Optional.empty();
        private Optional<String> storeName = Optional.empty();
        private EmitStrategy.StrategyType emit = EmitStrategy.StrategyType.ON_WINDOW_UPDATE;
        private Optional<Materialized.StoreType> storeType = Optional.empty();

        private Builder(FeedbackMetric<R> metric, TimeWindows windows) {
            this.metric = metric;
            this.windows = windows;
        }

        /**
         * Groups responses by {@code key}: {@code GroupKeys.channel()}, {@code touchpoint()}, {@code survey()},
         * {@code attribute("segment")}, ...
         *
         * @param key the group key
         * @return this builder
         */
        public Builder<R> groupBy(GroupKey key) {
            this.groupBy = Optional.of(Checks.present("groupBy", key));
            return this;
        }

        /**
         * Puts every response in the one group {@value #ALL} (the default).
         *
         * @return this builder
         */
        public Builder<R> noGroups() {
            this.groupBy = Optional.empty();
            return this;
        }

        /**
         * Names the window store, and so its changelog and repartition topics.
         *
         * @param name 1 to 200 characters out of {@code a-z A-Z 0-9 . _ -}
         * @return this builder
         * @throws IllegalArgumentException when the name has another character or length
         */
        public Builder<R> storeName(String name) {
            Checks.present("storeName", name);
            if (!TOPIC_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("storeName: a name of " + name.length() + " characters with"
                        + (NOT_TOPIC_CHARACTER.matcher(name).find() ? "" : "out") + " a character outside"
                        + " a-z A-Z 0-9 . _ -; it must be 1 to 200 of those, as Kafka names topics");
            }
            this.storeName = Optional.of(name);
            return this;
        }

        /**
         * Emits a window's result once, when stream time passes its end plus the grace period: final results,
         * one per group and window.
         *
         * @return this builder
         */
        public Builder<R> emitOnWindowClose() {
            this.emit = EmitStrategy.StrategyType.ON_WINDOW_CLOSE;
            return this;
        }

        /**
         * Emits a window's result whenever it changes (the default), as far as the record cache lets through.
         *
         * @return this builder
         */
        public Builder<R> emitOnWindowUpdate() {
            this.emit = EmitStrategy.StrategyType.ON_WINDOW_UPDATE;
            return this;
        }

        /**
         * Keeps the window store in this type: {@code IN_MEMORY} (restored from its changelog at a start; no
         * RocksDB write per update) or {@code ROCKS_DB}; unset, Kafka Streams' configured default.
         *
         * @param type the store type
         * @return this builder
         */
        public Builder<R> storeType(Materialized.StoreType type) {
            this.storeType = Optional.of(Checks.present("storeType", type));
            return this;
        }

        /**
         * Returns the configured aggregation.
         *
         * @return the aggregation
         */
        public FeedbackAggregation<R> build() {
            return new FeedbackAggregation<>(this);
        }
    }
}
