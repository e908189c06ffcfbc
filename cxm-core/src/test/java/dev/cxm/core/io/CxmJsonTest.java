package dev.cxm.core.io;

import static dev.cxm.core.store.kit.TestEvents.CHECKOUT;
import static dev.cxm.core.store.kit.TestEvents.HOTLINE;
import static dev.cxm.core.store.kit.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.core.model.ConsentStatus;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Identity;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;

/** The JSON form of the model: written as documented, and read back equal (the round trip is the oracle). */
class CxmJsonTest {

    private final ObjectMapper mapper = CxmJson.mapper();

    @Test
    void feedbackIsWrittenWithTypeIsoInstantAndPlainIds() throws Exception {
        FeedbackResponse response = FeedbackResponse.builder(CustomerId.of("c1"), at(60), "nps-q1", FeedbackScale.NPS, 9)
                .eventId("e1").comment("Quick and friendly").touchpoint(HOTLINE).attribute("campaign", "spring").build();

        JsonNode json = mapper.readTree(mapper.writerFor(CustomerEvent.class).writeValueAsString(response));

        assertThat(json.get("type").asText()).isEqualTo("feedback");
        assertThat(json.get("eventId").asText()).isEqualTo("e1");
        assertThat(json.get("customerId").asText()).isEqualTo("c1");
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-01-01T00:01:00Z");
        assertThat(json.get("scale").get("max").asInt()).isEqualTo(10);
        assertThat(json.get("touchpoint").get("channel").asText()).isEqualTo("PHONE");
        assertThat(json.get("attributes").get("campaign").asText()).isEqualTo("spring");
        assertThat(mapper.readValue(json.toString(), CustomerEvent.class)).isEqualTo(response);
    }

    @Test
    void purchaseAmountIsAPlainDecimalAndDurationIsIso() throws Exception {
        Purchase purchase = Purchase.builder(CustomerId.of("c1"), at(0), Money.of("1E+3", "EUR")).eventId("p1").build();
        Interaction call = Interaction.builder(CustomerId.of("c1"), at(0), HOTLINE).eventId("i1")
                .duration(Duration.ofSeconds(95)).build();

        assertThat(mapper.writeValueAsString(purchase)).contains("\"amount\":{\"amount\":1000.00,\"currency\":\"EUR\"}");
        assertThat(mapper.readTree(mapper.writeValueAsString(call)).get("duration").asText()).isEqualTo("PT1M35S");
    }

    @Test
    void eventsRoundTripWithoutJacksonOverridingAccessModifiers() throws Exception {
        // A host may harden its mapper so Jackson calls only accessible members; every event's accessors must be
        // declared by its own public class then. Oracle: the event itself, read back equal.
        ObjectMapper hardened = ((com.fasterxml.jackson.databind.json.JsonMapper) CxmJson.newMapper()).rebuild()
                .disable(com.fasterxml.jackson.databind.MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS).build();
        List<CustomerEvent> events = List.of(
                FeedbackResponse.builder(CustomerId.of("c1"), at(60), "nps-q1", FeedbackScale.NPS, 9).eventId("e1")
                        .touchpoint(HOTLINE).build(),
                Purchase.builder(CustomerId.of("c1"), at(0), Money.of("12.50", "EUR")).eventId("p1").build(),
                Interaction.builder(CustomerId.of("c1"), at(0), HOTLINE).eventId("i1").build());
        for (CustomerEvent event : events) {
            String json = hardened.writerFor(CustomerEvent.class).writeValueAsString(event);
            assertThat(hardened.readTree(json).get("eventId").asText()).isEqualTo(event.eventId().value());
            assertThat(hardened.readValue(json, CustomerEvent.class)).isEqualTo(event);
        }
    }

    @Test
    void customerRoundTrips() throws Exception {
        Customer customer = Customer.builder(CustomerId.of("c1"), at(0))
                .profile("tier", "gold").segment("vip").segment("newsletter")
                .consent("marketing-email", ConsentStatus.GRANTED, at(5))
                .identity(Identity.ofEmail("someone@example.com")).identity(Identity.ofDevice("dev-1"))
                .build();

        String json = mapper.writeValueAsString(customer);

        assertThat(json).doesNotContain("someone@example.com");
        assertThat(mapper.readValue(json, Customer.class)).isEqualTo(customer);
    }

    @Test
    void anyEventRoundTripsThroughJson() {
        qt().withExamples(300)
                .forAll(integers().between(0, 2), integers().between(0, 10), longs().between(0, 4_000_000_000L),
                        strings().basicLatinAlphabet().ofLengthBetween(1, 24))
                .checkAssert((kind, score, second, text) -> {
                    CustomerEvent event = switch (kind) {
                        case 0 -> FeedbackResponse.builder(CustomerId.of("c-" + text), at(second), "s", FeedbackScale.NPS,
                                score).comment(text).attribute("k", text).build();
                        case 1 -> Purchase.builder(CustomerId.of("c-" + text), at(second),
                                Money.of(second + "." + score, "USD")).itemCount(score).touchpoint(CHECKOUT).build();
                        default -> Interaction.builder(CustomerId.of("c-" + text), at(second), CHECKOUT)
                                .outcome("o" + text).duration(Duration.ofMillis(second)).build();
                    };
                    try {
                        String json = mapper.writerFor(CustomerEvent.class).writeValueAsString(event);
                        assertThat(mapper.readValue(json, CustomerEvent.class)).isEqualTo(event);
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void readingValidatesLikeTheConstructors() {
        String outOfScale = "{\"type\":\"feedback\",\"eventId\":\"e1\",\"customerId\":\"c1\","
                + "\"occurredAt\":\"2026-01-01T10:00:00Z\",\"surveyId\":\"s\","
                + "\"scale\":{\"name\":\"nps\",\"min\":0,\"max\":10},\"score\":11}";
        String noScore = outOfScale.replace(",\"score\":11", "");

        assertThatThrownBy(() -> mapper.readValue(outOfScale, CustomerEvent.class))
                .hasRootCauseMessage("score: is outside the NPS scale 0..10");
        assertThatThrownBy(() -> mapper.readValue(noScore, CustomerEvent.class))
                .hasMessageContaining("FAIL_ON_NULL_FOR_PRIMITIVES");
    }

    @Test
    void ndjsonWritesOneEventPerLine() throws Exception {
        List<CustomerEvent> events = List.of(
                FeedbackResponse.builder(CustomerId.of("c1"), at(1), "s", FeedbackScale.CSAT, 4).eventId("e1").build(),
                Purchase.builder(CustomerId.of("c2"), at(2), Money.of("5", "EUR")).eventId("e2").build());
        StringWriter out = new StringWriter();

        assertThat(Ndjson.writeEvents(events.stream(), out)).isEqualTo(2);

        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(Stream.of(lines).map(line -> {
            try {
                return mapper.readValue(line, CustomerEvent.class);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }).toList()).isEqualTo(events);
    }
}
