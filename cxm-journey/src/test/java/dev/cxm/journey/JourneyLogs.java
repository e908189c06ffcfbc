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
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.store.CustomerTimeline;

/**
 * Small generated event logs for the brute-force checks: a few customers, a few touchpoints named by one
 * letter, instants on a coarse grid so that ties and window edges happen often.
 */
public final class JourneyLogs {

    /** The instant all generated logs start at. */
    public static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    private JourneyLogs() {}

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
