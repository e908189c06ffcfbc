package dev.cxm.core.internal;

import static dev.cxm.core.store.kit.TestEvents.CHECKOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;

/**
 * The parts read without an {@code Instant} are the parts of {@link CustomerEvent#occurredAt()}. Oracle: the
 * {@code Instant} the event itself returns, for every event type, over the whole range of {@code Instant}.
 */
class EventTimePartsTest {

    @Test
    void everyEventTypeGivesTheSecondAndNanoOfItsInstant() {
        qt().withExamples(1000)
                .forAll(longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                        integers().between(0, 999_999_999))
                .checkAssert((second, nano) -> {
                    Instant at = Instant.ofEpochSecond(second, nano);
                    for (CustomerEvent event : eventsAt(at)) {
                        assertThat(EventTimeParts.epochSecond(event)).isEqualTo(event.occurredAt().getEpochSecond());
                        assertThat(EventTimeParts.nano(event)).isEqualTo(event.occurredAt().getNano());
                    }
                });
    }

    @Test
    void comparisonsAgreeWithTheInstants() {
        // Oracle: Instant.compareTo on the events' own instants, seconds and microseconds close together.
        qt().withExamples(1000)
                .forAll(longs().between(-2, 2), integers().between(0, 3), longs().between(-2, 2), integers().between(0, 3))
                .checkAssert((secondA, microA, secondB, microB) -> {
                    CustomerEvent a = eventsAt(Instant.ofEpochSecond(secondA, microA * 1_000L)).get(microA % 3);
                    CustomerEvent b = eventsAt(Instant.ofEpochSecond(secondB, microB * 1_000L)).get(microB % 3);
                    int expected = Integer.signum(a.occurredAt().compareTo(b.occurredAt()));
                    assertThat(Integer.signum(EventTimeParts.compare(a, b))).isEqualTo(expected);
                    assertThat(Integer.signum(EventTimeParts.compare(a, b.occurredAt()))).isEqualTo(expected);
                });
    }

    @Test
    void theBoundsOfInstantAndTimesBeforeTheEpochKeepTheirParts() {
        // Oracle: the parts written out by hand; nanoseconds below a microsecond are dropped by the events.
        for (CustomerEvent event : eventsAt(Instant.MAX)) {
            assertThat(EventTimeParts.epochSecond(event)).isEqualTo(31_556_889_864_403_199L);
            assertThat(EventTimeParts.nano(event)).isEqualTo(999_999_000);
        }
        for (CustomerEvent event : eventsAt(Instant.parse("1969-12-31T23:59:59.000000500Z"))) {
            assertThat(EventTimeParts.epochSecond(event)).isEqualTo(-1L);
            assertThat(EventTimeParts.nano(event)).isZero();
        }
    }

    @Test
    void aReaderOtherThanTheModelsIsRefusedAndTheModelStillWorks() {
        // Oracle: the contract of HandOver.install: only the model's own class hands over, once.
        EventTimeParts.Reader other = new EventTimeParts.Reader() {
            @Override
            public long epochSecond(CustomerEvent event) {
                return 0;
            }

            @Override
            public int nano(CustomerEvent event) {
                return 0;
            }
        };
        assertThatThrownBy(() -> EventTimeParts.install(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only that class hands it over");
        CustomerEvent event = eventsAt(Instant.ofEpochSecond(42, 7_000)).get(0);
        assertThat(EventTimeParts.epochSecond(event)).isEqualTo(42);
        assertThat(EventTimeParts.nano(event)).isEqualTo(7_000);
    }

    @Test
    void theModelsOwnReaderIsTakenOnlyOnce() throws Exception {
        // Oracle: the same contract; a second reader of the model's own class is refused.
        eventsAt(Instant.EPOCH); // the model is initialised, so its reader is in place
        java.lang.reflect.Constructor<?> modelReader =
                Class.forName("dev.cxm.core.model.EventBase$FieldReader").getDeclaredConstructor();
        modelReader.setAccessible(true);
        EventTimeParts.Reader again = (EventTimeParts.Reader) modelReader.newInstance();
        assertThatThrownBy(() -> EventTimeParts.install(again))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already installed");
    }

    private static List<CustomerEvent> eventsAt(Instant at) {
        CustomerId customer = CustomerId.of("c1");
        return List.of(
                Interaction.builder(customer, at, CHECKOUT).eventId("i").build(),
                Purchase.builder(customer, at, Money.of("9.90", "EUR")).eventId("p").build(),
                FeedbackResponse.builder(customer, at, "survey", FeedbackScale.NPS, 9).eventId("f").build());
    }
}
