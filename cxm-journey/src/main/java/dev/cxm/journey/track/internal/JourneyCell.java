package dev.cxm.journey.track.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.cxm.core.model.CustomerId;
import dev.cxm.journey.internal.Micros;
import dev.cxm.journey.track.CustomerJourney;
import dev.cxm.journey.track.StageVisit;

/**
 * One customer's tracking state as the tracker updates it in place: the settled visits and the recent staged
 * events as primitive columns (instant, id hash) and stage names, ordered by instant then hash. The immutable
 * {@link CustomerJourney} is its snapshot. Not thread-safe: the owner locks.
 */
public final class JourneyCell {

    private final CustomerId customer;
    /** The settled visits, appended to in place; copied for a snapshot. */
    private List<StageVisit> settled;
    /** The stage of the last settled visit, or null: read per event, so kept beside the list. */
    private String lastSettled;
    /** Instant and id hash of each recent event, interleaved: one array to load, not two. */
    private long[] entries;
    private String[] stages;
    private int from;
    private int to;

    private JourneyCell(CustomerId customer, List<StageVisit> settled, int capacity) {
        this.customer = customer;
        this.settled = new ArrayList<>(settled);
        this.lastSettled = settled.isEmpty() ? null : settled.get(settled.size() - 1).stage();
        this.entries = new long[2 * capacity];
        this.stages = new String[capacity];
    }

    /**
     * Returns the cell of a customer's first staged event.
     *
     * @param customer the customer
     * @param time the event's instant in microseconds
     * @param hash its id's hash
     * @param stage its stage
     * @return the cell
     */
    public static JourneyCell first(CustomerId customer, long time, long hash, String stage) {
        JourneyCell cell = new JourneyCell(customer, List.of(), 4);
        cell.entries[0] = time;
        cell.entries[1] = hash;
        cell.stages[0] = stage;
        cell.to = 1;
        return cell;
    }

    /**
     * Returns a cell holding a copy of a journey.
     *
     * @param journey the journey
     * @return the cell
     */
    public static JourneyCell of(CustomerJourney journey) {
        RecentEvents recent = (RecentEvents) journey.recent();
        JourneyCell cell = new JourneyCell(journey.customer(), journey.settled(), Math.max(4, recent.size() * 2));
        for (int i = 0; i < recent.size(); i++) {
            cell.entries[2 * i] = recent.time(i);
            cell.entries[2 * i + 1] = recent.hash(i);
            cell.stages[i] = recent.stage(i);
        }
        cell.to = recent.size();
        return cell;
    }

    /**
     * Replaces this cell's content with a copy of a journey of the same customer.
     *
     * @param journey the journey
     */
    public void replaceWith(CustomerJourney journey) {
        JourneyCell copy = of(journey);
        settled = copy.settled;
        lastSettled = copy.lastSettled;
        entries = copy.entries;
        stages = copy.stages;
        from = 0;
        to = copy.to;
    }

    /**
     * Returns the immutable snapshot.
     *
     * @return the journey
     */
    public CustomerJourney snapshot() {
        int size = size();
        long[] times = new long[size];
        long[] hashes = new long[size];
        for (int i = 0; i < size; i++) {
            times[i] = time(i);
            hashes[i] = hash(i);
        }
        return new CustomerJourney(customer, List.copyOf(settled), RecentEvents.copyOf(times, hashes,
                Arrays.copyOfRange(stages, from, to)));
    }

    /** Returns the customer. */
    public CustomerId customer() {
        return customer;
    }

    /** Returns a copy of the settled visits. */
    public List<StageVisit> settled() {
        return List.copyOf(settled);
    }

    /** Returns how many recent events the cell holds. */
    public int size() {
        return to - from;
    }

    /** Returns the instant of recent event {@code i}. */
    public long time(int i) {
        return entries[2 * (from + i)];
    }

    /** Returns the id hash of recent event {@code i}. */
    public long hash(int i) {
        return entries[2 * (from + i) + 1];
    }

    /** Returns the stage of recent event {@code i}. */
    public String stage(int i) {
        return stages[from + i];
    }

    /** Returns where an event of {@code time} and {@code hash} belongs: after every smaller one. */
    public int positionOf(long time, long hash) {
        int size = size();
        long last = entries[2 * (to - 1)];
        if (time > last || (time == last && hash > entries[2 * (to - 1) + 1])) {
            return size;
        }
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            long t = time(mid);
            if (t < time || (t == time && hash(mid) < hash)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Inserts an event at {@code position}. */
    public void insert(int position, long time, long hash, String stage) {
        if (to == stages.length) {
            int size = size();
            int capacity = Math.max(4, size * 2);
            if (from > 0 && size < stages.length / 2) {
                capacity = stages.length;
            }
            long[] newEntries = new long[2 * capacity];
            String[] newStages = new String[capacity];
            System.arraycopy(entries, 2 * from, newEntries, 0, 2 * size);
            System.arraycopy(stages, from, newStages, 0, size);
            entries = newEntries;
            stages = newStages;
            from = 0;
            to = size;
        }
        int at = from + position;
        if (at < to) {
            System.arraycopy(entries, 2 * at, entries, 2 * at + 2, 2 * (to - at));
            System.arraycopy(stages, at, stages, at + 1, to - at);
        }
        entries[2 * at] = time;
        entries[2 * at + 1] = hash;
        stages[at] = stage;
        to++;
    }

    /**
     * Settles the recent events before {@code watermark}: they leave the recent events, and a visit is added
     * wherever their stage changes.
     *
     * @param watermark the instant before which events are settled
     */
    public void settleBefore(long watermark) {
        int count = 0;
        int size = size();
        while (count < size - 1 && time(count) < watermark) {
            count++;
        }
        if (count == 0) {
            return;
        }
        for (int i = 0; i < count; i++) {
            String stage = stage(i);
            if (!stage.equals(lastSettled)) {
                settled.add(new StageVisit(stage, Micros.toInstant(time(i))));
                lastSettled = stage;
            }
            stages[from + i] = null;
        }
        from += count;
    }

    /**
     * Returns the customer's whole history: the settled visits, then a visit wherever the recent events' stage
     * changes.
     *
     * @return the visits
     */
    public List<StageVisit> history() {
        List<StageVisit> visits = new ArrayList<>(settled);
        String last = lastSettled;
        for (int i = 0; i < size(); i++) {
            if (!stage(i).equals(last)) {
                visits.add(new StageVisit(stage(i), Micros.toInstant(time(i))));
                last = stage(i);
            }
        }
        return visits;
    }

    /**
     * Returns the stage at an instant: that of the latest event at or before it, looking in the recent events
     * first, then in the settled visits.
     *
     * @param at the instant in microseconds
     * @return the stage, or null before the first event
     */
    public String stageAt(long at) {
        int position = at == Long.MAX_VALUE ? size() : positionOf(at + 1, Long.MIN_VALUE);
        if (position > 0) {
            return stage(position - 1);
        }
        String stage = null;
        for (StageVisit visit : settled) {
            if (Micros.of(visit.enteredAt()) > at) {
                break;
            }
            stage = visit.stage();
        }
        return stage;
    }
}
