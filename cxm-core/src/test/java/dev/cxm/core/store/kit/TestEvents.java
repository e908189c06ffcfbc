package dev.cxm.core.store.kit;

import java.time.Duration;
import java.time.Instant;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;

/**
 * Small, readable event factories for cxm-core's own tests: times are seconds after {@link #EPOCH}.
 *
 * <p>The store kits and their {@code TestEvents} live in {@code cxm-test} ({@code dev.cxm.test.store}),
 * which depends on cxm-core, so cxm-core's tests cannot use them; these are the same factories.
 */
public final class TestEvents {

    /** The instant second 0 of every test timeline stands for. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    /** A web touchpoint with the stage hint "purchase". */
    public static final Touchpoint CHECKOUT = Touchpoint.of("checkout", "Checkout page", Channel.WEB).inStage("purchase");
    /** A phone touchpoint without a stage hint. */
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
}
