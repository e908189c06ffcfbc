package dev.cxm.engage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.ConsentStatus;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.map.Stage;

/** Random and hand-made event logs for the engage tests. */
public final class EngageLogs {

    /** The instant minute 0 of every log stands for. */
    public static final Instant EPOCH = Instant.parse("2026-01-05T00:00:00Z");

    /** Touchpoints on several channels; the first four are placed in stages by {@link #MAP}. */
    public static final List<Touchpoint> TOUCHPOINTS = List.of(
            Touchpoint.of("ad", "Display ad", Channel.WEB),
            Touchpoint.of("product", "Product page", Channel.WEB),
            Touchpoint.of("checkout", "Checkout", Channel.WEB),
            Touchpoint.of("hotline", "Hotline", Channel.PHONE),
            Touchpoint.of("store", "Store", Channel.STORE),
            Touchpoint.of("app", "App", Channel.MOBILE_APP));

    /** A journey map over the first four touchpoints. */
    public static final JourneyMap MAP = JourneyMap.builder()
            .stage(Stage.named("awareness").touchpoints("ad").build())
            .stage(Stage.named("consideration").touchpoints("product").build())
            .stage(Stage.named("purchase").touchpoints("checkout").expectedTime(Duration.ofDays(1)).build())
            .stage(Stage.named("service").touchpoints("hotline").build())
            .transition("awareness", "consideration").transition("consideration", "purchase")
            .transition("purchase", "service").transition("service", "purchase")
            .build();

    private static final List<String> COMMENTS = List.of("great service, thank you", "terrible, slow and rude",
            "ok", "I love the new app", "never again", "fine I guess");

    private EngageLogs() {}

    /** Returns the instant {@code minute} minutes after {@link #EPOCH}. */
    public static Instant minute(long minute) {
        return EPOCH.plus(Duration.ofMinutes(minute));
    }

    /**
     * Returns a random log of up to {@code customers} customers with up to {@code perCustomer} events each, ids
     * unique; with {@code distinct}, a customer's events at distinct minutes, else drawn from few minutes so that
     * instants repeat.
     */
    public static List<CustomerEvent> random(Random random, int customers, int perCustomer, boolean distinct) {
        List<CustomerEvent> events = new ArrayList<>();
        int n = 1 + random.nextInt(customers);
        for (int c = 0; c < n; c++) {
            List<Integer> minutes = new ArrayList<>();
            for (int m = 0; m < 400; m++) {
                minutes.add(m);
            }
            Collections.shuffle(minutes, random);
            int count = random.nextInt(perCustomer + 1);
            for (int i = 0; i < count; i++) {
                int minute = distinct ? minutes.get(i) : random.nextInt(6);
                events.add(event(random, "c" + c, "c" + c + "-e" + i, minute));
            }
        }
        return events;
    }

    /** Returns one random event of {@code customer}. */
    public static CustomerEvent event(Random random, String customer, String id, long minute) {
        CustomerId who = CustomerId.of(customer);
        Touchpoint touchpoint = TOUCHPOINTS.get(random.nextInt(TOUCHPOINTS.size()));
        switch (random.nextInt(3)) {
            case 0:
                return Interaction.builder(who, minute(minute), touchpoint).eventId(EventId.of(id)).build();
            case 1: {
                String currency = random.nextInt(4) == 0 ? "USD" : "EUR";
                Purchase.Builder purchase = Purchase.builder(who, minute(minute),
                        Money.of(random.nextInt(20000) / 100 + "." + random.nextInt(10), currency)).eventId(EventId.of(id));
                if (random.nextBoolean()) {
                    purchase.touchpoint(touchpoint);
                }
                return purchase.build();
            }
            default: {
                FeedbackScale scale = List.of(FeedbackScale.NPS, FeedbackScale.CSAT, FeedbackScale.CES,
                        FeedbackScale.custom("stars", 1, 10)).get(random.nextInt(4));
                FeedbackResponse.Builder response = FeedbackResponse.builder(who, minute(minute), "s" + random.nextInt(2),
                        scale, scale.min() + random.nextInt(scale.points())).eventId(EventId.of(id));
                if (random.nextBoolean()) {
                    response.comment(COMMENTS.get(random.nextInt(COMMENTS.size())));
                }
                if (random.nextBoolean()) {
                    response.touchpoint(touchpoint);
                }
                return response.build();
            }
        }
    }

    /** Returns a random record of {@code customer}, with attributes and consent decisions. */
    public static Customer record(Random random, String customer) {
        Customer.Builder record = Customer.builder(CustomerId.of(customer), minute(random.nextInt(400)));
        record.profile("tier", List.of("gold", "silver", "bronze").get(random.nextInt(3)));
        for (String purpose : List.of("marketing-email", "marketing-sms")) {
            int decisions = random.nextInt(3);
            for (int i = 0; i < decisions; i++) {
                record.consent(purpose, ConsentStatus.values()[random.nextInt(3)], minute(random.nextInt(400)));
            }
        }
        return record.build();
    }
}
