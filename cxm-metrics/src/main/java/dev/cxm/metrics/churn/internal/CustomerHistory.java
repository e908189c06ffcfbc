package dev.cxm.metrics.churn.internal;

import java.time.Instant;
import java.util.Arrays;

/**
 * The instants (as epoch nanoseconds) of one customer's activity and cancellations, turned into the
 * customer's active spells under a churn definition.
 *
 * <p>A spell is a half-open stretch [start, end) during which the customer is active; end is the churn
 * moment, {@link Long#MAX_VALUE} while the customer is still active at the end of the data.
 */
public final class CustomerHistory {

    /** The end of a spell that has not ended. */
    public static final long OPEN = Long.MAX_VALUE;

    private long[] activity = new long[4];
    private int activityCount;
    private long[] cancellations = new long[0];
    private int cancellationCount;
    private long groupAt = Long.MAX_VALUE;
    private String group;

    /** Returns {@code instant} as epoch nanoseconds, the unit histories are kept in. */
    public static long nanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("occurredAt: " + instant + " is outside the years 1678..2261 that"
                    + " churn rates handle", e);
        }
    }

    /** Returns epoch nanoseconds as an instant. */
    public static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** Records an event at {@code nanos}: a cancellation or other activity. */
    public void add(long nanos, boolean cancellation) {
        if (cancellation) {
            if (cancellationCount == cancellations.length) {
                cancellations = Arrays.copyOf(cancellations, Math.max(4, cancellationCount * 2));
            }
            cancellations[cancellationCount++] = nanos;
        } else {
            if (activityCount == activity.length) {
                activity = Arrays.copyOf(activity, activityCount * 2);
            }
            activity[activityCount++] = nanos;
        }
    }

    /**
     * Offers the group an event at {@code nanos} has: the history keeps the group of the earliest such event,
     * and of events at the same instant the smallest group, so that the order of events does not matter.
     */
    public void offerGroup(long nanos, String value) {
        if (nanos < groupAt || (nanos == groupAt && value.compareTo(group) < 0)) {
            groupAt = nanos;
            group = value;
        }
    }

    /** Returns the group of the earliest event that had one, or {@code fallback} when none had. */
    public String groupOr(String fallback) {
        return group == null ? fallback : group;
    }

    /** Adds every event of {@code other} to this history. */
    public void merge(CustomerHistory other) {
        for (int i = 0; i < other.activityCount; i++) {
            add(other.activity[i], false);
        }
        for (int i = 0; i < other.cancellationCount; i++) {
            add(other.cancellations[i], true);
        }
        if (other.group != null) {
            offerGroup(other.groupAt, other.group);
        }
    }

    /**
     * Returns the spells of a non-contractual customer: a new spell starts at an event more than
     * {@code inactivityNanos} after the previous one, and a spell ends {@code inactivityNanos} after its
     * last event.
     *
     * @return start and end of each spell, interleaved, in time order
     */
    public long[] nonContractualSpells(long inactivityNanos) {
        long[] times = Arrays.copyOf(activity, activityCount);
        Arrays.sort(times);
        long[] spells = new long[2 * times.length];
        int count = 0;
        for (int i = 0; i < times.length; i++) {
            if (i == 0 || times[i] - times[i - 1] > inactivityNanos) {
                if (i > 0) {
                    spells[count++] = SaturatingMath.add(times[i - 1], inactivityNanos);
                }
                spells[count++] = times[i];
            }
        }
        if (count > 0) {
            spells[count++] = SaturatingMath.add(times[times.length - 1], inactivityNanos);
        }
        return Arrays.copyOf(spells, count);
    }

    /**
     * Returns the spells of a contractual customer: a spell starts at an activity while the customer is
     * inactive and ends at the next cancellation; at one instant, activity comes before cancellation.
     *
     * @return start and end of each spell, interleaved, in time order; the last end may be {@link #OPEN}
     */
    public long[] contractualSpells() {
        long[] starts = Arrays.copyOf(activity, activityCount);
        long[] ends = Arrays.copyOf(cancellations, cancellationCount);
        Arrays.sort(starts);
        Arrays.sort(ends);
        long[] spells = new long[2 * starts.length];
        int count = 0;
        int c = 0;
        boolean active = false;
        for (long start : starts) {
            while (c < ends.length && ends[c] < start) {
                if (active) {
                    spells[count++] = ends[c];
                    active = false;
                }
                c++;
            }
            if (!active) {
                spells[count++] = start;
                active = true;
            }
        }
        if (active) {
            // Every cancellation left is at or after the last activity, so the first of them ends the spell.
            spells[count++] = c < ends.length ? ends[c] : OPEN;
        }
        return Arrays.copyOf(spells, count);
    }
}
