package dev.cxm.core.model;

import static dev.cxm.core.store.kit.TestEvents.HOTLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.core.io.CxmJson;

/**
 * Decision 5 of the design: every event holds its instant truncated toward the past to microseconds, however
 * it is made (builder, constructor, JSON), so that a store keeping microseconds round-trips it exactly.
 */
class EventPrecisionTest {

    private static final CustomerId C1 = CustomerId.of("c1");

    @ParameterizedTest
    @CsvSource({
            // given, expected: written out by hand; before the epoch truncation still goes toward the past
            "2026-05-01T08:00:00.123456789Z, 2026-05-01T08:00:00.123456Z",
            "2026-05-01T08:00:00.000000999Z, 2026-05-01T08:00:00Z",
            "2026-05-01T08:00:00.123456Z,    2026-05-01T08:00:00.123456Z",
            "1969-12-31T23:59:59.999999999Z, 1969-12-31T23:59:59.999999Z",
            "1969-12-31T23:59:59.000000001Z, 1969-12-31T23:59:59Z",
            "+1000000000-12-31T23:59:59.999999999Z, +1000000000-12-31T23:59:59.999999Z",
            "-1000000000-01-01T00:00:00Z,    -1000000000-01-01T00:00:00Z"})
    void everyKindOfEventTruncatesItsInstantToTheMicrosecondBelow(Instant given, Instant expected) {
        assertThat(CustomerEvent.atPrecision(given)).isEqualTo(expected);
        assertThat(Interaction.builder(C1, given, HOTLINE).build().occurredAt()).isEqualTo(expected);
        assertThat(Purchase.builder(C1, given, Money.of("1.00", "EUR")).build().occurredAt()).isEqualTo(expected);
        assertThat(FeedbackResponse.builder(C1, given, "nps", FeedbackScale.NPS, 9).build().occurredAt())
                .isEqualTo(expected);
        assertThat(new FeedbackResponse(EventId.of("f1"), C1, given, "nps", FeedbackScale.NPS, 9, Optional.empty(),
                Optional.empty(), Map.of()).occurredAt()).isEqualTo(expected);
    }

    @Test
    void truncationAgreesWithJavaTimeAndKeepsAWholeMicrosecondAsItIs() {
        // Oracle: Instant.truncatedTo(ChronoUnit.MICROS), java.time's own truncation (toward the past).
        qt().forAll(longs().between(-100_000_000_000L, 100_000_000_000L), integers().between(0, 999_999_999))
                .checkAssert((seconds, nanos) -> {
                    Instant instant = Instant.ofEpochSecond(seconds, nanos);
                    Instant truncated = CustomerEvent.atPrecision(instant);
                    assertThat(truncated).isEqualTo(instant.truncatedTo(ChronoUnit.MICROS));
                    assertThat(CustomerEvent.atPrecision(truncated)).isSameAs(truncated);
                });
    }

    @Test
    void eventsThatDifferOnlyBelowAMicrosecondAreEqual() {
        Instant base = Instant.parse("2026-05-01T08:00:00.123456Z");
        FeedbackResponse first = FeedbackResponse.builder(C1, base.plusNanos(1), "nps", FeedbackScale.NPS, 9)
                .eventId("f1").build();
        FeedbackResponse second = FeedbackResponse.builder(C1, base.plusNanos(999), "nps", FeedbackScale.NPS, 9)
                .eventId("f1").build();

        assertThat(first).isEqualTo(second);
        assertThat(first.occurredAt()).isEqualTo(base);
    }

    @Test
    void anEventReadFromJsonWithNanosecondsHoldsTheMicrosecondBelow() throws Exception {
        // Oracle: the JSON says .123456789; the event holds .123456, and writes back .123456.
        ObjectMapper mapper = CxmJson.mapper();
        Purchase purchase = Purchase.builder(C1, Instant.parse("2026-05-01T08:00:00Z"), Money.of("1.00", "EUR"))
                .eventId("p1").build();
        String json = mapper.writerFor(CustomerEvent.class).writeValueAsString(purchase)
                .replace("2026-05-01T08:00:00Z", "2026-05-01T08:00:00.123456789Z");

        CustomerEvent read = mapper.readValue(json, CustomerEvent.class);

        assertThat(read.occurredAt()).isEqualTo(Instant.parse("2026-05-01T08:00:00.123456Z"));
        assertThat(mapper.writerFor(CustomerEvent.class).writeValueAsString(read)).contains("08:00:00.123456Z");
        assertThat(List.of(read)).containsExactly(new Purchase(EventId.of("p1"), C1,
                Instant.parse("2026-05-01T08:00:00.123456Z"), "p1", Money.of("1.00", "EUR"), 1, Optional.empty(),
                Map.of()));
    }
}
