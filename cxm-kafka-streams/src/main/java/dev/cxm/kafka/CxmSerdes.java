package dev.cxm.kafka;

import java.util.List;

import org.apache.kafka.common.serialization.Serde;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;

import dev.cxm.core.accumulate.AccumulatorState;
import dev.cxm.core.internal.io.CanonicalEvents;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.io.CxmJson;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.journey.track.StageChange;
import dev.cxm.kafka.internal.EventSerde;
import dev.cxm.kafka.internal.JsonSerde;
import dev.cxm.kafka.internal.ScoreDistributionSerde;
import dev.cxm.metrics.feedback.ScoreDistribution;

/**
 * The Kafka serdes of cxm's values. Each is thread-safe and needs no configuration; a {@code null} is a
 * tombstone both ways. A record that does not read fails with Kafka's {@code SerializationException}, whose
 * message names the topic, the JSON path or byte position and the rule, never the record's content, so the
 * host's {@code DeserializationExceptionHandler} decides whether to stop or skip it.
 *
 * <pre>{@code
 * KStream<String, CustomerEvent> events = builder.stream("events",
 *         Consumed.with(Serdes.String(), CxmSerdes.events()).withTimestampExtractor(new EventTimestampExtractor()));
 * }</pre>
 */
public final class CxmSerdes {

    private static final Serde<CustomerEvent> EVENTS = new EventSerde<>(new JsonSerde<>("a cxm event",
            CxmJson.mapper(), TypeFactory.defaultInstance().constructType(CustomerEvent.class)), CanonicalEvents::event);
    private static final Serde<List<CustomerEvent>> EVENT_BATCHES = new EventSerde<>(new JsonSerde<>(
            "a batch of cxm events", CxmJson.mapper(), TypeFactory.defaultInstance()
                    .constructCollectionType(List.class, CustomerEvent.class)), CanonicalEvents::events);
    private static final Serde<ScoreDistribution> SCORE_DISTRIBUTIONS = new ScoreDistributionSerde();
    private static final Serde<StageChange> STAGE_CHANGES = new JsonSerde<>("a stage change", CxmJson.mapper(),
            TypeFactory.defaultInstance().constructType(StageChange.class));

    private CxmSerdes() {}

    /**
     * Returns the serde of events as the JSON of {@link CxmJson#mapper()}: the form {@code cxm import} writes
     * to NDJSON, one event per record. Records in exactly that form are read without data binding, by the
     * reader of {@code cxm import}, which makes the same event of them; others go through the mapper.
     *
     * @return the serde
     */
    public static Serde<CustomerEvent> events() {
        return EVENTS;
    }

    /**
     * Returns the serde of batches of events, a JSON array of the events as {@link #events()} writes each: for
     * topics whose producers send many events in one record, which {@link FeedbackAggregation#aggregateBatches}
     * counts with one record per group and window downstream instead of one per event.
     *
     * @return the serde
     */
    public static Serde<List<CustomerEvent>> eventBatches() {
        return EVENT_BATCHES;
    }

    /**
     * Returns the compact, versioned binary serde of a feedback metric's state: the scale and one count per
     * scale point (survey weights only where a response weighs other than 1), 19 bytes for an empty NPS.
     * It is the format of {@link FeedbackAggregation}'s state stores and changelog topics; a state written by
     * an earlier version of cxm still reads.
     *
     * @return the serde
     */
    public static Serde<ScoreDistribution> scoreDistributions() {
        return SCORE_DISTRIBUTIONS;
    }

    /**
     * Returns a serde of an accumulator state of {@code type} as the versioned JSON of
     * {@link CxmJson#mapper()}, whose {@code "formatVersion"} lets a later cxm read what an earlier one wrote.
     *
     * @param type the state's type
     * @param <S> the state's type
     * @return the serde
     */
    public static <S extends AccumulatorState> Serde<S> states(Class<S> type) {
        Checks.present("type", type);
        return new JsonSerde<>("a " + type.getSimpleName(), CxmJson.mapper(),
                TypeFactory.defaultInstance().constructType(type));
    }

    /**
     * Returns the serde of stage changes, as {@link JourneyStages#changes} sends them, as the JSON of
     * {@link CxmJson#mapper()}: {@code {"customer":..,"from":..,"to":..,"at":..,"retroactive":..}}.
     *
     * @return the serde
     */
    public static Serde<StageChange> stageChanges() {
        return STAGE_CHANGES;
    }

    /**
     * Returns the serde of windowed results as the JSON of {@link CxmJson#resultMapper()} (every key present,
     * an absent value as {@code null}), the form the {@code cxm} command line prints; it also reads them back.
     *
     * @param resultType the result's type, such as {@code NpsResult.class} or {@code FunnelStepCounts.class}
     * @param <R> the result's type
     * @return the serde
     */
    public static <R> Serde<WindowedResult<R>> windowedResults(Class<R> resultType) {
        Checks.present("resultType", resultType);
        JavaType type = TypeFactory.defaultInstance().constructParametricType(WindowedResult.class, resultType);
        return new JsonSerde<>("a windowed " + resultType.getSimpleName(), CxmJson.resultMapper(), type);
    }
}
