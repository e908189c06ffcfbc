package dev.cxm.engage.action;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.cxm.core.internal.Checks;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.segment.Segment;

/**
 * The segments, contact policy and actions of one self-contained definitions file ({@link ActionJson#readCatalogue}):
 * everything needed to decide a customer's next-best action from their profile alone, as {@code cxm next-action}
 * does.
 *
 * <pre>{@code
 * ActionCatalogue catalogue = ActionJson.readCatalogue(reader);
 * Decision decision = catalogue.decide(profile, now, ledger.contactsOf(profile.customerId()));
 * }</pre>
 *
 * @param segments the segments the actions are for, names unique
 * @param decider the actions under their contact policy
 */
public record ActionCatalogue(List<Segment> segments, NextBestAction decider) {

    /**
     * Validates the catalogue.
     *
     * @param segments the segments, names unique
     * @param decider the actions and policy; every segment an action names is among {@code segments}
     * @throws IllegalArgumentException when two segments share a name or an action names a segment not given
     */
    public ActionCatalogue {
        segments = List.copyOf(Checks.noNullElements("segments", segments));
        Checks.present("decider", decider);
        Set<String> names = new HashSet<>();
        for (Segment segment : segments) {
            if (!names.add(segment.name())) {
                throw new IllegalArgumentException("segments: " + segment.name() + " is named twice; names are unique");
            }
        }
        for (Action action : decider.actions()) {
            for (String segment : action.segments()) {
                if (!names.contains(segment)) {
                    throw new IllegalArgumentException("decider: action " + action.name() + " is for segment "
                            + segment + ", which is not among the segments");
                }
            }
        }
    }

    /**
     * Returns the segments a profile is in at {@code now}.
     *
     * @param profile the profile
     * @param now the instant durations since are measured to
     * @return the names of the segments it is in
     */
    public Set<String> segmentsOf(CustomerProfile profile, Instant now) {
        Checks.present("profile", profile);
        Checks.present("now", now);
        Set<String> in = new HashSet<>();
        for (Segment segment : segments) {
            if (segment.contains(profile, now)) {
                in.add(segment.name());
            }
        }
        return in;
    }

    /**
     * Decides a customer's next-best action at {@code now}: their segments evaluated at that instant, then
     * {@link NextBestAction#decide}.
     *
     * @param profile the customer's profile (valued, when an action's value comes from the CLV estimate)
     * @param now the instant of the decision
     * @param contacts the contacts made to the customer, in any order
     * @return the decision
     */
    public Decision decide(CustomerProfile profile, Instant now, List<Contact> contacts) {
        return decider.decide(profile, new DecisionContext(now, segmentsOf(profile, now), contacts));
    }
}
