package dev.cxm.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import dev.cxm.core.io.CxmJson;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.feedback.RatingResult;
import dev.cxm.metrics.feedback.RatingScore;
import dev.cxm.metrics.feedback.ScoreDistribution;

/** The JSON serdes: events and states as {@code CxmJson.mapper()} writes them, results as the CLI prints them. */
class CxmSerdesTest {

    @Test
    void eventsRoundTripAsTheCxmJsonOfEachEvent() throws Exception {
        Serde<CustomerEvent> serde = CxmSerdes.events();
        for (CustomerEvent event : StreamEvents.mixed(7, 200, Duration.ofHours(1))) {
            byte[] bytes = serde.serializer().serialize("events", event);

            assertThat(bytes).isEqualTo(CxmJson.mapper().writerFor(CustomerEvent.class).writeValueAsBytes(event));
            assertThat(serde.deserializer().deserialize("events", bytes)).isEqualTo(event);
        }
        assertThat(serde.serializer().serialize("events", null)).isNull();
        assertThat(serde.deserializer().deserialize("events", null)).isNull();
    }

    @Test
    void aRecordThatIsNoEventFailsWithoutQuotingIt() {
        Serde<CustomerEvent> serde = CxmSerdes.events();
        String secret = "jane.doe@example.com";
        byte[] malformed = ("{\"type\":\"feedback\",\"comment\":\"" + secret).getBytes(StandardCharsets.UTF_8);
        byte[] wrongType = ("{\"type\":\"feedback\",\"eventId\":\"e1\",\"customerId\":\"c1\",\"occurredAt\":\"2026-01-01T00:00:00Z\","
                + "\"surveyId\":\"s\",\"scale\":{\"name\":\"nps\",\"min\":0,\"max\":10},\"score\":\"" + secret + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        for (byte[] bytes : List.of(malformed, wrongType)) {
            assertThatThrownBy(() -> serde.deserializer().deserialize("events", bytes))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageStartingWith("topic events: the record is not a cxm event")
                    .hasMessageNotContaining(secret)
                    .hasNoCause();
        }
        assertThatThrownBy(() -> serde.deserializer().deserialize("events", wrongType)).hasMessageContaining("at score");
    }

    @Test
    void statesRoundTripAsTheirVersionedJson() throws Exception {
        ScoreDistribution state = NetPromoterScore.ofDefaults().accumulator().addAll(new int[] {0, 7, 9, 10}).state();
        Serde<ScoreDistribution> serde = CxmSerdes.states(ScoreDistribution.class);

        byte[] bytes = serde.serializer().serialize("t", state);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("{\"formatVersion\":1,");
        assertThat(bytes).isEqualTo(CxmJson.mapper().writeValueAsBytes(state));
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(state);
    }

    @Test
    void windowedResultsAreWrittenAsTheCommandLinePrintsThemAndReadBack() throws Exception {
        Instant start = Instant.parse("2026-03-02T10:00:00Z");
        NpsResult nps = NetPromoterScore.ofDefaults().of(10, 9, 3);
        WindowedResult<NpsResult> windowed = new WindowedResult<>("web", start, start.plusSeconds(3600), nps);
        WindowedResult<RatingResult> empty = new WindowedResult<>("(none)", start, start.plusSeconds(60),
                RatingScore.csat().of());

        byte[] bytes = CxmSerdes.windowedResults(NpsResult.class).serializer().serialize("out", windowed);
        byte[] emptyBytes = CxmSerdes.windowedResults(RatingResult.class).serializer().serialize("out", empty);

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo(CxmJson.resultMapper().writeValueAsString(windowed));
        assertThat(CxmJson.mapper().readTree(bytes).at("/result/score").asDouble()).isCloseTo(100.0 / 3, within(1e-12));
        assertThat(CxmJson.mapper().readTree(emptyBytes).at("/result/score").isNull()).isTrue();
        assertThat(CxmSerdes.windowedResults(NpsResult.class).deserializer().deserialize("out", bytes))
                .isEqualTo(windowed);
        assertThat(CxmSerdes.windowedResults(RatingResult.class).deserializer().deserialize("out", emptyBytes))
                .isEqualTo(empty);
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsRefused() {
        Instant start = Instant.parse("2026-03-02T10:00:00Z");
        assertThatThrownBy(() -> new WindowedResult<>("web", start, start, NetPromoterScore.ofDefaults().of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("windowEnd: ");
    }

    @Test
    void theTimestampIsTheEventsOwnTimeAndATombstoneKeepsThePartitionTime() {
        CustomerEvent event = StreamEvents.nps("e", Instant.parse("2026-03-02T10:15:30.123456Z"), 9);
        EventTimestampExtractor extractor = new EventTimestampExtractor();

        assertThat(extractor.extract(new ConsumerRecord<>("t", 0, 0, "k", event), 5L))
                .isEqualTo(Instant.parse("2026-03-02T10:15:30.123Z").toEpochMilli());
        assertThat(extractor.extract(new ConsumerRecord<>("t", 0, 0, "k", null), 5L)).isEqualTo(5L);
    }

    @Test
    void theQuickReaderMakesTheEventDataBindingMakesAndLeavesTheRestToIt() throws Exception {
        // Oracle: CxmJson.mapper()'s data binding on the same bytes. Events in cxm's form are read without it
        // (CanonicalEvents answers them); keys in another order too; an unknown key, a repeated key or a number
        // as a string are not, and data binding decides, as before the quick reader.
        List<CustomerEvent> events = StreamEvents.mixed(11, 500, Duration.ofHours(2));
        for (CustomerEvent event : events) {
            byte[] bytes = CxmJson.mapper().writerFor(CustomerEvent.class).writeValueAsBytes(event);
            assertThat(dev.cxm.core.internal.io.CanonicalEvents.event(bytes)).isEqualTo(event);
            assertThat(CxmSerdes.events().deserializer().deserialize("t", bytes))
                    .isEqualTo(CxmJson.mapper().readValue(bytes, CustomerEvent.class));
        }
        String canonical = new String(CxmJson.mapper().writerFor(CustomerEvent.class)
                .writeValueAsBytes(events.get(1)), StandardCharsets.UTF_8);
        for (String other : List.of(canonical.replace("{\"type\"", "{\"extra\":1,\"type\""),
                canonical.replace("\"score\":", "\"score\":\"").replaceFirst("(\"score\":\"\\d+)", "$1\""))) {
            byte[] bytes = other.getBytes(StandardCharsets.UTF_8);
            assertThat(dev.cxm.core.internal.io.CanonicalEvents.event(bytes)).as(other).isNull();
            Object viaSerde;
            try {
                viaSerde = CxmSerdes.events().deserializer().deserialize("t", bytes);
            } catch (SerializationException e) {
                viaSerde = e.getMessage();
            }
            Object viaMapper;
            try {
                viaMapper = CxmJson.mapper().readValue(bytes, CustomerEvent.class);
            } catch (java.io.IOException e) {
                viaMapper = "refused";
            }
            assertThat(viaSerde instanceof String).as(other).isEqualTo(viaMapper instanceof String);
            if (!(viaSerde instanceof String)) {
                assertThat(viaSerde).isEqualTo(viaMapper);
            }
        }
    }

    @Test
    void batchesRoundTripAsAJsonArrayOfEvents() throws Exception {
        Serde<List<CustomerEvent>> serde = CxmSerdes.eventBatches();
        List<CustomerEvent> events = StreamEvents.mixed(12, 300, Duration.ofHours(1));
        byte[] bytes = serde.serializer().serialize("t", events);

        assertThat(bytes).isEqualTo(CxmJson.mapper().writeValueAsBytes(events.toArray(new CustomerEvent[0])));
        assertThat(dev.cxm.core.internal.io.CanonicalEvents.events(bytes)).isEqualTo(events);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(events);
        assertThat(serde.deserializer().deserialize("t", "[]".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "[{\"type\":\"feedback\"}]"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("topic t: the record is not a batch of cxm events");
    }
}
