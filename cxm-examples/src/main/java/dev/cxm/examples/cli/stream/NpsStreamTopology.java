package dev.cxm.examples.cli.stream;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;

import dev.cxm.core.group.GroupKey;
import dev.cxm.kafka.CxmSerdes;
import dev.cxm.kafka.EventTimestampExtractor;
import dev.cxm.kafka.FeedbackAggregation;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;

/**
 * The topology of {@code cxm stream}: cxm events as JSON in (any key), each window's final NPS per group out
 * as the JSON of a {@code WindowedResult} keyed by the group. Events are placed in windows by their own time;
 * a window's result is written once, when stream time passes its end plus the grace period.
 *
 * @param inputTopic the topic of events
 * @param outputTopic the topic of results
 * @param window the length of the tumbling windows
 * @param grace how long after a window's end a late event still counts
 * @param groupBy the key responses are grouped by
 */
public record NpsStreamTopology(String inputTopic, String outputTopic, Duration window, Duration grace,
        GroupKey groupBy) {

    /**
     * Returns the aggregation this topology runs.
     *
     * @return NPS per group over tumbling windows, emitted when each window closes
     */
    public FeedbackAggregation<NpsResult> aggregation() {
        return FeedbackAggregation.custom(NetPromoterScore.ofDefaults(), TimeWindows.ofSizeAndGrace(window, grace))
                .groupBy(groupBy).emitOnWindowClose().build();
    }

    /**
     * Builds the topology.
     *
     * @return the topology
     */
    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        aggregation().windowedResults(builder.stream(inputTopic, Consumed.with(Serdes.String(), CxmSerdes.events())
                        .withTimestampExtractor(new EventTimestampExtractor())))
                .to(outputTopic, Produced.with(Serdes.String(), CxmSerdes.windowedResults(NpsResult.class)));
        return builder.build();
    }

    /**
     * Returns the Kafka Streams settings of the command: the application id and the servers, nothing else.
     *
     * @param applicationId the application id (consumer group and prefix of the internal topics)
     * @param bootstrapServers the servers, {@code HOST:PORT[,HOST:PORT...]}
     * @return the settings
     */
    public static Properties settings(String applicationId, String bootstrapServers) {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return settings;
    }
}
