package dev.cxm.examples.cli.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.io.CxmJson;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.examples.cli.CliRun;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;

/**
 * {@code cxm stream} without a broker: its topology in Kafka Streams' test driver against the library's NPS
 * over the same responses per channel and hour (the oracle: a brute-force grouping counted by
 * {@code NetPromoterScore.ofDefaults().collector()}), and its argument checks.
 */
class StreamCommandTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void theTopologyWritesEachClosedHoursNpsPerChannelAsJson() throws Exception {
        // 300 NPS responses over three hours in time order (plus one CSAT response, not counted), then one at
        // +5 hours that closes the first three hours (grace 5 minutes; a response older than stream time minus
        // the grace would be dropped, as FeedbackAggregationTest shows).
        Random random = new Random(11);
        List<FeedbackResponse> responses = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Channel channel = List.of(Channel.WEB, Channel.PHONE, Channel.CHAT).get(random.nextInt(3));
            responses.add(FeedbackResponse.builder(CustomerId.of("c" + i), START.plusSeconds(random.nextInt(3 * 3600)),
                    "relationship", FeedbackScale.NPS, random.nextInt(11)).eventId("e" + i)
                    .touchpoint(Touchpoint.of("tp-" + channel, "Touchpoint", channel)).build());
        }
        responses.sort(java.util.Comparator.comparing(FeedbackResponse::occurredAt));
        Map<String, NpsResult> expected = responses.stream().collect(Collectors.groupingBy(
                r -> GroupKeys.channel().groupOf(r) + "@" + START.plus(Duration.ofHours(
                        Duration.between(START, r.occurredAt()).toHours())),
                TreeMap::new, NetPromoterScore.ofDefaults().collector()));
        NpsStreamTopology topology = new NpsStreamTopology("feedback", "nps", Duration.ofHours(1),
                Duration.ofMinutes(5), GroupKeys.channel());
        Properties settings = NpsStreamTopology.settings("cxm-stream-test", "unused:9092");
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());

        Map<String, JsonNode> written = new TreeMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(topology.build(), settings)) {
            TestInputTopic<String, String> input = driver.createInputTopic("feedback", Serdes.String().serializer(),
                    Serdes.String().serializer());
            for (CustomerEvent event : responses) {
                input.pipeInput(event.customerId().value(), json(event));
            }
            input.pipeInput("x", json(FeedbackResponse.builder(CustomerId.of("x"), START.plusSeconds(60), "csat",
                    FeedbackScale.CSAT, 5).build()));
            input.pipeInput("y", json(FeedbackResponse.builder(CustomerId.of("y"), START.plus(Duration.ofHours(5)),
                    "relationship", FeedbackScale.NPS, 10).build()));
            TestOutputTopic<String, String> output = driver.createOutputTopic("nps", Serdes.String().deserializer(),
                    Serdes.String().deserializer());
            for (KeyValue<String, String> record : output.readKeyValuesToList()) {
                JsonNode node = CxmJson.mapper().readTree(record.value);
                assertThat(record.key).isEqualTo(node.get("group").asText());
                assertThat(written.put(record.key + "@" + node.get("windowStart").asText(), node.get("result"))).isNull();
            }
        }

        assertThat(written.keySet()).isEqualTo(expected.keySet()).hasSize(9);
        for (Map.Entry<String, NpsResult> nps : expected.entrySet()) {
            assertThat(written.get(nps.getKey())).as(nps.getKey())
                    .isEqualTo(CxmJson.mapper().readTree(CxmJson.resultMapper().writeValueAsString(nps.getValue())));
        }
    }

    @Test
    void mistakesInTheOptionsAreUsageErrorsOfOneLine() {
        String[] valid = {"stream", "--bootstrap-servers", "localhost:9092", "--input-topic", "in",
                "--output-topic", "out"};
        Map<List<String>, String> mistakes = Map.of(
                List.of("--bootstrap-servers", "localhost"), "--bootstrap-servers: 'localhost' is not HOST:PORT",
                List.of("--bootstrap-servers", "a:9092,b:99999"), "--bootstrap-servers: 'b:99999' is not HOST:PORT",
                List.of("--output-topic", "in"), "--output-topic: 'in' is the input topic",
                List.of("--input-topic", "in put"), "--input-topic: 'in put' is not a Kafka topic name",
                List.of("--window", "PT0S"), "--window: PT0S is not a positive number",
                List.of("--grace", "PT-5M"), "--grace: PT-5M is negative",
                List.of("--application-id", ".."), "--application-id: '..' is not a Kafka topic name");
        mistakes.forEach((change, message) -> {
            List<String> args = new ArrayList<>(List.of(valid));
            if (args.contains(change.get(0))) {
                args.set(args.indexOf(change.get(0)) + 1, change.get(1));
            } else {
                args.addAll(change);
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(change.toString()).isEqualTo(2);
            assertThat(run.err()).as(change.toString()).startsWith("cxm: " + message)
                    .contains("Try 'cxm stream --help'");
            assertThat(run.out()).isEmpty();
        });
        CliRun missing = CliRun.of("stream", "--bootstrap-servers", "localhost:9092", "--input-topic", "in");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--output-topic");
    }

    private static String json(CustomerEvent event) throws Exception {
        return CxmJson.mapper().writerFor(CustomerEvent.class).writeValueAsString(event);
    }
}
