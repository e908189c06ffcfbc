package dev.cxm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;

/**
 * A copy with shared parts is the source event in every component, and holds the very instances it was given.
 * Oracle: the source itself ({@code equals}, {@code hashCode}, {@code toString} and each accessor), and
 * identity for the parts handed in.
 */
class EventCopiesTest {

    private static final Instant AT = Instant.parse("1969-07-20T20:17:40.123456Z");

    @Test
    void anInteractionCopyIsTheSourceWithTheGivenInstances() {
        Interaction source = Interaction.builder(CustomerId.of("c-1"), AT, touchpoint()).eventId("e-1")
                .outcome(new String("resolved")).duration(Duration.ofSeconds(42)).attributes(Map.of("k", "v")).build();
        CustomerId customer = CustomerId.of("c-1");
        Touchpoint touchpoint = touchpoint();
        String outcome = new String("resolved");

        Interaction copy = EventCopies.copier().interaction(source, customer, touchpoint, outcome);

        assertSameEvent(copy, source);
        assertThat(copy.customerId()).isSameAs(customer);
        assertThat(copy.touchpoint()).isSameAs(touchpoint);
        assertThat(copy.outcome()).isSameAs(outcome);
        assertThat(copy.duration()).isEqualTo(Duration.ofSeconds(42));
        assertThat(copy.occurredAt()).isEqualTo(AT);
    }

    @Test
    void aPurchaseCopyIsTheSourceWithTheGivenInstances() {
        Purchase source = Purchase.builder(CustomerId.of("c-2"), AT, Money.of("19.99", "EUR")).eventId("e-2")
                .orderId("o-7").itemCount(3).touchpoint(touchpoint()).build();
        CustomerId customer = CustomerId.of("c-2");
        Optional<Touchpoint> touchpoint = Optional.of(touchpoint());

        Purchase copy = EventCopies.copier().purchase(source, customer, touchpoint);

        assertSameEvent(copy, source);
        assertThat(copy.customerId()).isSameAs(customer);
        assertThat(copy.touchpoint()).isSameAs(touchpoint);
        assertThat(copy.orderId()).isEqualTo("o-7");
        assertThat(copy.itemCount()).isEqualTo(3);
        assertThat(copy.amount()).isEqualTo(Money.of("19.99", "EUR"));
    }

    @Test
    void aFeedbackCopyIsTheSourceWithTheGivenInstances() {
        FeedbackResponse source = FeedbackResponse.builder(CustomerId.of("c-3"), AT, "nps-q1", FeedbackScale.NPS, 6)
                .eventId("e-3").comment("slow delivery").touchpoint(touchpoint()).build();
        CustomerId customer = CustomerId.of("c-3");
        Optional<Touchpoint> touchpoint = Optional.of(touchpoint());
        String surveyId = new String("nps-q1");

        FeedbackResponse copy = EventCopies.copier().feedbackResponse(source, customer, touchpoint,
                FeedbackScale.NPS, surveyId);

        assertSameEvent(copy, source);
        assertThat(copy.customerId()).isSameAs(customer);
        assertThat(copy.touchpoint()).isSameAs(touchpoint);
        assertThat(copy.surveyId()).isSameAs(surveyId);
        assertThat(copy.score()).isEqualTo(6);
        assertThat(copy.comment()).contains("slow delivery");
    }

    private static void assertSameEvent(Object copy, Object source) {
        assertThat(copy).isNotSameAs(source).isEqualTo(source).hasSameHashCodeAs(source)
                .hasToString(source.toString());
    }

    private static Touchpoint touchpoint() {
        return Touchpoint.of("hotline", "Support hotline", Channel.PHONE);
    }
}
