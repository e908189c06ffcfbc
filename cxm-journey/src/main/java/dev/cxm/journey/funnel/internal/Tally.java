package dev.cxm.journey.funnel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.cxm.core.internal.store.columns.TimelineColumns;
import dev.cxm.core.model.CustomerId;
import dev.cxm.journey.funnel.FunnelCounts;
import dev.cxm.journey.internal.LongList;

/**
 * The mutable counts behind a {@link FunnelCounts}: customers per step, times to convert, and the first
 * customers by id who dropped off after each step.
 */
public final class Tally {

    private final String group;
    private final int sample;
    private final long[] reached;
    private final LongList[] times;
    private final List<TreeSet<CustomerId>> droppedOff;
    /** Per step, the order key of the last customer kept, while {@link #lastKnown}. */
    private final long[] lastKeys;
    private final boolean[] lastKnown;

    /**
     * Creates empty counts.
     *
     * @param group the group's name; empty for the overall counts
     * @param steps the funnel's steps
     * @param sample how many customers who dropped off to keep per step
     */
    public Tally(String group, int steps, int sample) {
        this.group = group;
        this.sample = sample;
        this.reached = new long[steps];
        this.times = new LongList[steps - 1];
        this.droppedOff = new ArrayList<>(steps - 1);
        this.lastKeys = new long[Math.max(0, steps - 1)];
        this.lastKnown = new boolean[Math.max(0, steps - 1)];
        for (int i = 0; i < steps - 1; i++) {
            times[i] = new LongList();
            droppedOff.add(new TreeSet<>());
        }
    }

    /**
     * Creates counts that continue from a state's.
     *
     * @param counts the state's counts
     * @param sample how many customers who dropped off to keep per step
     */
    public Tally(FunnelCounts counts, int sample) {
        this(counts.group(), counts.reached().length, sample);
        long[] fromState = counts.reached();
        System.arraycopy(fromState, 0, reached, 0, reached.length);
        List<long[]> stateTimes = counts.conversionMicros();
        for (int i = 0; i < times.length; i++) {
            times[i] = new LongList(stateTimes.get(i));
            for (CustomerId customer : counts.droppedOff().get(i)) {
                keep(i, customer);
            }
        }
    }

    /**
     * Counts one customer who reached {@code level} steps.
     *
     * @param customer the customer
     * @param level the steps reached, 1 or more
     * @param stepTimes the instants of the path's steps (microseconds), index 0 for step 1
     */
    public void record(CustomerId customer, int level, long[] stepTimes) {
        count(level, stepTimes);
        if (level < reached.length) {
            keep(level - 1, customer);
        }
    }

    /**
     * Counts one customer who reached {@code level} steps, as {@link #record(CustomerId, int, long[])} does,
     * with the {@link TimelineColumns#orderKey} of their id: a customer whose key shows them after every one
     * kept as dropping off is passed over without their id being read.
     *
     * @param customer the customer
     * @param orderKey the key of the customer's id
     * @param level the steps reached, 1 or more
     * @param stepTimes the instants of the path's steps (microseconds), index 0 for step 1
     */
    public void record(CustomerId customer, long orderKey, int level, long[] stepTimes) {
        int step = level - 1;
        if (level < reached.length && sample > 0 && droppedOff.get(step).size() >= sample) {
            if (!lastKnown[step]) {
                lastKeys[step] = TimelineColumns.orderKey(droppedOff.get(step).last());
                lastKnown[step] = true;
            }
            if (Long.compareUnsigned(orderKey, lastKeys[step]) > 0) {
                count(level, stepTimes);
                return;
            }
        }
        record(customer, level, stepTimes);
    }

    /** Counts the steps reached and the times between them, without the drop-off sample. */
    private void count(int level, long[] stepTimes) {
        for (int i = 0; i < level; i++) {
            reached[i]++;
        }
        for (int i = 1; i < level; i++) {
            times[i - 1].add(stepTimes[i] - stepTimes[i - 1]);
        }
    }

    private void keep(int step, CustomerId customer) {
        TreeSet<CustomerId> kept = droppedOff.get(step);
        if (sample == 0 || (kept.size() >= sample && customer.compareTo(kept.last()) >= 0)) {
            return;
        }
        kept.add(customer);
        if (kept.size() > sample) {
            kept.pollLast();
        }
        lastKnown[step] = false;
    }

    /**
     * Adds another tally's counts.
     *
     * @param other counts of the same funnel
     */
    public void merge(Tally other) {
        for (int i = 0; i < reached.length; i++) {
            reached[i] += other.reached[i];
        }
        for (int i = 0; i < times.length; i++) {
            times[i].addAll(other.times[i]);
            for (CustomerId customer : other.droppedOff.get(i)) {
                keep(i, customer);
            }
        }
    }

    /** Returns the group's name. */
    public String group() {
        return group;
    }

    /** Returns how many customers reached step {@code step} (from 1). */
    public long reached(int step) {
        return reached[step - 1];
    }

    /** Returns the times to convert into step {@code step} (from 2), sorted. */
    public long[] sortedTimes(int step) {
        return times[step - 2].sorted();
    }

    /** Returns the sample of customers who dropped off after step {@code step} (from 1, not the last). */
    public List<CustomerId> droppedOff(int step) {
        return List.copyOf(droppedOff.get(step - 1));
    }

    /**
     * Returns the counts as state.
     *
     * @return the counts
     */
    public FunnelCounts toCounts() {
        List<long[]> copies = new ArrayList<>();
        for (LongList list : times) {
            copies.add(list.toArray());
        }
        List<List<CustomerId>> samples = droppedOff.stream().map(set -> (List<CustomerId>) List.copyOf(set)).toList();
        return new FunnelCounts(group, reached, copies, samples);
    }
}
