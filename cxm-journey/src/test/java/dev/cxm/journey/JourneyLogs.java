package dev.cxm.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.map.Stage;

/**
 * Small generated event logs for the brute-force checks: a few customers, a few touchpoints named by one
 * letter, instants on a coarse grid so that ties and window edges happen often.
 */
public final class JourneyLogs {

    /** The instant all generated logs start at. */
    public static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    private static final long HOUR = 60;
    private static final long DAY = 24 * HOUR;

    /**
     * The worked example of docs/journeys.md: five customers at home, product, checkout, search and hotline
     * (minutes after 09:00 of 2026-03-01: ann 0/5/20, bob 0/10/hotline 15/40, cat product 60, home 65, product
     * 90, checkout 180, dan home 120, home 150, product 165, eve home 180, search 181, product 182), with a
     * {@code utm} attribute on some home visits.
     */
    public static final List<CustomerEvent> WORKED_EXAMPLE = List.of(
            at("a1", "ann", "home", 540, Map.of("utm", "ads")), at("a2", "ann", "product", 545),
            at("a3", "ann", "checkout", 560),
            at("b1", "bob", "home", 540, Map.of("utm", "mail")), at("b2", "bob", "product", 550),
            at("b3", "bob", "hotline", 555), at("b4", "bob", "checkout", 580),
            at("c1", "cat", "product", 600), at("c2", "cat", "home", 605, Map.of("utm", "ads")),
            at("c3", "cat", "product", 630), at("c4", "cat", "checkout", 720),
            at("d1", "dan", "home", 660, Map.of("utm", "mail")), at("d2", "dan", "home", 690, Map.of("utm", "ads")),
            at("d3", "dan", "product", 705),
            at("e1", "eve", "home", 720), at("e2", "eve", "search", 721), at("e3", "eve", "product", 722));

    /**
     * The log built to deviate from the retail map (JourneyMapTestMaps.retail()) in known ways, one customer
     * per deviation: ok, skipper (a skipped stage), backer (a backward move), outsider (a touchpoint outside the
     * map), slow (two days in purchase, expected one).
     */
    public static final List<CustomerEvent> DEVIATING = List.of(
            // ok: awareness, consideration, purchase (3 hours), loyalty: three allowed moves.
            at("o1", "ok", "ad", 0), at("o2", "ok", "product", HOUR), at("o3", "ok", "checkout", 2 * HOUR),
            at("o4", "ok", "newsletter", 5 * HOUR),
            // skipper: awareness straight to purchase: a skipped stage.
            at("s1", "skipper", "ad", 0), at("s2", "skipper", "checkout", HOUR),
            // backer: consideration back to awareness: a backward move.
            at("b1", "backer", "ad", 0), at("b2", "backer", "product", HOUR), at("b3", "backer", "ad", 2 * HOUR),
            // outsider: a touchpoint the map does not hold.
            at("u1", "outsider", "ad", 0), at("u2", "outsider", "faq", 30), at("u3", "outsider", "product", HOUR),
            // slow: two days in purchase (expected one), then service.
            at("w1", "slow", "checkout", 0), at("w2", "slow", "hotline", 2 * DAY));

    private JourneyLogs() {}

    /**
     * Returns the retail map of the module README (whose snippet is this method's body): awareness,
     * consideration, purchase (expected 1 day), service (3 days), loyalty; loyalty may go back to purchase.
     *
     * @return the map
     */
    public static JourneyMap retailMap() {
        // README:map
        JourneyMap map = JourneyMap.builder()
                .stage(Stage.named("awareness").touchpoints("ad", "blog").expectedTime(Duration.ofDays(14)).build())
                .stage(Stage.named("consideration").touchpoints("product", "compare").build())
                .stage(Stage.named("purchase").touchpoints("cart").momentsOfTruth("checkout")
                        .eventTypes(EventType.PURCHASE).expectedTime(Duration.ofDays(1)).build())
                .stage(Stage.named("service").touchpoints("hotline", "chat").expectedTime(Duration.ofDays(3)).build())
                .stage(Stage.named("loyalty").touchpoints("newsletter").finalStage().build())
                .transition("awareness", "consideration").transition("consideration", "purchase")
                .transition("purchase", "service").transition("purchase", "loyalty")
                .transition("service", "loyalty").transition("loyalty", "purchase")
                .build();
        // README end
        return map;
    }

    /**
     * Returns an interaction at a touchpoint named {@code touchpoint}, {@code minutes} after {@link #START}.
     *
     * @param id the event id
     * @param customer the customer
     * @param touchpoint the touchpoint's id and name
     * @param minutes minutes after the start
     * @return the event
     */
    public static Interaction at(String id, String customer, String touchpoint, long minutes) {
        return at(id, customer, touchpoint, minutes, Map.of());
    }

    /**
     * Returns an interaction with attributes.
     *
     * @param id the event id
     * @param customer the customer
     * @param touchpoint the touchpoint's id and name
     * @param minutes minutes after the start
     * @param attributes the attributes
     * @return the event
     */
    public static Interaction at(String id, String customer, String touchpoint, long minutes,
            Map<String, String> attributes) {
        return new Interaction(EventId.of(id), CustomerId.of(customer), START.plus(Duration.ofMinutes(minutes)),
                Touchpoint.of(touchpoint, touchpoint, Channel.WEB), "ok", Duration.ZERO, attributes);
    }

    /**
     * Returns a random log: up to {@code customers} customers with up to {@code maxEvents} events each, at the
     * given touchpoints, at whole minutes in {@code [0, span)}, some with attribute {@code src} of a/b.
     *
     * @param random the source of randomness
     * @param customers the most customers
     * @param maxEvents the most events per customer
     * @param touchpoints the touchpoints to draw from
     * @param span the minutes the instants are drawn from
     * @return the events, in no particular order
     */
    public static List<CustomerEvent> random(Random random, int customers, int maxEvents, List<String> touchpoints,
            int span) {
        List<CustomerEvent> events = new ArrayList<>();
        int id = 0;
        for (int c = 0; c < customers; c++) {
            int n = random.nextInt(maxEvents + 1);
            for (int i = 0; i < n; i++) {
                String touchpoint = touchpoints.get(random.nextInt(touchpoints.size()));
                Map<String, String> attributes = random.nextInt(3) == 0 ? Map.of()
                        : Map.of("src", random.nextBoolean() ? "a" : "b");
                events.add(at("e" + (id++), "c" + c, touchpoint, random.nextInt(span), attributes));
            }
        }
        java.util.Collections.shuffle(events, random);
        return events;
    }

    /**
     * Returns one random timeline of a random customer ({@code c0} to {@code c49}) with 1 to {@code maxEvents}
     * events; event ids are unique across calls with different seeds only by chance, so they carry the seed.
     *
     * @param seed the seed
     * @param touchpoints the touchpoints to draw from
     * @param maxEvents the most events
     * @param span the minutes the instants are drawn from
     * @return the timeline
     */
    public static CustomerTimeline randomTimeline(long seed, List<String> touchpoints, int maxEvents, int span) {
        Random random = new Random(seed);
        String customer = "c" + random.nextInt(50);
        List<CustomerEvent> events = new ArrayList<>();
        int n = 1 + random.nextInt(maxEvents);
        for (int i = 0; i < n; i++) {
            Map<String, String> attributes = random.nextInt(3) == 0 ? Map.of()
                    : Map.of("src", random.nextBoolean() ? "a" : "b");
            events.add(at(seed + "-" + i, customer, touchpoints.get(random.nextInt(touchpoints.size())),
                    random.nextInt(span), attributes));
        }
        return timelines(events).get(0);
    }

    /**
     * Returns a timeline's cases as the brute-force tests count them: the whole timeline, or its sessions cut
     * wherever a pause is longer than 30 minutes.
     *
     * @param events one customer's events in time order
     * @param perSession whether to cut sessions
     * @return the cases
     */
    public static List<List<CustomerEvent>> cases(List<CustomerEvent> events, boolean perSession) {
        if (!perSession) {
            return List.of(events);
        }
        List<List<CustomerEvent>> sessions = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (i == 0 || Duration.between(events.get(i - 1).occurredAt(), events.get(i).occurredAt())
                    .compareTo(Duration.ofMinutes(30)) > 0) {
                sessions.add(new ArrayList<>());
            }
            sessions.get(sessions.size() - 1).add(events.get(i));
        }
        return sessions;
    }

    /**
     * Groups events into timelines as a store gives them: customers by id, events in time order (ties in the
     * given order).
     *
     * @param events the events
     * @return the timelines
     */
    public static List<CustomerTimeline> timelines(List<? extends CustomerEvent> events) {
        Map<CustomerId, List<CustomerEvent>> byCustomer = new java.util.TreeMap<>();
        for (CustomerEvent event : events) {
            byCustomer.computeIfAbsent(event.customerId(), c -> new ArrayList<>()).add(event);
        }
        List<CustomerTimeline> timelines = new ArrayList<>();
        byCustomer.forEach((customer, list) -> {
            list.sort(Comparator.comparing(CustomerEvent::occurredAt));
            timelines.add(new CustomerTimeline(customer, list));
        });
        return timelines;
    }
}
