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
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.ConsentStatus;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerId;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.ProfileBuilder;

/**
 * A simulated year of decisions on random catalogues, policies, consents and segment memberships, each chosen
 * action recorded as a contact: afterwards every window of the policy's period holds at most its cap of a
 * customer's contacts, no action repeats within its cooldown, no contact falls in the customer's quiet hours,
 * every contact's purpose was granted and the customer was in one of its segments. The checks recount the
 * final ledger by brute force; deciding again with the same inputs gives the same decision.
 */
class ContactPolicyPropertiesTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> PURPOSES = List.of("marketing-email", "service-call", "research");
    private static final List<String> SEGMENTS = List.of("s0", "s1", "s2");
    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo");

    /** Contacts made over every example: the checks must have had something to check. */
    private static final java.util.concurrent.atomic.AtomicLong CONTACTS = new java.util.concurrent.atomic.AtomicLong();

    @org.junit.jupiter.api.AfterAll
    static void contactsWereMade() {
        assertThat(CONTACTS.get()).isGreaterThan(1000);
    }

    @Test
    void theContactPolicyIsNeverExceededOverASimulatedYear() {
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<Action> actions = new ArrayList<>();
            for (int i = 0; i < 2 + random.nextInt(5); i++) {
                actions.add(new Action("a" + i, ActionKind.values()[random.nextInt(4)],
                        Set.of(SEGMENTS.get(random.nextInt(3))), List.of(Channel.values()[random.nextInt(9)]),
                        PURPOSES.get(random.nextInt(3)), ActionValue.fixed(random.nextInt(100)),
                        Duration.ofHours(random.nextInt(24 * 30))));
            }
            ContactPolicy.Builder builder = ContactPolicy.custom().maxContacts(1 + random.nextInt(4))
                    .period(Duration.ofHours(1 + random.nextInt(24 * 14)));
            if (random.nextBoolean()) {
                builder.quietHours(new QuietHours(LocalTime.of(random.nextInt(24), 0),
                        LocalTime.of(random.nextInt(24), 30)));
            } else {
                builder.noQuietHours();
            }
            ContactPolicy policy = builder.build();
            NextBestAction nba = NextBestAction.custom(actions).policy(policy).build();
            List<CustomerProfile> profiles = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                Customer.Builder record = Customer.builder(CustomerId.of("c" + c), START)
                        .profile("timeZone", ZONES.get(random.nextInt(ZONES.size())));
                for (String purpose : PURPOSES) {
                    record.consent(purpose, ConsentStatus.values()[random.nextInt(3)], START);
                }
                profiles.add(ProfileBuilder.ofDefaults().of(record.build()));
            }
            ContactLedger ledger = ContactLedger.create();
            Instant now = START;
            for (int step = 0; step < 1500; step++) {
                now = now.plus(Duration.ofMinutes(random.nextInt(700)));
                CustomerProfile profile = profiles.get(random.nextInt(profiles.size()));
                Set<String> in = new HashSet<>();
                SEGMENTS.forEach(segment -> {
                    if (random.nextBoolean()) {
                        in.add(segment);
                    }
                });
                DecisionContext context = new DecisionContext(now, in, ledger.contactsOf(profile.customerId()));
                Decision decision = nba.decide(profile, context);
                assertThat(nba.decide(profile, context)).isEqualTo(decision);
                assertThat(decision.rejected().size() + (decision.chosen().isPresent() ? 1 : 0))
                        .isEqualTo(actions.size());
                if (decision.chosen().isPresent()) {
                    ChosenAction chosen = decision.chosen().get();
                    Action action = actions.stream().filter(a -> a.name().equals(chosen.action())).findFirst()
                            .orElseThrow();
                    assertThat(profile.hasConsented(action.consentPurpose())).isTrue();
                    assertThat(action.segments()).containsAnyElementsOf(in);
                    ledger.record(new Contact(profile.customerId(), chosen.action(), chosen.channel(), now));
                    CONTACTS.incrementAndGet();
                }
            }
            for (CustomerProfile profile : profiles) {
                List<Contact> contacts = ledger.contactsOf(profile.customerId());
                ZoneId zone = policy.zoneOf(profile);
                for (Contact contact : contacts) {
                    long inWindow = contacts.stream().filter(other -> !other.at().isAfter(contact.at())
                            && other.at().isAfter(contact.at().minus(policy.period()))).count();
                    assertThat(inWindow).isLessThanOrEqualTo(policy.maxContacts());
                    Action action = actions.stream().filter(a -> a.name().equals(contact.action())).findFirst()
                            .orElseThrow();
                    assertThat(contacts.stream().filter(other -> other != contact
                            && other.action().equals(contact.action()) && other.at().isBefore(contact.at())
                            && other.at().isAfter(contact.at().minus(action.cooldown())))).isEmpty();
                    policy.quietHours().ifPresent(quiet ->
                            assertThat(quiet.contains(LocalTime.ofInstant(contact.at(), zone))).isFalse());
                }
            }
        });
    }
}
