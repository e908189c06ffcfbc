package dev.cxm.journey.funnel;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;

/**
 * What a funnel counted for all customers or one group: part of a {@link FunnelState}.
 *
 * @param group the group's name; empty for the overall counts
 * @param reached per step, how many customers reached it; never increasing
 * @param conversionMicros per step after the first, the times (in microseconds) from the previous step of
 *     the customers who reached it, in no particular order
 * @param droppedOff per step but the last, the first customers by id who reached it and not the next, up to
 *     the sample size
 */
@JsonPropertyOrder({"group", "reached", "conversionMicros", "droppedOff"})
public record FunnelCounts(String group, long[] reached, List<long[]> conversionMicros,
        List<List<CustomerId>> droppedOff) {

    /**
     * Validates the counts and copies them.
     *
     * @param group the group's name; empty for the overall counts
     * @param reached customers per step; 0 or more, never increasing
     * @param conversionMicros per later step, one time of 0 or more per customer who reached it
     * @param droppedOff per step but the last, a sample of those who dropped off, ascending
     * @throws IllegalArgumentException naming the field when the counts do not fit together
     */
    public FunnelCounts {
        Checks.present("group", group);
        reached = Checks.present("reached", reached).clone();
        List<long[]> times = new ArrayList<>();
        for (long[] list : Checks.noNullElements("conversionMicros", conversionMicros)) {
            times.add(list.clone());
        }
        conversionMicros = List.copyOf(times);
        droppedOff = Checks.noNullElements("droppedOff", droppedOff).stream()
                .map(sample -> List.copyOf(Checks.noNullElements("droppedOff", sample))).toList();
        int steps = reached.length;
        if (steps == 0 || conversionMicros.size() != steps - 1 || droppedOff.size() != steps - 1) {
            throw new IllegalArgumentException("reached: " + steps + " steps with " + conversionMicros.size()
                    + " lists of times and " + droppedOff.size() + " samples; a funnel of n steps has n - 1 of each");
        }
        for (int i = 0; i < steps; i++) {
            if (reached[i] < 0 || (i > 0 && reached[i] > reached[i - 1])) {
                throw new IllegalArgumentException("reached: step " + (i + 1) + " has " + reached[i] + " customers;"
                        + " counts are 0 or more and never grow along a funnel");
            }
            if (i > 0 && conversionMicros.get(i - 1).length != reached[i]) {
                throw new IllegalArgumentException("conversionMicros: step " + (i + 1) + " has "
                        + conversionMicros.get(i - 1).length + " times for " + reached[i] + " customers");
            }
        }
        for (long[] list : conversionMicros) {
            for (long micros : list) {
                if (micros < 0) {
                    throw new IllegalArgumentException("conversionMicros: a time is negative");
                }
            }
        }
    }

    /**
     * Returns a copy of the customers per step.
     *
     * @return the counts
     */
    @Override
    public long[] reached() {
        return reached.clone();
    }

    /**
     * Returns copies of the times from the previous step.
     *
     * @return the times per later step
     */
    @Override
    public List<long[]> conversionMicros() {
        return conversionMicros.stream().map(long[]::clone).toList();
    }
}
