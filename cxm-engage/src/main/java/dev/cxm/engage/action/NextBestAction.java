package dev.cxm.engage.action;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

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
    /** Per action, the rejections that depend on nothing but the action, made once. */
    private final List<Rejection> notInSegment;
    private final List<Rejection> noConsent;
    /** The distinct consent purposes of the actions, and per action the index of its purpose among them. */
    private final String[] purposes;
    private final int[] purposeOf;
    /** The distinct segments of the actions by their index, and per action the indexes of its segments. */
    private final Map<String, Integer> segmentIndex = new HashMap<>();
    private final int[][] segmentsOf;

    /**
     * Why the policy allows no contact now, for every action alike, with each action's rejection made when first
     * needed (a block of the quiet hours serves every decision at its instant and zone; a race makes equal ones).
     */
    private static final class Block {
        private final Rejection.Reason reason;
        private final String detail;
        private final Rejection[] byAction;

        Block(Rejection.Reason reason, String detail, int actions) {
            this.reason = reason;
            this.detail = detail;
            this.byAction = new Rejection[actions];
        }

        Rejection rejection(int index, String action) {
            Rejection made = byAction[index];
            if (made == null) {
                made = Rejection.of(action, reason, detail);
                byAction[index] = made;
            }
            return made;
        }
    }

    /** The quiet hours checked at an instant in a zone. */
    private record QuietCheck(Instant now, ZoneId zone, Optional<Block> block) {}

    /**
     * The last quiet-hours check: the decisions of one run share their instant and mostly their zone, so the
     * local time and its text are made once. Not part of the configuration.
     */
    private final AtomicReference<QuietCheck> lastQuietCheck = new AtomicReference<>();

    private NextBestAction(List<Action> actions, ContactPolicy policy) {
        this.actions = requireActions(actions);
        this.policy = Checks.present("policy", policy);
        this.notInSegment = this.actions.stream().map(action -> Rejection.of(action.name(),
                Rejection.Reason.NOT_IN_SEGMENT, "the customer is in none of " + action.segments())).toList();
        this.noConsent = this.actions.stream().map(action -> Rejection.of(action.name(), Rejection.Reason.NO_CONSENT,
                "no consent granted for " + action.consentPurpose())).toList();
        // Each purpose and segment is looked up once per decision, however many actions share it.
        List<String> distinctPurposes = new ArrayList<>();
        List<String> distinctSegments = new ArrayList<>();
        this.purposeOf = new int[this.actions.size()];
        this.segmentsOf = new int[this.actions.size()][];
        for (int i = 0; i < this.actions.size(); i++) {
            Action action = this.actions.get(i);
            purposeOf[i] = indexOf(distinctPurposes, action.consentPurpose());
            segmentsOf[i] = action.segments().stream().mapToInt(segment -> indexOf(distinctSegments, segment)).toArray();
        }
        this.purposes = distinctPurposes.toArray(new String[0]);
        for (int s = 0; s < distinctSegments.size(); s++) {
            segmentIndex.put(distinctSegments.get(s), s);
        }
    }

    private static int indexOf(List<String> distinct, String value) {
        int index = distinct.indexOf(value);
        if (index < 0) {
            distinct.add(value);
            return distinct.size() - 1;
        }
        return index;
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
        boolean[] granted = new boolean[purposes.length];
        for (int p = 0; p < purposes.length; p++) {
            granted[p] = profile.hasConsented(purposes[p]);
        }
        boolean[] in = new boolean[segmentIndex.size()];
        for (String segment : context.segments()) {
            Integer index = segmentIndex.get(segment);
            if (index != null) {
                in[index] = true;
            }
        }
        int n = actions.size();
        Rejection[] rejections = new Rejection[n];
        // Made at the first eligible action: most decisions of a run in quiet hours or at the cap have none.
        double[] values = null;
        int best = -1;
        int eligible = 0;
        for (int i = 0; i < n; i++) {
            Rejection rejection = firstFailure(i, profile, context, policyBlock, in, granted);
            if (rejection != null) {
                rejections[i] = rejection;
                continue;
            }
            if (values == null) {
                values = new double[n];
            }
            values[i] = actions.get(i).value().valueFor(profile).getAsDouble();
            eligible++;
            if (best < 0 || values[i] > values[best]) {
                best = i;
            }
        }
        if (best < 0 || values == null) {
            return new Decision(profile.customerId(), now, Optional.empty(), n == 0
                    ? "the catalogue holds no action" : "no action is eligible", List.of(rejections));
        }
        Action chosen = actions.get(best);
        Rejection[] rejected = new Rejection[n - 1];
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (rejections[i] != null) {
                rejected[next++] = rejections[i];
            } else if (i != best) {
                rejected[next++] = new Rejection(actions.get(i).name(), Rejection.Reason.LOWER_VALUE,
                        values[i] == values[best] ? "worth as much as " + chosen.name() + ", which comes first"
                                : "worth less than " + chosen.name(), OptionalDouble.of(values[i]));
            }
        }
        return new Decision(profile.customerId(), now, Optional.of(new ChosenAction(chosen.name(), chosen.kind(),
                channelFor(chosen, profile), values[best], chosen.consentPurpose())),
                "highest value " + values[best] + " of " + eligible + " eligible action" + (eligible == 1 ? "" : "s"),
                List.of(rejected));
    }

    /** Returns why the policy allows no contact at all now (cap or quiet hours), checked once per decision. */
    private Optional<Block> policyBlock(CustomerProfile profile, DecisionContext context) {
        Instant now = context.now();
        Instant windowStart = now.minus(policy.period());
        int recent = 0;
        for (Contact contact : context.contacts()) {
            if (contact.at().isAfter(windowStart) && !contact.at().isAfter(now)) {
                recent++;
            }
        }
        if (recent >= policy.maxContacts()) {
            return Optional.of(new Block(Rejection.Reason.CAPPED, recent + " contacts in the last " + policy.period()
                    + "; the policy allows " + policy.maxContacts(), actions.size()));
        }
        if (policy.quietHours().isPresent()) {
            ZoneId zone = policy.zoneOf(profile);
            QuietCheck last = lastQuietCheck.get();
            if (last != null && last.now().equals(now) && last.zone().equals(zone)) {
                return last.block();
            }
            LocalTime local = LocalTime.ofInstant(now, zone);
            QuietHours quiet = policy.quietHours().get();
            Optional<Block> block = quiet.contains(local) ? Optional.of(new Block(Rejection.Reason.QUIET_HOURS,
                    local + " in " + zone + " is within the quiet hours " + quiet.start() + " to " + quiet.end(),
                    actions.size()))
                    : Optional.empty();
            lastQuietCheck.set(new QuietCheck(now, zone, block));
            return block;
        }
        return Optional.empty();
    }

    /** Returns the first rule action {@code index} fails, or null when it is eligible. */
    private Rejection firstFailure(int index, CustomerProfile profile, DecisionContext context,
            Optional<Block> policyBlock, boolean[] in, boolean[] granted) {
        Action action = actions.get(index);
        if (!inAny(segmentsOf[index], in)) {
            return notInSegment.get(index);
        }
        if (!granted[purposeOf[index]]) {
            return noConsent.get(index);
        }
        if (policyBlock.isPresent()) {
            return policyBlock.get().rejection(index, action.name());
        }
        if (!action.cooldown().isZero()) {
            Instant cooledAt = context.now().minus(action.cooldown());
            Instant last = null;
            for (Contact contact : context.contacts()) {
                if (contact.action().equals(action.name()) && !contact.at().isAfter(context.now())
                        && (last == null || contact.at().isAfter(last))) {
                    last = contact.at();
                }
            }
            if (last != null && last.isAfter(cooledAt)) {
                return Rejection.of(action.name(), Rejection.Reason.COOLING_DOWN,
                        "last made at " + last + ", within its cooldown of " + action.cooldown());
            }
        }
        if (action.value().valueFor(profile).isEmpty()) {
            return Rejection.of(action.name(), Rejection.Reason.NO_VALUE,
                    "the profile lacks the number its value is computed from");
        }
        return null;
    }

    private static boolean inAny(int[] segments, boolean[] in) {
        for (int segment : segments) {
            if (in[segment]) {
                return true;
            }
        }
        return false;
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
