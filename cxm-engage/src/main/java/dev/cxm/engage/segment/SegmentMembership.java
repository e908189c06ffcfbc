package dev.cxm.engage.segment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.privacy.ErasureParticipant;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.ProfileListener;

/**
 * Keeps who is in which segment as profiles change: each changed profile is evaluated against every segment,
 * and listeners hear every entry and exit. As a {@link ProfileListener} it follows a
 * {@link dev.cxm.engage.profile.CustomerProfiles} directly, evaluating at its clock's instant; conditions on the
 * time since an instant change with time alone, so call {@link #refresh} on a schedule for those.
 *
 * <pre>{@code
 * SegmentMembership membership = SegmentMembership.of(SegmentJson.read(json), clock);
 * membership.addListener(change -> log.info("{} {} {}", change.customer(), change.entered() ? "joined" : "left",
 *         change.segment()));
 * profiles.addListener(membership);
 * }</pre>
 *
 * <p>Thread-safe (one lock); listeners are called outside it. As an {@link ErasureParticipant} it forgets a
 * customer's memberships.
 */
public final class SegmentMembership implements ProfileListener, ErasureParticipant {

    private final List<Segment> segments;
    private final Clock clock;
    private final Map<CustomerId, Set<String>> segmentsOf = new HashMap<>();
    private final Map<String, Set<CustomerId>> members = new HashMap<>();
    private final List<SegmentListener> listeners = new CopyOnWriteArrayList<>();

    private SegmentMembership(List<Segment> segments, Clock clock) {
        this.segments = List.copyOf(Checks.noNullElements("segments", segments));
        this.clock = Checks.present("clock", clock);
        Set<String> names = new HashSet<>();
        for (Segment segment : this.segments) {
            if (!names.add(segment.name())) {
                throw new IllegalArgumentException("segments: " + segment.name() + " is named twice; names are unique");
            }
            members.put(segment.name(), new HashSet<>());
        }
    }

    /**
     * Returns an empty membership of {@code segments}, evaluated at the instants of {@code clock} when it
     * follows profiles.
     *
     * @param segments the segments, names unique
     * @param clock the clock
     * @return the membership
     * @throws IllegalArgumentException when two segments share a name
     */
    public static SegmentMembership of(List<Segment> segments, Clock clock) {
        return new SegmentMembership(segments, clock);
    }

    /**
     * Returns the segments kept.
     *
     * @return the segments
     */
    public List<Segment> segments() {
        return segments;
    }

    /**
     * Adds a listener, which hears every later entry and exit.
     *
     * @param listener the listener
     * @return this membership
     */
    public SegmentMembership addListener(SegmentListener listener) {
        listeners.add(Checks.present("listener", listener));
        return this;
    }

    @Override
    public void profileChanged(CustomerProfile before, CustomerProfile after) {
        update(after, clock.instant());
    }

    /**
     * Evaluates a profile against every segment at {@code now}, and reports the entries and exits.
     *
     * @param profile the profile
     * @param now the instant durations since are measured to
     * @return the entries and exits, in the order of the segments
     */
    public List<SegmentChange> update(CustomerProfile profile, Instant now) {
        Checks.present("profile", profile);
        Checks.present("now", now);
        List<SegmentChange> changes = new ArrayList<>();
        synchronized (this) {
            Set<String> current = segmentsOf.getOrDefault(profile.customerId(), Set.of());
            Set<String> next = new LinkedHashSet<>();
            for (Segment segment : segments) {
                boolean in = segment.contains(profile, now);
                if (in) {
                    next.add(segment.name());
                }
                if (in != current.contains(segment.name())) {
                    changes.add(new SegmentChange(profile.customerId(), segment.name(), in, now));
                    if (in) {
                        members.get(segment.name()).add(profile.customerId());
                    } else {
                        members.get(segment.name()).remove(profile.customerId());
                    }
                }
            }
            if (next.isEmpty()) {
                segmentsOf.remove(profile.customerId());
            } else {
                segmentsOf.put(profile.customerId(), Set.copyOf(next));
            }
        }
        for (SegmentChange change : changes) {
            listeners.forEach(listener -> listener.changed(change));
        }
        return List.copyOf(changes);
    }

    /**
     * Evaluates every given profile at {@code now}: for conditions on the time since an instant, which change
     * with time alone.
     *
     * @param profiles the profiles
     * @param now the instant
     * @return every entry and exit
     */
    public List<SegmentChange> refresh(Collection<CustomerProfile> profiles, Instant now) {
        List<SegmentChange> changes = new ArrayList<>();
        Checks.present("profiles", profiles).forEach(profile -> changes.addAll(update(profile, now)));
        return List.copyOf(changes);
    }

    /**
     * Returns the segments a customer is in.
     *
     * @param customer the customer
     * @return the segments' names, in the order of the segments
     */
    public synchronized Set<String> segmentsOf(CustomerId customer) {
        return segmentsOf.getOrDefault(Checks.present("customer", customer), Set.of());
    }

    /**
     * Returns the members of a segment.
     *
     * @param segment the segment's name
     * @return a snapshot of its members
     * @throws IllegalArgumentException when no segment has that name
     */
    public synchronized Set<CustomerId> members(String segment) {
        Set<CustomerId> in = members.get(Checks.present("segment", segment));
        if (in == null) {
            throw new IllegalArgumentException("segment: " + segment + " is not a segment of this membership");
        }
        return Set.copyOf(in);
    }

    /**
     * Forgets a customer, for erasure; listeners are not told (an exit heard by a listener would name the
     * customer again).
     *
     * @param customer the customer
     * @return the memberships removed: the number of segments the customer was in
     */
    @Override
    public synchronized long forget(CustomerId customer) {
        Set<String> in = segmentsOf.remove(Checks.present("customer", customer));
        if (in == null) {
            return 0;
        }
        in.forEach(segment -> members.get(segment).remove(customer));
        return in.size();
    }
}
