package dev.cxm.engage.action;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.privacy.ErasureParticipant;
import dev.cxm.engage.profile.ClvEstimate;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.NpsCategory;
import dev.cxm.journey.track.Stall;

/**
 * Fires the rules of the closed loop as things happen: feed it events ({@link #onEvent}), the journey tracker's
 * stalls ({@link #onStall}) and valued profiles ({@link #onValued}). Each rule fires once per occurrence: an
 * event seen again, or a stall reported again, fires nothing; a win-back fires once per drop below its threshold.
 * It remembers, per customer, the occurrences it fired for (one key each) and the last P(alive) side of each
 * win-back rule's threshold. As an {@link ErasureParticipant} it forgets both: after an erasure it answers for
 * the customer as triggers that never saw them would, so an occurrence delivered again fires again.
 *
 * <pre>{@code
 * Triggers triggers = Triggers.of(List.of(
 *         new Trigger.DetractorFollowUp("detractor-loop", "follow-up-call", Duration.ofHours(48)),
 *         new Trigger.WinBack("win-back", "win-back-offer", 0.5)));
 * for (TriggerFiring firing : triggers.onEvent(event)) {
 *     Decision decision = catalogue.only(firing.action()).decide(profile, context);
 * }
 * }</pre>
 *
 * <p>Thread-safe (one lock).
 */
public final class Triggers implements ErasureParticipant {

    private final List<Trigger> rules;
    /** Per customer, the rule and occurrence of each firing, as {@code rule|occurrence}. */
    private final Map<CustomerId, Set<String>> fired = new HashMap<>();
    /** Per customer, per win-back rule, whether P(alive) was below its threshold when last valued. */
    private final Map<CustomerId, Map<String, Boolean>> below = new HashMap<>();

    private Triggers(List<Trigger> rules) {
        this.rules = List.copyOf(Checks.noNullElements("rules", rules));
        Set<String> names = new HashSet<>();
        for (Trigger rule : this.rules) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("rules: " + rule.name() + " is named twice; names are unique");
            }
        }
    }

    /**
     * Returns triggers of the given rules, none fired yet.
     *
     * @param rules the rules, names unique
     * @return the triggers
     */
    public static Triggers of(List<Trigger> rules) {
        return new Triggers(rules);
    }

    /**
     * Returns the rules.
     *
     * @return the rules
     */
    public List<Trigger> rules() {
        return rules;
    }

    /**
     * Fires the rules an event meets: a detractor's NPS answer fires every {@link Trigger.DetractorFollowUp}.
     *
     * @param event the event
     * @return the firings; empty for an event seen before
     */
    public synchronized List<TriggerFiring> onEvent(CustomerEvent event) {
        Checks.present("event", event);
        List<TriggerFiring> firings = new ArrayList<>();
        if (event instanceof FeedbackResponse response && response.scale().equals(FeedbackScale.NPS)
                && NpsCategory.of(response.score()) == NpsCategory.DETRACTOR) {
            for (Trigger rule : rules) {
                if (rule instanceof Trigger.DetractorFollowUp followUp) {
                    String occurrence = "event:" + event.eventId();
                    if (firstTime(event.customerId(), rule.name() + "|" + occurrence)) {
                        firings.add(new TriggerFiring(rule.name(), rule.action(), event.customerId(), occurrence,
                                event.occurredAt(), event.occurredAt().plus(followUp.within())));
                    }
                }
            }
        }
        return List.copyOf(firings);
    }

    /**
     * Fires the rules a journey stall meets: every {@link Trigger.StallNudge} of its stage (or of every stage).
     *
     * @param stall the stall, as {@code StageTracker.checkStalls()} reports it
     * @return the firings; empty for a stall reported before
     */
    public synchronized List<TriggerFiring> onStall(Stall stall) {
        Checks.present("stall", stall);
        List<TriggerFiring> firings = new ArrayList<>();
        for (Trigger rule : rules) {
            if (rule instanceof Trigger.StallNudge nudge
                    && (nudge.stage().isEmpty() || nudge.stage().get().equals(stall.stage()))) {
                String occurrence = "stall:" + stall.stage() + "@" + stall.enteredAt();
                if (firstTime(stall.customer(), rule.name() + "|" + occurrence)) {
                    firings.add(new TriggerFiring(rule.name(), rule.action(), stall.customer(), occurrence,
                            stall.detectedAt(), stall.detectedAt()));
                }
            }
        }
        return List.copyOf(firings);
    }

    /**
     * Fires the win-back rules a valued profile meets: each {@link Trigger.WinBack} whose threshold P(alive) has
     * dropped below since the customer's last valued profile (a customer valued for the first time counts as
     * having been above).
     *
     * @param profile the profile, valued ({@code ProfileBuilder.valued}); a profile without an estimate fires
     *     nothing and changes nothing
     * @return the firings
     */
    public synchronized List<TriggerFiring> onValued(CustomerProfile profile) {
        Checks.present("profile", profile);
        if (profile.clv().isEmpty()) {
            return List.of();
        }
        ClvEstimate estimate = profile.clv().get();
        List<TriggerFiring> firings = new ArrayList<>();
        for (Trigger rule : rules) {
            if (rule instanceof Trigger.WinBack winBack) {
                boolean isBelow = estimate.probabilityAlive() < winBack.threshold();
                Boolean wasBelow = below.computeIfAbsent(profile.customerId(), id -> new HashMap<>())
                        .put(rule.name(), isBelow);
                if (isBelow && !Boolean.TRUE.equals(wasBelow)) {
                    firings.add(new TriggerFiring(rule.name(), rule.action(), profile.customerId(),
                            "p-alive-below:" + winBack.threshold() + "@" + estimate.asOf(), estimate.asOf(),
                            estimate.asOf()));
                }
            }
        }
        return List.copyOf(firings);
    }

    /**
     * Forgets a customer, for erasure: the occurrences fired for them and their P(alive) marks.
     *
     * @param customer the customer
     * @return the records removed: occurrences remembered plus win-back marks
     */
    @Override
    public synchronized long forget(CustomerId customer) {
        Checks.present("customer", customer);
        Set<String> occurrences = fired.remove(customer);
        Map<String, Boolean> marks = below.remove(customer);
        return (occurrences == null ? 0 : occurrences.size()) + (marks == null ? 0 : marks.size());
    }

    private boolean firstTime(CustomerId customer, String occurrence) {
        return fired.computeIfAbsent(customer, id -> new HashSet<>()).add(occurrence);
    }
}
