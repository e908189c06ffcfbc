package dev.cxm.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;

/**
 * The event log the journey benchmarks share: interactions of {@code events / 10} customers at 8 touchpoints
 * ({@code t0} to {@code t7}), drawn uniformly, spread evenly over 90 days in time order, each interaction of
 * a customer drawn at random: about 10 per customer.
 */
final class JourneyData {

    /** The instant of the first event. */
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** The touchpoints' ids. */
    static final int TOUCHPOINTS = 8;

    private JourneyData() {}

    /**
     * Returns the log in time order.
     *
     * @param events how many interactions
     * @return the events
     */
    static List<CustomerEvent> log(int events) {
        SplittableRandom random = new SplittableRandom(42);
        int customers = events / 10;
        CustomerId[] ids = new CustomerId[customers];
        for (int c = 0; c < customers; c++) {
            ids[c] = CustomerId.of("c" + c);
        }
        Touchpoint[] touchpoints = new Touchpoint[TOUCHPOINTS];
        for (int t = 0; t < TOUCHPOINTS; t++) {
            touchpoints[t] = Touchpoint.of("t" + t, "Touchpoint " + t, Channel.WEB);
        }
        long start = START.getEpochSecond();
        long span = Duration.ofDays(90).getSeconds();
        List<CustomerEvent> log = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            log.add(new Interaction(EventId.of("e" + i), ids[random.nextInt(customers)],
                    Instant.ofEpochSecond(start + i * span / events), touchpoints[random.nextInt(TOUCHPOINTS)], "ok",
                    Duration.ZERO, Map.of()));
        }
        return log;
    }
}
