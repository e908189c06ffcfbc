package dev.cxm.core.model;

import static dev.cxm.core.store.kit.TestEvents.CHECKOUT;
import static dev.cxm.core.store.kit.TestEvents.HOTLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.core.io.CxmJson;

/**
 * The events are final classes that hold their instant as two primitives, but they must behave exactly as the
 * records they were. Oracle: a record of the same components declared here, whose {@code equals},
 * {@code hashCode} and {@code toString} the JDK generates, and whose JSON Jackson writes from the components;
 * the instant truncated by {@link Instant#truncatedTo} to microseconds, as decision 5 asks.
 */
class EventValueSemanticsTest {

    private static final ObjectMapper MAPPER = CxmJson.mapper();

    record FeedbackRecord(EventId eventId, CustomerId customerId, Instant occurredAt, String surveyId,
            FeedbackScale scale, int score, Optional<String> comment, Optional<Touchpoint> touchpoint,
            Map<String, String> attributes) {}

    record InteractionRecord(EventId eventId, CustomerId customerId, Instant occurredAt, Touchpoint touchpoint,
            String outcome, Duration duration, Map<String, String> attributes) {}

    record PurchaseRecord(EventId eventId, CustomerId customerId, Instant occurredAt, String orderId, Money amount,
            int itemCount, Optional<Touchpoint> touchpoint, Map<String, String> attributes) {}

    @Test
    void aFeedbackResponseComparesHashesPrintsAndWritesAsItsRecord() {
        qt().withExamples(300).forAll(longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                        integers().between(0, 999_999_999), integers().between(0, 10), integers().between(0, 3))
                .checkAssert((second, nano, score, variant) -> {
                    Instant at = Instant.ofEpochSecond(second, nano);
                    Instant expected = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                    Optional<String> comment = variant % 2 == 0 ? Optional.empty() : Optional.of("fine " + variant);
                    Optional<Touchpoint> touchpoint = variant < 2 ? Optional.of(HOTLINE) : Optional.empty();
                    Map<String, String> attributes = variant == 3 ? Map.of("region", "north") : Map.of();
                    FeedbackResponse event = new FeedbackResponse(EventId.of("e" + variant), CustomerId.of("c"), at,
                            "nps", FeedbackScale.NPS, score, comment, touchpoint, attributes);
                    FeedbackRecord record = new FeedbackRecord(EventId.of("e" + variant), CustomerId.of("c"),
                            expected, "nps", FeedbackScale.NPS, score, comment, touchpoint, attributes);

                    assertThat(event.occurredAt()).isEqualTo(expected);
                    assertThat(event.hashCode()).isEqualTo(record.hashCode());
                    assertThat(event.toString()).isEqualTo(record.toString().replace("FeedbackRecord[",
                            "FeedbackResponse["));
                    assertThat(json(event)).isEqualTo(json(record));
                    FeedbackResponse same = new FeedbackResponse(EventId.of("e" + variant), CustomerId.of("c"),
                            expected, "nps", FeedbackScale.NPS, score, comment, touchpoint, attributes);
                    assertThat(event).isEqualTo(same).hasSameHashCodeAs(same);
                    Instant aMicroApart = second > 0 ? expected.minusNanos(1_000) : expected.plusNanos(1_000);
                    assertThat(event).isNotEqualTo(new FeedbackResponse(EventId.of("e" + variant), CustomerId.of("c"),
                            aMicroApart, "nps", FeedbackScale.NPS, score, comment, touchpoint,
                            attributes));
                });
    }

    @Test
    void anInteractionComparesHashesPrintsAndWritesAsItsRecord() {
        qt().withExamples(300).forAll(longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                        integers().between(0, 999_999_999), integers().between(0, 3_600))
                .checkAssert((second, nano, seconds) -> {
                    Instant at = Instant.ofEpochSecond(second, nano);
                    Instant expected = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                    Duration duration = Duration.ofSeconds(seconds);
                    Interaction event = new Interaction(EventId.of("i"), CustomerId.of("c"), at, CHECKOUT, "resolved",
                            duration, Map.of("k", "v"));
                    InteractionRecord record = new InteractionRecord(EventId.of("i"), CustomerId.of("c"), expected,
                            CHECKOUT, "resolved", duration, Map.of("k", "v"));

                    assertThat(event.occurredAt()).isEqualTo(expected);
                    assertThat(event.hashCode()).isEqualTo(record.hashCode());
                    assertThat(event.toString()).isEqualTo(record.toString().replace("InteractionRecord[",
                            "Interaction["));
                    assertThat(json(event)).isEqualTo(json(record));
                    assertThat(event).isEqualTo(new Interaction(EventId.of("i"), CustomerId.of("c"), expected,
                            CHECKOUT, "resolved", duration, Map.of("k", "v")));
                    assertThat(event).isNotEqualTo(new Interaction(EventId.of("i"), CustomerId.of("c"), expected,
                            CHECKOUT, "abandoned", duration, Map.of("k", "v")));
                });
    }

    @Test
    void aPurchaseComparesHashesPrintsAndWritesAsItsRecord() {
        qt().withExamples(300).forAll(longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                        integers().between(0, 999_999_999), integers().between(0, 50))
                .checkAssert((second, nano, items) -> {
                    Instant at = Instant.ofEpochSecond(second, nano);
                    Instant expected = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                    Money amount = Money.of("12.50", "EUR");
                    Purchase event = new Purchase(EventId.of("p"), CustomerId.of("c"), at, "o-1", amount, items,
                            Optional.of(CHECKOUT), Map.of());
                    PurchaseRecord record = new PurchaseRecord(EventId.of("p"), CustomerId.of("c"), expected, "o-1",
                            amount, items, Optional.of(CHECKOUT), Map.of());

                    assertThat(event.occurredAt()).isEqualTo(expected);
                    assertThat(event.hashCode()).isEqualTo(record.hashCode());
                    assertThat(event.toString()).isEqualTo(record.toString().replace("PurchaseRecord[", "Purchase["));
                    assertThat(json(event)).isEqualTo(json(record));
                    assertThat(event).isEqualTo(new Purchase(EventId.of("p"), CustomerId.of("c"), expected, "o-1",
                            amount, items, Optional.of(CHECKOUT), Map.of()));
                    assertThat(event).isNotEqualTo(new Purchase(EventId.of("p"), CustomerId.of("c"), expected, "o-1",
                            amount, items + 1, Optional.of(CHECKOUT), Map.of()));
                });
    }

    @Test
    void theEndsOfTheInstantRangeStayExact() {
        // Instant.MIN and Instant.MAX (to the microsecond) are far beyond a long of microseconds: kept as they are.
        Instant max = Instant.MAX.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        for (Instant at : new Instant[] {Instant.MIN, max}) {
            FeedbackResponse response = FeedbackResponse.builder(CustomerId.of("c"), at, "nps", FeedbackScale.NPS, 9)
                    .eventId("e").build();
            assertThat(response.occurredAt()).isEqualTo(at);
            assertThat(Interaction.builder(CustomerId.of("c"), at, HOTLINE).build().occurredAt()).isEqualTo(at);
            assertThat(Purchase.builder(CustomerId.of("c"), at, Money.of("1.00", "EUR")).build().occurredAt())
                    .isEqualTo(at);
        }
        assertThat(Interaction.builder(CustomerId.of("c"), Instant.MAX, HOTLINE).build().occurredAt()).isEqualTo(max);
    }

    /** Returns the JSON Jackson writes for {@code value}, without the event's type tag, in its property order. */
    private static String json(Object value) {
        ObjectNode node = MAPPER.valueToTree(value);
        node.remove("type");
        return node.toString();
    }
}
