package dev.cxm.core.store.kit;

import java.time.Duration;
import java.time.Instant;

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
    /** A web touchpoint in the "purchase" stage. */
    public static final Touchpoint CHECKOUT = Touchpoint.of("checkout", "Checkout page", Channel.WEB).inStage("purchase");
    /** A phone touchpoint without a stage. */
    public static final Touchpoint HOTLINE = Touchpoint.of("hotline", "Support hotline", Channel.PHONE);

    private TestEvents() {}

    /** Returns the instant {@code second} seconds after {@link #EPOCH}. */
    public static Instant at(long second) {
        return EPOCH.plusSeconds(second);
    }

    /** Returns an interaction with id {@code id} of {@code customer} at {@code touchpoint}. */
    public static Interaction interaction(String id, String customer, long second, Touchpoint touchpoint) {
        return Interaction.builder(CustomerId.of(customer), at(second), touchpoint)
                .eventId(id).outcome("completed").duration(Duration.ofSeconds(30)).build();
    }

    /** Returns a purchase of {@code amount} EUR. */
    public static Purchase purchase(String id, String customer, long second, String amount) {
        return Purchase.builder(CustomerId.of(customer), at(second), Money.of(amount, "EUR"))
                .eventId(id).itemCount(2).touchpoint(CHECKOUT).build();
    }

    /** Returns an NPS response rating the hotline. */
    public static FeedbackResponse nps(String id, String customer, long second, int score) {
        return FeedbackResponse.builder(CustomerId.of(customer), at(second), "relationship-nps", FeedbackScale.NPS, score)
                .eventId(id).touchpoint(HOTLINE).build();
    }

    /** Returns a copy of {@code event} under another id, otherwise equal. */
    public static CustomerEvent withId(CustomerEvent event, String id) {
        if (event instanceof Interaction i) {
            return new Interaction(EventId.of(id), i.customerId(), i.occurredAt(), i.touchpoint(), i.outcome(),
                    i.duration(), i.attributes());
        }
        if (event instanceof Purchase p) {
            return new Purchase(EventId.of(id), p.customerId(), p.occurredAt(), p.orderId(), p.amount(),
                    p.itemCount(), p.touchpoint(), p.attributes());
        }
        FeedbackResponse f = (FeedbackResponse) event;
        return new FeedbackResponse(EventId.of(id), f.customerId(), f.occurredAt(), f.surveyId(), f.scale(),
                f.score(), f.comment(), f.touchpoint(), f.attributes());
    }
}
