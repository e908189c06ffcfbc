package dev.cxm.engage.action;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.Channel;
import dev.cxm.engage.profile.CustomerProfile;

/**
 * Decides the next-best action for one customer: of a catalogue of actions under a contact policy, the eligible
 * action worth most, with the reason, and every other action with the first rule it failed. An action is
 * eligible when the customer is in one of its segments, has granted its consent purpose, the policy's cap and
 * quiet hours allow a contact, the action's cooldown has passed, and its value can be computed. Of equal values
 * the action earlier in the catalogue wins, so a decision depends only on its inputs.
 *
 * <pre>{@code
 * NextBestAction nba = NextBestAction.custom(actions).policy(policy).build();
 * Decision decision = nba.decide(profile, new DecisionContext(clock.instant(),
 *         membership.segmentsOf(profile.customerId()), ledger.contactsOf(profile.customerId())));
 * decision.chosen().ifPresent(choice -> ledger.record(new Contact(profile.customerId(), choice.action(),
 *         choice.channel(), decision.at())));
 * }</pre>
 *
 * <p>A configuration with value {@code equals}: the actions (names unique) and the policy.
 */
public final class NextBestAction {

    private final List<Action> actions;
    private final ContactPolicy policy;

    /** Why the policy allows no contact now, for every action alike. */
    private record Block(Rejection.Reason reason, String detail) {}

    private NextBestAction(List<Action> actions, ContactPolicy policy) {
        this.actions = requireActions(actions);
        this.policy = Checks.present("policy", policy);
    }

    private static List<Action> requireActions(List<Action> actions) {
        List<Action> copy = List.copyOf(Checks.noNullElements("actions", actions));
        Set<String> names = new HashSet<>();
        for (Action action : copy) {
            if (!names.add(action.name())) {
                throw new IllegalArgumentException("actions: " + action.name() + " is named twice; names are unique");
            }
        }
        return copy;
    }

    /**
     * Returns the decider of {@code actions} under the default contact policy.
     *
     * @param actions the catalogue, names unique
     * @return the decider
     */
    public static NextBestAction ofDefaults(List<Action> actions) {
        return new NextBestAction(actions, ContactPolicy.ofDefaults());
    }

    /**
     * Starts a decider of {@code actions}.
     *
     * @param actions the catalogue, names unique
     * @return the builder
     */
    public static Builder custom(List<Action> actions) {
        return new Builder(requireActions(actions), ContactPolicy.ofDefaults());
    }

    /**
     * Starts a decider from {@code base}.
     *
     * @param base the decider to change
     * @return the builder
     */
    public static Builder from(NextBestAction base) {
        Checks.present("base", base);
        return new Builder(base.actions, base.policy);
    }

    /**
     * Returns the catalogue.
     *
     * @return the actions
     */
    public List<Action> actions() {
        return actions;
    }

    /**
     * Returns the contact policy.
     *
     * @return the policy
     */
    public ContactPolicy policy() {
        return policy;
    }

    /**
     * Returns the decider of one action of this catalogue under the same policy: what a trigger that names the
     * action decides with, so that consent, the cap, quiet hours and the cooldown still hold.
     *
     * @param action the action's name
     * @return the decider of that action alone
     * @throws IllegalArgumentException when the catalogue has no such action
     */
    public NextBestAction only(String action) {
        Checks.present("action", action);
        for (Action candidate : actions) {
            if (candidate.name().equals(action)) {
                return new NextBestAction(List.of(candidate), policy);
            }
        }
        throw new IllegalArgumentException("action: " + action + " is not an action of the catalogue "
                + actions.stream().map(Action::name).toList());
    }

    /**
     * Decides the next-best action for a profile.
     *
     * @param profile the customer's profile (valued, when an action's value comes from the CLV estimate)
     * @param context the instant, the customer's segments and contacts
     * @return the decision
     */
    public Decision decide(CustomerProfile profile, DecisionContext context) {
        Checks.present("profile", profile);
        Checks.present("context", context);
        Instant now = context.now();
        Optional<Block> policyBlock = policyBlock(profile, context);
        List<Rejection> rejected = new ArrayList<>();
        Action best = null;
        double bestValue = 0;
        List<Action> eligible = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Action action : actions) {
            Optional<Rejection> rejection = firstFailure(action, profile, context, policyBlock);
            if (rejection.isPresent()) {
                rejected.add(rejection.get());
                continue;
            }
            double value = action.value().valueFor(profile).getAsDouble();
            eligible.add(action);
            values.add(value);
            if (best == null || value > bestValue) {
                best = action;
                bestValue = value;
            }
        }
        if (best == null) {
            return new Decision(profile.customerId(), now, Optional.empty(), actions.isEmpty()
                    ? "the catalogue holds no action" : "no action is eligible", rejected);
        }
        for (int i = 0; i < eligible.size(); i++) {
            Action action = eligible.get(i);
            if (action != best) {
                rejected.add(new Rejection(action.name(), Rejection.Reason.LOWER_VALUE, "worth " + values.get(i)
                        + ", less than " + best.name() + "'s " + bestValue + (values.get(i) == bestValue
                        ? " (equal, and later in the catalogue)" : "")));
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(r -> indexOf(r.action())));
        ChosenAction chosen = new ChosenAction(best.name(), best.kind(), channelFor(best, profile), bestValue,
                best.consentPurpose());
        return new Decision(profile.customerId(), now, Optional.of(chosen), "highest value " + bestValue + " of "
                + eligible.size() + " eligible action" + (eligible.size() == 1 ? "" : "s"), rejected);
    }

    private int indexOf(String action) {
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).name().equals(action)) {
                return i;
            }
        }
        return actions.size();
    }

    /** Returns why the policy allows no contact at all now (cap or quiet hours), checked once per decision. */
    private Optional<Block> policyBlock(CustomerProfile profile, DecisionContext context) {
        Instant now = context.now();
        Instant windowStart = now.minus(policy.period());
        long recent = context.contacts().stream()
                .filter(contact -> contact.at().isAfter(windowStart) && !contact.at().isAfter(now)).count();
        if (recent >= policy.maxContacts()) {
            return Optional.of(new Block(Rejection.Reason.CAPPED, recent + " contacts in the last " + policy.period()
                    + "; the policy allows " + policy.maxContacts()));
        }
        if (policy.quietHours().isPresent()) {
            LocalTime local = LocalTime.ofInstant(now, policy.zoneOf(profile));
            if (policy.quietHours().get().contains(local)) {
                QuietHours quiet = policy.quietHours().get();
                return Optional.of(new Block(Rejection.Reason.QUIET_HOURS, local + " in " + policy.zoneOf(profile)
                        + " is within the quiet hours " + quiet.start() + " to " + quiet.end()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> firstFailure(Action action, CustomerProfile profile, DecisionContext context,
            Optional<Block> policyBlock) {
        if (action.segments().stream().noneMatch(context.segments()::contains)) {
            return Optional.of(new Rejection(action.name(), Rejection.Reason.NOT_IN_SEGMENT,
                    "the customer is in none of " + action.segments()));
        }
        if (!profile.hasConsented(action.consentPurpose())) {
            return Optional.of(new Rejection(action.name(), Rejection.Reason.NO_CONSENT,
                    "no consent granted for " + action.consentPurpose()));
        }
        if (policyBlock.isPresent()) {
            return Optional.of(new Rejection(action.name(), policyBlock.get().reason(), policyBlock.get().detail()));
        }
        Instant cooledAt = context.now().minus(action.cooldown());
        Optional<Instant> last = context.contacts().stream()
                .filter(contact -> contact.action().equals(action.name()) && !contact.at().isAfter(context.now()))
                .map(Contact::at).max(Instant::compareTo);
        if (last.isPresent() && last.get().isAfter(cooledAt)) {
            return Optional.of(new Rejection(action.name(), Rejection.Reason.COOLING_DOWN,
                    "last made at " + last.get() + ", within its cooldown of " + action.cooldown()));
        }
        OptionalDouble value = action.value().valueFor(profile);
        if (value.isEmpty()) {
            return Optional.of(new Rejection(action.name(), Rejection.Reason.NO_VALUE,
                    "the profile lacks the number its value is computed from"));
        }
        return Optional.empty();
    }

    private Channel channelFor(Action action, CustomerProfile profile) {
        if (policy.preferChannel()) {
            Optional<Channel> preferred = profile.preferredChannel();
            if (preferred.isPresent() && action.channels().contains(preferred.get())) {
                return preferred.get();
            }
        }
        return action.channels().get(0);
    }

    /**
     * Returns whether {@code other} has the same actions and policy.
     *
     * @param other the object to compare with
     * @return whether both are configured alike
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof NextBestAction that && actions.equals(that.actions) && policy.equals(that.policy);
    }

    /**
     * Returns a hash of the actions and the policy.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(actions, policy);
    }

    /**
     * Returns the action names and the policy.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "NextBestAction[actions " + actions.stream().map(Action::name).toList() + ", " + policy + "]";
    }

    /** Builds a {@link NextBestAction}. */
    public static final class Builder {
        private final List<Action> actions;
        private ContactPolicy policy;

        private Builder(List<Action> actions, ContactPolicy policy) {
            this.actions = actions;
            this.policy = policy;
        }

        /**
         * Sets the contact policy; {@link ContactPolicy#ofDefaults()} unless set.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder policy(ContactPolicy value) {
            this.policy = Checks.present("policy", value);
            return this;
        }

        /**
         * Returns the decider.
         *
         * @return the decider
         */
        public NextBestAction build() {
            return new NextBestAction(actions, policy);
        }
    }
}
