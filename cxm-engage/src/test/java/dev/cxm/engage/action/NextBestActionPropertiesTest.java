package dev.cxm.engage.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.ConsentStatus;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.engage.EngageLogs;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.ProfileBuilder;
import dev.cxm.engage.segment.NumberField;

/**
 * Every decision equals the one of a brute-force decider written here from the rules as documented on
 * {@link NextBestAction} and {@link Rejection.Reason} (each action checked in catalogue order for segment,
 * consent, cap, quiet hours, cooldown and value; the most valuable eligible one chosen, the first of equals;
 * reasons in words), over random catalogues (fixed values with ties, values from the profile that may be
 * missing, cooldowns), policies (caps, quiet hours, channel preference, zones) and customers (consents, time
 * zones valid, invalid and missing, channels used, contact histories with future and unknown actions). The same
 * decider decides many customers at shared and at different instants, so that its caches are exercised: a
 * decision must not depend on what was decided before.
 */
class NextBestActionPropertiesTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final List<String> PURPOSES = List.of("marketing-email", "service-call", "research");
    private static final List<String> SEGMENTS = List.of("s0", "s1", "s2", "s3");
    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo",
            "Not/AZone");
    private static final List<NumberField> FIELDS = List.of(NumberField.EVENT_COUNT, NumberField.LATEST_NPS,
            NumberField.PURCHASE_COUNT, NumberField.VALUE_AT_RISK);

    /** Decisions by reason of their rejections over every example: each rule must have been exercised. */
    private static final AtomicLong[] REASONS = new AtomicLong[Rejection.Reason.values().length];
    private static final AtomicLong CHOSEN = new AtomicLong();

    static {
        for (int i = 0; i < REASONS.length; i++) {
            REASONS[i] = new AtomicLong();
        }
    }

    @AfterAll
    static void everyRuleWasExercised() {
        for (Rejection.Reason reason : Rejection.Reason.values()) {
            assertThat(REASONS[reason.ordinal()].get()).as(reason.name()).isGreaterThan(20);
        }
        assertThat(CHOSEN.get()).isGreaterThan(1000);
    }

    @Test
    void everyDecisionEqualsTheBruteForceDecision() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<Action> actions = new ArrayList<>();
            int size = random.nextInt(8);
            for (int i = 0; i < size; i++) {
                actions.add(randomAction(random, "a" + i));
            }
            ContactPolicy policy = randomPolicy(random);
            NextBestAction nba = NextBestAction.custom(actions).policy(policy).build();
            List<CustomerProfile> profiles = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                profiles.add(randomProfile(random, CustomerId.of("c" + c)));
            }
            Instant now = START.plus(Duration.ofMinutes(random.nextInt(60 * 24)));
            for (int step = 0; step < 300; step++) {
                if (random.nextInt(10) == 0) {
                    now = now.plus(Duration.ofMinutes(random.nextInt(60 * 30)));
                }
                CustomerProfile profile = profiles.get(random.nextInt(profiles.size()));
                Set<String> in = new HashSet<>();
                for (String segment : SEGMENTS) {
                    if (random.nextInt(3) == 0) {
                        in.add(segment);
                    }
                }
                List<Contact> contacts = new ArrayList<>();
                for (int k = random.nextInt(random.nextInt(4) + 1); k > 0; k--) {
                    contacts.add(new Contact(profile.customerId(), "a" + random.nextInt(size + 2),
                            Channel.values()[random.nextInt(Channel.values().length)],
                            now.minus(Duration.ofHours(random.nextInt(24 * 10) - 12))));
                }
                DecisionContext context = new DecisionContext(now, in, contacts);
                Decision expected = bruteForce(actions, policy, profile, context);
                assertThat(nba.decide(profile, context)).isEqualTo(expected);
                expected.rejected().forEach(rejection -> REASONS[rejection.reason().ordinal()].incrementAndGet());
                if (expected.chosen().isPresent()) {
                    CHOSEN.incrementAndGet();
                }
            }
        });
    }

    private static Action randomAction(Random random, String name) {
        Set<String> segments = new HashSet<>();
        for (int k = 1 + random.nextInt(2); k > 0; k--) {
            segments.add(SEGMENTS.get(random.nextInt(SEGMENTS.size())));
        }
        List<Channel> channels = new ArrayList<>(List.of(Channel.values()));
        java.util.Collections.shuffle(channels, random);
        ActionValue value = random.nextInt(3) == 0
                ? ActionValue.fromProfile(FIELDS.get(random.nextInt(FIELDS.size())), 1 + random.nextInt(3))
                : ActionValue.fixed(random.nextInt(4) * 10);
        Duration cooldown = random.nextBoolean() ? Duration.ZERO : Duration.ofHours(1 + random.nextInt(24 * 5));
        return new Action(name, ActionKind.values()[random.nextInt(ActionKind.values().length)], segments,
                channels.subList(0, 1 + random.nextInt(3)), PURPOSES.get(random.nextInt(PURPOSES.size())), value,
                cooldown);
    }

    private static ContactPolicy randomPolicy(Random random) {
        ContactPolicy.Builder builder = ContactPolicy.custom().maxContacts(1 + random.nextInt(3))
                .period(Duration.ofHours(1 + random.nextInt(24 * 7))).preferChannel(random.nextBoolean())
                .defaultTimeZone(ZoneId.of(ZONES.get(random.nextInt(ZONES.size() - 1))));
        if (random.nextInt(3) == 0) {
            builder.noQuietHours();
        } else {
            builder.quietHours(new QuietHours(LocalTime.of(random.nextInt(24), 0), LocalTime.of(random.nextInt(24),
                    30)));
        }
        return builder.build();
    }

    private static CustomerProfile randomProfile(Random random, CustomerId id) {
        Customer.Builder record = Customer.builder(id, START.minus(Duration.ofDays(100)));
        if (random.nextInt(4) != 0) {
            record.profile("timeZone", ZONES.get(random.nextInt(ZONES.size())));
        }
        for (String purpose : PURPOSES) {
            record.consent(purpose, ConsentStatus.values()[random.nextInt(ConsentStatus.values().length)],
                    START.minus(Duration.ofDays(50)));
        }
        ProfileBuilder builder = ProfileBuilder.ofDefaults();
        CustomerProfile profile = builder.of(record.build());
        for (int e = random.nextInt(6); e > 0; e--) {
            Instant at = START.minus(Duration.ofHours(1 + random.nextInt(24 * 40)));
            profile = builder.update(profile, random.nextInt(4) == 0
                    ? FeedbackResponse.builder(id, at, "relationship", FeedbackScale.NPS, random.nextInt(11))
                            .eventId(id + "-e" + e).build()
                    : Interaction.builder(id, at, EngageLogs.TOUCHPOINTS.get(random.nextInt(
                            EngageLogs.TOUCHPOINTS.size()))).eventId(id + "-e" + e).build());
        }
        return profile;
    }

    /** The decision by the rules, one action after another, without any precomputation. */
    private static Decision bruteForce(List<Action> actions, ContactPolicy policy, CustomerProfile profile,
            DecisionContext context) {
        Instant now = context.now();
        List<Rejection> rejections = new ArrayList<>();
        List<Action> eligible = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        long recent = context.contacts().stream().filter(contact -> contact.at().isAfter(now.minus(policy.period()))
                && !contact.at().isAfter(now)).count();
        ZoneId zone = ZoneId.of(policy.defaultTimeZone().getId());
        String zoneAttribute = profile.attributes().get(policy.timeZoneAttribute());
        if (zoneAttribute != null && ZoneId.getAvailableZoneIds().contains(zoneAttribute)) {
            zone = ZoneId.of(zoneAttribute);
        }
        LocalTime local = LocalTime.ofInstant(now, zone);
        for (Action action : actions) {
            Optional<Rejection.Reason> reason = Optional.empty();
            String detail = "";
            Instant last = null;
            for (Contact contact : context.contacts()) {
                if (contact.action().equals(action.name()) && !contact.at().isAfter(now)
                        && (last == null || contact.at().isAfter(last))) {
                    last = contact.at();
                }
            }
            OptionalDouble value = action.value().valueFor(profile);
            if (action.segments().stream().noneMatch(context.segments()::contains)) {
                reason = Optional.of(Rejection.Reason.NOT_IN_SEGMENT);
                detail = "the customer is in none of " + action.segments();
            } else if (!profile.hasConsented(action.consentPurpose())) {
                reason = Optional.of(Rejection.Reason.NO_CONSENT);
                detail = "no consent granted for " + action.consentPurpose();
            } else if (recent >= policy.maxContacts()) {
                reason = Optional.of(Rejection.Reason.CAPPED);
                detail = recent + " contacts in the last " + policy.period() + "; the policy allows "
                        + policy.maxContacts();
            } else if (policy.quietHours().isPresent() && policy.quietHours().get().contains(local)) {
                QuietHours quiet = policy.quietHours().get();
                reason = Optional.of(Rejection.Reason.QUIET_HOURS);
                detail = local + " in " + zone + " is within the quiet hours " + quiet.start() + " to " + quiet.end();
            } else if (last != null && last.isAfter(now.minus(action.cooldown()))) {
                reason = Optional.of(Rejection.Reason.COOLING_DOWN);
                detail = "last made at " + last + ", within its cooldown of " + action.cooldown();
            } else if (value.isEmpty()) {
                reason = Optional.of(Rejection.Reason.NO_VALUE);
                detail = "the profile lacks the number its value is computed from";
            }
            if (reason.isPresent()) {
                rejections.add(Rejection.of(action.name(), reason.get(), detail));
            } else {
                eligible.add(action);
                values.add(value.getAsDouble());
                rejections.add(null);
            }
        }
        if (eligible.isEmpty()) {
            return new Decision(profile.customerId(), now, Optional.empty(), actions.isEmpty()
                    ? "the catalogue holds no action" : "no action is eligible", rejections);
        }
        int best = 0;
        for (int e = 1; e < eligible.size(); e++) {
            if (values.get(e) > values.get(best)) {
                best = e;
            }
        }
        Action chosen = eligible.get(best);
        double top = values.get(best);
        List<Rejection> others = new ArrayList<>();
        int e = 0;
        for (int i = 0; i < actions.size(); i++) {
            if (rejections.get(i) != null) {
                others.add(rejections.get(i));
            } else {
                if (e != best) {
                    others.add(new Rejection(actions.get(i).name(), Rejection.Reason.LOWER_VALUE,
                            values.get(e) == top ? "worth as much as " + chosen.name() + ", which comes first"
                                    : "worth less than " + chosen.name(), OptionalDouble.of(values.get(e))));
                }
                e++;
            }
        }
        Channel channel = chosen.channels().get(0);
        Optional<Channel> preferred = bruteForcePreferred(profile);
        if (policy.preferChannel() && preferred.isPresent() && chosen.channels().contains(preferred.get())) {
            channel = preferred.get();
        }
        return new Decision(profile.customerId(), now, Optional.of(new ChosenAction(chosen.name(), chosen.kind(),
                channel, top, chosen.consentPurpose())), "highest value " + top + " of " + eligible.size()
                + " eligible action" + (eligible.size() == 1 ? "" : "s"), others);
    }

    /** The channel used most, then last, then first in {@link Channel}'s order, from the profile's channel map. */
    private static Optional<Channel> bruteForcePreferred(CustomerProfile profile) {
        Channel preferred = null;
        for (Channel channel : Channel.values()) {
            if (!profile.channels().containsKey(channel)) {
                continue;
            }
            if (preferred == null) {
                preferred = channel;
                continue;
            }
            long count = profile.channels().get(channel).count();
            long bestCount = profile.channels().get(preferred).count();
            if (count > bestCount || count == bestCount
                    && profile.channels().get(channel).lastUsed().isAfter(profile.channels().get(preferred).lastUsed())) {
                preferred = channel;
            }
        }
        return Optional.ofNullable(preferred);
    }
}
