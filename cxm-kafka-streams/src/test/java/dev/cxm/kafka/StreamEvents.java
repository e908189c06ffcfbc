package dev.cxm.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;

/** Generated events for the stream tests, and the test driver's settings. */
final class StreamEvents {

    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    static final Channel[] CHANNELS = Channel.values();
    static final String[] SEGMENTS = {"gold", "silver", "bronze"};

    private StreamEvents() {}

    /**
     * Returns {@code count} events in random order within {@code span} after {@link #START}: mostly NPS
     * responses on every channel, some CSAT and CES responses, some interactions, a fifth without a segment.
     */
    static List<CustomerEvent> mixed(long seed, int count, Duration span) {
        Random random = new Random(seed);
        List<CustomerEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant at = START.plusMillis((long) (random.nextDouble() * span.toMillis()));
            Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
            Touchpoint touchpoint = Touchpoint.of("tp-" + channel.name().toLowerCase() + "-" + random.nextInt(3),
                    "Touchpoint", channel);
            String customer = "c" + random.nextInt(count / 4 + 1);
            int kind = random.nextInt(10);
            if (kind == 0) {
                events.add(Interaction.builder(CustomerId.of(customer), at, touchpoint).eventId("e" + i)
                        .outcome("completed").build());
                continue;
            }
            FeedbackScale scale = kind == 1 ? FeedbackScale.CSAT : kind == 2 ? FeedbackScale.CES : FeedbackScale.NPS;
            int score = scale.min() + random.nextInt(scale.points());
            FeedbackResponse.Builder response = FeedbackResponse.builder(CustomerId.of(customer), at,
                    "survey-" + random.nextInt(2), scale, score).eventId("e" + i).touchpoint(touchpoint);
            if (random.nextInt(5) != 0) {
                response.attributes(Map.of("segment", SEGMENTS[random.nextInt(SEGMENTS.length)]));
            }
            events.add(response.build());
        }
        return events;
    }

    /** Returns an NPS response on the web at {@code at}. */
    static FeedbackResponse nps(String id, Instant at, int score) {
        return FeedbackResponse.builder(CustomerId.of("c-" + id), at, "relationship", FeedbackScale.NPS, score)
                .eventId(id).touchpoint(Touchpoint.of("home", "Home page", Channel.WEB)).build();
    }

    /**
     * Returns the test driver's settings, with its state in {@code stateDir} and in-memory stores: the test
     * driver commits after every record, which with RocksDB flushes to disk each time (about 3 ms a record).
     */
    static Properties driverProperties(String stateDir) {
        Properties properties = rocksDbDriverProperties(stateDir);
        properties.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
                BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        return properties;
    }

    /** Returns the test driver's settings with Kafka Streams' default stores, RocksDB, in {@code stateDir}. */
    static Properties rocksDbDriverProperties(String stateDir) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "cxm-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        return properties;
    }
}
