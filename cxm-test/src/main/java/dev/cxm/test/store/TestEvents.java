package dev.cxm.test.store;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;

/** Small, readable event factories for store tests: times are seconds after {@link #EPOCH}. */
public final class TestEvents {

    /** The instant second 0 of every test timeline stands for. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    /** A web touchpoint with the stage hint "purchase". */
    public static final Touchpoint CHECKOUT = Touchpoint.of("checkout", "Checkout page", Channel.WEB).inStage("purchase");
    /** A phone touchpoint without a stage hint. */
    public static final Touchpoint HOTLINE = Touchpoint.of("hotline", "Support hotline", Channel.PHONE);

    private TestEvents() {}

    /**
     * Returns the instant {@code second} seconds after {@link #EPOCH}.
     *
     * @param second seconds after the epoch of the tests
     * @return the instant
     */
    public static Instant at(long second) {
        return EPOCH.plusSeconds(second);
    }

    /**
     * Returns a completed interaction of 30 seconds.
     *
     * @param id the event id
     * @param customer the customer id
     * @param second when, in seconds after {@link #EPOCH}
     * @param touchpoint where
     * @return the interaction
     */
    public static Interaction interaction(String id, String customer, long second, Touchpoint touchpoint) {
        return Interaction.builder(CustomerId.of(customer), at(second), touchpoint)
                .eventId(id).outcome("completed").duration(Duration.ofSeconds(30)).build();
    }

    /**
     * Returns a purchase of two items at the checkout.
     *
     * @param id the event id
     * @param customer the customer id
     * @param second when, in seconds after {@link #EPOCH}
     * @param amount the amount in EUR, such as {@code "19.90"}
     * @return the purchase
     */
    public static Purchase purchase(String id, String customer, long second, String amount) {
        return Purchase.builder(CustomerId.of(customer), at(second), Money.of(amount, "EUR"))
                .eventId(id).itemCount(2).touchpoint(CHECKOUT).build();
    }

    /**
     * Returns an NPS response rating the hotline.
     *
     * @param id the event id
     * @param customer the customer id
     * @param second when, in seconds after {@link #EPOCH}
     * @param score the score, 0 to 10
     * @return the response
     */
    public static FeedbackResponse nps(String id, String customer, long second, int score) {
        return FeedbackResponse.builder(CustomerId.of(customer), at(second), "relationship-nps", FeedbackScale.NPS, score)
                .eventId(id).touchpoint(HOTLINE).build();
    }

    /**
     * Returns a copy of {@code event} under another id, otherwise equal.
     *
     * @param event the event to copy
     * @param id the copy's id
     * @return the copy
     */
    public static CustomerEvent withId(CustomerEvent event, String id) {
        return copy(event, EventId.of(id), event.occurredAt(), event.attributes());
    }

    /**
     * Returns a copy of {@code event} at another instant, otherwise equal.
     *
     * @param event the event to copy
     * @param instant the copy's instant
     * @return the copy
     */
    public static CustomerEvent at(CustomerEvent event, Instant instant) {
        return copy(event, event.eventId(), instant, event.attributes());
    }

    /**
     * Returns a copy of {@code event} with one more attribute, otherwise equal.
     *
     * @param event the event to copy
     * @param key the attribute's key
     * @param value the attribute's value
     * @return the copy
     */
    public static CustomerEvent withAttribute(CustomerEvent event, String key, String value) {
        Map<String, String> attributes = new LinkedHashMap<>(event.attributes());
        attributes.put(key, value);
        return copy(event, event.eventId(), event.occurredAt(), attributes);
    }

    private static CustomerEvent copy(CustomerEvent event, EventId id, Instant instant, Map<String, String> attributes) {
        if (event instanceof Interaction i) {
            return new Interaction(id, i.customerId(), instant, i.touchpoint(), i.outcome(), i.duration(), attributes);
        }
        if (event instanceof Purchase p) {
            return new Purchase(id, p.customerId(), instant, p.orderId(), p.amount(), p.itemCount(), p.touchpoint(),
                    attributes);
        }
        FeedbackResponse f = (FeedbackResponse) event;
        return new FeedbackResponse(id, f.customerId(), instant, f.surveyId(), f.scale(), f.score(), f.comment(),
                f.touchpoint(), attributes);
    }
}
