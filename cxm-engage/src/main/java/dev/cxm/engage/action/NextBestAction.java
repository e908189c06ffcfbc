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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.Channel;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.internal.ProfileParts;

import org.jspecify.annotations.Nullable;

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
 * <p>A configuration with value {@code equals}: the actions (names unique) and the policy. Thread-safe: one
 * decider may decide on several threads at once. It caches what many decisions share, each as immutable values:
 * per action of fixed value what the decisions that choose it share (the others' rejections for lower value,
 * the reason, the choice per channel), the quiet-hours check of the last instant and zone, and the cap's
 * refusal per count of contacts; a decision is the same with or without them.
 */
public final class NextBestAction {

    /** The most cached cap refusals, one per count of recent contacts. */
    private static final int MAX_CAPPED = 64;

    private final List<Action> actions;
    private final ContactPolicy policy;
    /** How many longs a set of actions takes as bits. */
    private final int words;
    private final String[] names;
    /** Per action its fixed value (NaN when its value is computed from the profile). */
    private final double[] fixedValues;
    private final Map<String, Integer> actionIndex = new HashMap<>();
    /** Per segment, the actions (as bits) that are for it. */
    private final Map<String, long[]> actionsOfSegment = new HashMap<>();
    /** The distinct consent purposes of the actions, and per purpose the actions (as bits) that need it. */
    private final String[] purposes;
    private final long[][] actionsOfPurpose;
    /** The actions (as bits) with a cooldown, and those whose value is computed from the profile. */
    private final long[] withCooldown;
    private final long[] fromProfile;
    /** Per action, the rejections that depend on nothing but the action, made once. */
    private final Ineligible ineligible;
    private final Rejection[] noValue;
    /** Per action, the detail of another action's loss to it on value: equal (and it comes first), or higher. */
    private final String[] asMuchAs;
    private final String[] lessThan;

    /*
     * Caches, not part of the configuration. Each holds immutable values published through a concurrent map or
     * an atomic reference, so that one decider decides on several threads at once; a decision is the same with
     * or without them.
     */
    /** Per action of fixed value, what a decision that chooses it shares with others; made when first needed. */
    private final AtomicReferenceArray<Choice> choices;
    /** The cap's refusal by the number of recent contacts. */
    private final Map<Integer, Block> capped = new ConcurrentHashMap<>();
    /**
     * The last quiet-hours check: the decisions of one run share their instant and mostly their zone, so the
     * zone, the local time and its text are made once per instant and zone.
     */
    private final AtomicReference<QuietCheck> lastQuietCheck = new AtomicReference<>();

    /** Why the policy allows no contact now, for every action alike: each action's rejection. Immutable. */
    private static final class Block {
        private final Rejection[] byAction;

        Block(Rejection.Reason reason, String detail, String[] names) {
            this.byAction = new Rejection[names.length];
            for (int i = 0; i < names.length; i++) {
                byAction[i] = Rejection.of(names[i], reason, detail);
            }
        }
    }

    /** The quiet hours checked at an instant for a value of the time-zone attribute (null without one). */
    private record QuietCheck(Instant now, @Nullable String zoneId, @Nullable Block block) {}

    /**
     * What every decision that chooses one action of fixed value, with every eligible action of fixed value,
     * shares: the other eligible actions' rejections for lower value, the reason by the number of eligible
     * actions, and the choice by channel (in the order of the action's channels). Immutable.
     */
    private static final class Choice {
        private final Rejection[] lower;
        private final String[] reasons;
        private final List<Optional<ChosenAction>> byChannel;

        Choice(NextBestAction decider, int best) {
            int n = decider.actions.size();
            double value = decider.fixedValues[best];
            this.lower = new Rejection[n];
            for (int i = 0; i < n; i++) {
                double other = decider.fixedValues[i];
                if (i != best && !Double.isNaN(other)) {
                    lower[i] = new Rejection(decider.names[i], Rejection.Reason.LOWER_VALUE, other == value
                            ? decider.asMuchAs[best] : decider.lessThan[best], OptionalDouble.of(other));
                }
            }
            this.reasons = new String[n + 1];
            for (int count = 1; count <= n; count++) {
                reasons[count] = reason(value, count);
            }
            Action action = decider.actions.get(best);
            this.byChannel = action.channels().stream().map(channel -> Optional.of(new ChosenAction(action.name(),
                    action.kind(), channel, value, action.consentPurpose()))).toList();
        }
    }

    private NextBestAction(List<Action> actions, ContactPolicy policy) {
        this.actions = requireActions(actions);
        this.policy = Checks.present("policy", policy);
        int n = this.actions.size();
        this.words = Math.max(1, (n + 63) >>> 6);
        this.names = new String[n];
        this.fixedValues = new double[n];
        Rejection[] notInSegment = new Rejection[n];
        Rejection[] noConsent = new Rejection[n];
        this.noValue = new Rejection[n];
        this.asMuchAs = new String[n];
        this.lessThan = new String[n];
        this.withCooldown = new long[words];
        this.fromProfile = new long[words];
        List<String> distinctPurposes = new ArrayList<>();
        List<long[]> purposeActions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Action action = this.actions.get(i);
            names[i] = action.name();
            actionIndex.put(action.name(), i);
            if (action.value() instanceof ActionValue.Fixed fixed) {
                fixedValues[i] = fixed.amount();
            } else {
                fixedValues[i] = Double.NaN;
                ActionBits.set(fromProfile, i);
            }
            if (!action.cooldown().isZero()) {
                ActionBits.set(withCooldown, i);
            }
            for (String segment : action.segments()) {
                ActionBits.set(actionsOfSegment.computeIfAbsent(segment, key -> new long[words]), i);
            }
            int purpose = distinctPurposes.indexOf(action.consentPurpose());
            if (purpose < 0) {
                distinctPurposes.add(action.consentPurpose());
                purposeActions.add(new long[words]);
                purpose = distinctPurposes.size() - 1;
            }
            ActionBits.set(purposeActions.get(purpose), i);
            notInSegment[i] = Rejection.of(action.name(), Rejection.Reason.NOT_IN_SEGMENT,
                    "the customer is in none of " + action.segments());
            noConsent[i] = Rejection.of(action.name(), Rejection.Reason.NO_CONSENT,
                    "no consent granted for " + action.consentPurpose());
            noValue[i] = Rejection.of(action.name(), Rejection.Reason.NO_VALUE,
                    "the profile lacks the number its value is computed from");
            asMuchAs[i] = "worth as much as " + action.name() + ", which comes first";
            lessThan[i] = "worth less than " + action.name();
        }
        this.purposes = distinctPurposes.toArray(new String[0]);
        this.actionsOfPurpose = purposeActions.toArray(new long[0][]);
        this.ineligible = new Ineligible(notInSegment, noConsent);
        this.choices = new AtomicReferenceArray<>(n);
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
        Integer index = actionIndex.get(action);
        if (index != null) {
            return new NextBestAction(List.of(actions.get(index)), policy);
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
        long[] inSegment = new long[words];
        for (String segment : context.segments()) {
            long[] of = actionsOfSegment.get(segment);
            if (of != null) {
                ActionBits.or(inSegment, of);
            }
        }
        // Eligible so far: in segment and consented; each purpose looked up once, and only when it matters.
        long[] eligible = new long[words];
        for (int p = 0; p < purposes.length; p++) {
            if (ActionBits.meet(inSegment, actionsOfPurpose[p]) && profile.hasConsented(purposes[p])) {
                ActionBits.or(eligible, actionsOfPurpose[p]);
            }
        }
        for (int w = 0; w < words; w++) {
            eligible[w] &= inSegment[w];
        }
        if (ActionBits.none(eligible)) {
            Rejection[] rejections = new Rejection[actions.size()];
            for (int i = 0; i < rejections.length; i++) {
                rejections[i] = ineligible.of(i, inSegment);
            }
            return new Decision(profile.customerId(), now, Optional.empty(), rejections.length == 0
                    ? "the catalogue holds no action" : "no action is eligible", List.of(rejections));
        }
        Block block = policyBlock(profile, context);
        if (block != null) {
            Rejection[] rejections = new Rejection[actions.size()];
            for (int i = 0; i < rejections.length; i++) {
                rejections[i] = ActionBits.has(eligible, i) ? block.byAction[i] : ineligible.of(i, inSegment);
            }
            return new Decision(profile.customerId(), now, Optional.empty(), "no action is eligible",
                    List.of(rejections));
        }
        Rejection[] coolingDown = ActionBits.meet(eligible, withCooldown) ? coolingDown(context, eligible) : null;
        if (coolingDown == null && !ActionBits.meet(eligible, fromProfile)) {
            return ofFixedValues(profile, now, inSegment, eligible);
        }
        Assembly assembly = new Assembly(inSegment, eligible, coolingDown, profile);
        if (assembly.best < 0) {
            return new Decision(profile.customerId(), now, Optional.empty(), assembly.reason, assembly.rejected);
        }
        Action chosen = actions.get(assembly.best);
        return new Decision(profile.customerId(), now, Optional.of(new ChosenAction(chosen.name(), chosen.kind(),
                chosen.channels().get(channelIndexFor(chosen, profile)), assembly.values[assembly.best],
                chosen.consentPurpose())), assembly.reason, assembly.rejected);
    }

    /**
     * Returns, per eligible action with a cooldown whose latest contact up to now is within it, its rejection;
     * null when no action is cooling down (the common case, found without allocating).
     */
    private Rejection @Nullable [] coolingDown(DecisionContext context, long[] eligible) {
        Instant now = context.now();
        List<Contact> contacts = context.contacts();
        // Per action cooling down, its latest contact up to now: within the cooldown whenever any contact is.
        Instant[] last = null;
        for (int k = 0; k < contacts.size(); k++) {
            Contact contact = contacts.get(k);
            Integer index = actionIndex.get(contact.action());
            if (index != null && ActionBits.has(eligible, index) && ActionBits.has(withCooldown, index)
                    && !contact.at().isAfter(now)
                    && contact.at().isAfter(now.minus(actions.get(index).cooldown()))) {
                if (last == null) {
                    last = new Instant[actions.size()];
                }
                if (last[index] == null || contact.at().isAfter(last[index])) {
                    last[index] = contact.at();
                }
            }
        }
        if (last == null) {
            return null;
        }
        Rejection[] rejections = new Rejection[actions.size()];
        for (int i = 0; i < rejections.length; i++) {
            if (last[i] != null) {
                rejections[i] = Rejection.of(names[i], Rejection.Reason.COOLING_DOWN,
                        "last made at " + last[i] + ", within its cooldown of " + actions.get(i).cooldown());
            }
        }
        return rejections;
    }

    /**
     * Decides among eligible actions that are all of fixed value and none cooling down: the first of the most
     * valuable, with what it shares with other decisions that choose it.
     */
    private Decision ofFixedValues(CustomerProfile profile, Instant now, long[] inSegment, long[] eligible) {
        int best = -1;
        int count = 0;
        for (int w = 0; w < words; w++) {
            for (long bits = eligible[w]; bits != 0; bits &= bits - 1) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                count++;
                if (best < 0 || fixedValues[i] > fixedValues[best]) {
                    best = i;
                }
            }
        }
        Choice choice = choiceOf(best);
        Action chosen = actions.get(best);
        return new Decision(profile.customerId(), now,
                choice.byChannel.get(channelIndexFor(chosen, profile)), choice.reasons[count],
                new RejectionList(ineligible, choice.lower, inSegment, eligible, best));
    }

    private Choice choiceOf(int best) {
        Choice choice = choices.get(best);
        if (choice == null) {
            choice = new Choice(this, best);
            // Of two threads that race, both choices are equal; the first one set stays.
            if (!choices.compareAndSet(best, null, choice)) {
                choice = choices.get(best);
            }
        }
        return choice;
    }

    private static String reason(double value, int eligible) {
        return "highest value " + value + " of " + eligible + " eligible action" + (eligible == 1 ? "" : "s");
    }

    /**
     * The rules after the policy's block applied to every action in catalogue order (segment, consent,
     * cooldown, value), the eligible action worth most (of equal values the first), the reason and the
     * rejections of all others.
     */
    private final class Assembly {
        private final int best;
        private final double[] values;
        private final String reason;
        private final List<Rejection> rejected;

        /**
         * Assembles a decision.
         *
         * @param coolingDown per action its cooldown rejection, or null for none
         * @param profile the profile that values the actions valued from it
         */
        Assembly(long[] inSegment, long[] eligible, Rejection @Nullable [] coolingDown, CustomerProfile profile) {
            int n = actions.size();
            this.values = fixedValues.clone();
            Rejection[] rejections = new Rejection[n];
            int top = -1;
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (!ActionBits.has(eligible, i)) {
                    rejections[i] = ineligible.of(i, inSegment);
                    continue;
                }
                if (coolingDown != null && coolingDown[i] != null) {
                    rejections[i] = coolingDown[i];
                    continue;
                }
                if (ActionBits.has(fromProfile, i)) {
                    OptionalDouble value = actions.get(i).value().valueFor(profile);
                    if (value.isEmpty()) {
                        rejections[i] = noValue[i];
                        continue;
                    }
                    values[i] = value.getAsDouble();
                }
                count++;
                if (top < 0 || values[i] > values[top]) {
                    top = i;
                }
            }
            this.best = top;
            if (top < 0) {
                // Every eligible action cooling down or without a value (an empty catalogue never gets here).
                this.reason = "no action is eligible";
                this.rejected = List.of(rejections);
                return;
            }
            Rejection[] others = new Rejection[n - 1];
            int next = 0;
            for (int i = 0; i < n; i++) {
                if (rejections[i] != null) {
                    others[next++] = rejections[i];
                } else if (i != top) {
                    others[next++] = new Rejection(names[i], Rejection.Reason.LOWER_VALUE,
                            values[i] == values[top] ? asMuchAs[top] : lessThan[top], OptionalDouble.of(values[i]));
                }
            }
            this.reason = reason(values[top], count);
            this.rejected = List.of(others);
        }
    }

    /** Returns why the policy allows no contact at all now (cap or quiet hours), or null when it allows one. */
    private @Nullable Block policyBlock(CustomerProfile profile, DecisionContext context) {
        Instant now = context.now();
        if (context.contacts().size() >= policy.maxContacts()) {
            Instant windowStart = now.minus(policy.period());
            int recent = 0;
            for (Contact contact : context.contacts()) {
                if (contact.at().isAfter(windowStart) && !contact.at().isAfter(now)) {
                    recent++;
                }
            }
            if (recent >= policy.maxContacts()) {
                return cappedAt(recent);
            }
        }
        if (policy.quietHours().isEmpty()) {
            return null;
        }
        String zoneId = profile.attributes().get(policy.timeZoneAttribute());
        QuietCheck last = lastQuietCheck.get();
        if (last != null && last.now().equals(now) && Objects.equals(last.zoneId(), zoneId)) {
            return last.block();
        }
        ZoneId zone = policy.zoneOf(profile);
        LocalTime local = LocalTime.ofInstant(now, zone);
        QuietHours quiet = policy.quietHours().get();
        Block block = quiet.contains(local) ? new Block(Rejection.Reason.QUIET_HOURS, local + " in " + zone
                + " is within the quiet hours " + quiet.start() + " to " + quiet.end(), names) : null;
        lastQuietCheck.set(new QuietCheck(now, zoneId, block));
        return block;
    }

    /** Returns the cap's refusal at {@code recent} contacts in the period (cached for the commonest counts). */
    private Block cappedAt(int recent) {
        Block block = capped.get(recent);
        if (block == null) {
            block = new Block(Rejection.Reason.CAPPED, recent + " contacts in the last " + policy.period()
                    + "; the policy allows " + policy.maxContacts(), names);
            if (recent < policy.maxContacts() + MAX_CAPPED) {
                capped.putIfAbsent(recent, block);
            }
        }
        return block;
    }

    /**
     * Returns the index among the action's channels of the one to use: the customer's preferred channel when the
     * policy prefers it and the action has it, else the first. One walk of the channels.
     */
    private int channelIndexFor(Action action, CustomerProfile profile) {
        List<Channel> channels = action.channels();
        if (policy.preferChannel() && channels.size() > 1) {
            Channel preferred = ProfileParts.preferredChannel(profile);
            if (preferred != null) {
                return Math.max(0, channels.indexOf(preferred));
            }
        }
        return 0;
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
