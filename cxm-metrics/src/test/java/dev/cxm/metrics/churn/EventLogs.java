package dev.cxm.metrics.churn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;

/** Small seeded event logs on a grid of whole hours, for brute-force comparisons. */
final class EventLogs {

    static final Instant ORIGIN = Instant.parse("2025-01-01T00:00:00Z");
    static final Touchpoint APP = Touchpoint.of("app", "App", Channel.MOBILE_APP);
    static final String CANCELLED = "cancelled";

    private EventLogs() {}

    /** One event of the log: customer index, hour after {@link #ORIGIN}, and whether it is a cancellation. */
    record Entry(int customer, long hour, boolean cancellation) {
        CustomerEvent toEvent() {
            return Interaction.builder(EventLogs.customer(customer), ORIGIN.plus(Duration.ofHours(hour)), APP)
                    .outcome(cancellation ? CANCELLED : "ok").build();
        }
    }

    static CustomerId customer(int index) {
        return CustomerId.of("c" + index);
    }

    /**
     * Returns a log of {@code customers} customers with 1..8 events each at distinct whole hours in
     * [0, {@code hours}); about one event in five is a cancellation.
     */
    static List<Entry> generate(long seed, int customers, int hours) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Entry> log = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            TreeSet<Long> times = new TreeSet<>();
            int count = 1 + random.nextInt(8);
            while (times.size() < count) {
                times.add((long) random.nextInt(hours));
            }
            for (long hour : times) {
                log.add(new Entry(c, hour, random.nextInt(5) == 0));
            }
        }
        return log;
    }

    static List<CustomerEvent> events(List<Entry> log) {
        return log.stream().map(Entry::toEvent).toList();
    }
}
