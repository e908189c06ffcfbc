package dev.cxm.examples.embed;

import java.io.Reader;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.examples.embed.ExampleData.ReplayClock;
import dev.cxm.examples.simulate.SimulatedWorld;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.track.JourneyListener;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.journey.track.StageTracking;
import dev.cxm.journey.track.Stall;

/**
 * Tracking journeys live and reacting to stalls: each event goes to a stage tracker as it arrives, and once a
 * day the host asks for stalls (a stay longer than the map expects) and nudges the customer, once per stay.
 */
public final class JourneyStalls {

    private JourneyStalls() {}

    /**
     * Replays events as they arrive and checks for stalls at every midnight (UTC) between {@code from} and
     * {@code to}.
     *
     * @param map the designed journey map
     * @param events the events, in time order
     * @param from the first day's start
     * @param to the end of the replay, exclusive
     * @return every stall found, in the order found
     */
    public static List<Stall> replay(JourneyMap map, List<CustomerEvent> events, Instant from, Instant to) {
        ReplayClock clock = new ReplayClock(from);
        StageTracker tracker = StageTracking.custom(map).clock(clock).build().tracker();
        List<Stall> nudged = new ArrayList<>();
        tracker.addListener(new JourneyListener() {
            @Override
            public void stalled(Stall stall) {
                nudged.add(stall);   // a host would send the nudge here
            }
        });
        int next = 0;
        for (Instant midnight = from.plus(Duration.ofDays(1)); !midnight.isAfter(to);
                midnight = midnight.plus(Duration.ofDays(1))) {
            while (next < events.size() && events.get(next).occurredAt().isBefore(midnight)) {
                clock.set(events.get(next).occurredAt());
                tracker.track(events.get(next++));
            }
            clock.set(midnight);
            tracker.checkStalls();
        }
        return nudged;
    }

    /**
     * Replays the first 120 days of a simulated world through its journey map and prints the stalls per stage
     * and the first five nudges.
     *
     * @param args none
     * @throws Exception when the world cannot be written or read
     */
    public static void main(String[] args) throws Exception {
        SimulatedWorld world = ExampleData.world(1_000);
        JourneyMap map;
        try (Reader json = Files.newBufferedReader(world.journeyMap())) {
            map = JourneyMap.fromJson(json);
        }
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        List<Stall> stalls = replay(map, ExampleData.eventsInTimeOrder(world), start, start.plus(Duration.ofDays(120)));
        Map<String, Integer> perStage = new TreeMap<>();
        stalls.forEach(stall -> perStage.merge(stall.stage(), 1, Integer::sum));
        System.out.println(stalls.size() + " stalls in 120 days: " + perStage);
        stalls.stream().limit(5).forEach(stall -> System.out.println("nudge " + stall.customer().value() + ": in "
                + stall.stage() + " since " + stall.enteredAt() + ", expected " + stall.expectedTime().toDays()
                + " days"));
    }
}
