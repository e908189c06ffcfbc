package dev.cxm.engage;

import static dev.cxm.engage.EngageLogs.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.ConsentStatus;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Identity;
import dev.cxm.core.model.IdentityType;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.privacy.CustomerErasure;
import dev.cxm.core.privacy.ErasureReport;
import dev.cxm.core.store.memory.InMemoryCustomerStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.engage.action.Action;
import dev.cxm.engage.action.ActionKind;
import dev.cxm.engage.action.ActionValue;
import dev.cxm.engage.action.Contact;
import dev.cxm.engage.action.ContactLedger;
import dev.cxm.engage.action.ContactPolicy;
import dev.cxm.engage.action.Decision;
import dev.cxm.engage.action.DecisionContext;
import dev.cxm.engage.action.NextBestAction;
import dev.cxm.engage.action.Trigger;
import dev.cxm.engage.action.TriggerFiring;
import dev.cxm.engage.action.Triggers;
import dev.cxm.engage.profile.ClvValuation;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.CustomerProfiles;
import dev.cxm.engage.profile.IdentityGraph;
import dev.cxm.engage.profile.IdentityResolution;
import dev.cxm.engage.profile.ProfileBuilder;
import dev.cxm.engage.segment.CategoryField;
import dev.cxm.engage.segment.Comparison;
import dev.cxm.engage.segment.Condition;
import dev.cxm.engage.segment.NumberField;
import dev.cxm.engage.segment.Segment;
import dev.cxm.engage.segment.SegmentMembership;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.journey.track.StageTracking;
import dev.cxm.journey.track.Stall;
import dev.cxm.metrics.clv.BgNbdModel;
import dev.cxm.metrics.clv.ClvSettings;
import dev.cxm.test.time.MutableClock;

/**
 * Erasure through every live view of cxm-engage and cxm-journey in one {@link CustomerErasure} call. The oracle
 * is a twin: the same views fed the same events, records, stalls and decisions with the erased customers' left
 * out. After the erasure every public query of every view, asked about every customer (the erased ones, the
 * others and one never seen), must answer as the twin does; the triggers, fed the erased customers' occurrences
 * again, must fire as triggers that never saw them. Identities link ann-bob (e-mail) and bob-cat (phone), so bob
 * is the bridge of one group: once erased, ann and cat are no longer linked and no merged profile holds him.
 */
class ErasureTest {

    private static final CustomerId ANN = CustomerId.of("ann");
    private static final CustomerId BOB = CustomerId.of("bob");
    private static final CustomerId CAT = CustomerId.of("cat");
    private static final CustomerId DAN = CustomerId.of("dan");
    private static final CustomerId NOBODY = CustomerId.of("nobody");
    private static final List<CustomerId> EVERYONE = List.of(ANN, BOB, CAT, DAN, NOBODY);
    private static final Identity MAIL = Identity.ofEmail("ann@example.com");
    private static final Identity PHONE = Identity.ofPhone("+44 20 7946 0018");
    private static final Identity BOBS_CRM_ID = new Identity(IdentityType.EXTERNAL_ID, "crm-bob");

    private static final List<Segment> SEGMENTS = List.of(
            Segment.of("detractors", Condition.category(CategoryField.NPS_CATEGORY, "detractor")),
            Segment.of("buyers", Condition.number(NumberField.PURCHASE_COUNT, Comparison.AT_LEAST, 1)),
            Segment.of("web", Condition.channelUsed(Channel.WEB)),
            Segment.of("everyone", Condition.number(NumberField.EVENT_COUNT, Comparison.AT_LEAST, 0)));
    private static final NextBestAction CATALOGUE = NextBestAction.custom(List.of(
            new Action("follow-up-call", ActionKind.CALL, Set.of("detractors"), List.of(Channel.PHONE),
                    "service-call", ActionValue.fixed(50), Duration.ofDays(30)),
            new Action("checkout-nudge", ActionKind.MESSAGE, Set.of("everyone"), List.of(Channel.EMAIL),
                    "marketing-email", ActionValue.fixed(5), Duration.ZERO),
            new Action("win-back-offer", ActionKind.OFFER, Set.of("buyers"), List.of(Channel.EMAIL),
                    "marketing-email", ActionValue.fixed(10), Duration.ZERO)))
            .policy(ContactPolicy.custom().noQuietHours().maxContacts(50).build()).build();
    private static final List<Trigger> RULES = List.of(
            new Trigger.DetractorFollowUp("detractor-loop", "follow-up-call", Duration.ofHours(48)),
            new Trigger.StallNudge("checkout-stall", "checkout-nudge", Optional.of("purchase")),
            new Trigger.WinBack("win-back", "win-back-offer", 0.99));

    /** Every store and view of a host, fed alike; {@link #feed} leaves out the customers {@code keep} refuses. */
    private static final class Host {
        final MutableClock clock = new MutableClock(minute(0));
        final InMemoryEventStore events = InMemoryEventStore.create();
        final InMemoryCustomerStore customers = InMemoryCustomerStore.create();
        final CustomerProfiles profiles = CustomerProfiles.custom(ProfileBuilder.custom().journey(EngageLogs.MAP)
                .valuation(ClvValuation.of(BgNbdModel.of(0.243, 4.414, 0.793, 2.426, ChronoUnit.DAYS),
                        ClvSettings.ofDefaults(Duration.ofDays(365)))).build())
                .clock(clock).anyOrder().build();
        final SegmentMembership membership = SegmentMembership.of(SEGMENTS, clock);
        final ContactLedger ledger = ContactLedger.create();
        final Triggers triggers = Triggers.of(RULES);
        final StageTracker tracker = StageTracking.custom(EngageLogs.MAP).clock(clock).build().tracker();
        final List<Stall> stalls = new ArrayList<>();
        final List<CustomerProfile> valued = new ArrayList<>();

        Host() {
            profiles.addListener(membership);
        }

        CustomerErasure erasure() {
            return CustomerErasure.custom().customers(customers).events(events)
                    .participant("profiles", profiles).participant("segments", membership)
                    .participant("contacts", ledger).participant("triggers", triggers)
                    .participant("journeys", tracker).clock(clock).build();
        }

        Host feed(List<Customer> records, List<CustomerEvent> log, Predicate<CustomerId> keep) {
            records.stream().filter(record -> keep.test(record.id())).forEach(record -> {
                customers.put(record);
                profiles.put(record);
            });
            for (CustomerEvent event : log) {
                if (keep.test(event.customerId()) && profiles.append(events, event).isPresent()) {
                    tracker.track(event);
                    triggers.onEvent(event).forEach(this::act);
                }
            }
            clock.set(minute(1_000));
            tracker.checkStalls();   // seeds the stall deadlines, none due yet at minute 1,000 for most
            clock.set(minute(3_000));
            for (Stall stall : tracker.checkStalls()) {
                stalls.add(stall);
                triggers.onStall(stall).forEach(this::act);
            }
            for (CustomerId customer : EVERYONE) {
                profiles.valued(customer).ifPresent(profile -> {
                    valued.add(profile);
                    triggers.onValued(profile).forEach(this::act);
                });
            }
            return this;
        }

        private void act(TriggerFiring firing) {
            CustomerProfile profile = profiles.valued(firing.customer()).orElseThrow();
            Decision decision = CATALOGUE.only(firing.action()).decide(profile, new DecisionContext(clock.instant(),
                    membership.segmentsOf(firing.customer()), ledger.contactsOf(firing.customer())));
            decision.chosen().ifPresent(chosen -> ledger.record(new Contact(firing.customer(), chosen.action(),
                    chosen.channel(), clock.instant())));
        }
    }

    private static List<Customer> records() {
        List<Customer> records = new ArrayList<>();
        for (CustomerId id : List.of(ANN, BOB, CAT, DAN)) {
            Customer.Builder record = Customer.builder(id, minute(0)).profile("tier", "gold")
                    .consent("service-call", ConsentStatus.GRANTED, minute(0))
                    .consent("marketing-email", ConsentStatus.GRANTED, minute(0));
            if (id.equals(ANN) || id.equals(BOB)) {
                record.identity(MAIL);
            }
            if (id.equals(BOB) || id.equals(CAT)) {
                record.identity(PHONE);
            }
            if (id.equals(BOB)) {
                record.identity(BOBS_CRM_ID);
            }
            records.add(record.build());
        }
        return records;
    }

    /** Random events of the four customers, with a detractor's answer, a purchase and a checkout each. */
    private static List<CustomerEvent> log(long seed) {
        Random random = new Random(seed);
        List<CustomerEvent> log = new ArrayList<>();
        for (CustomerId id : List.of(ANN, BOB, CAT, DAN)) {
            String who = id.value();
            for (int i = random.nextInt(12); i > 0; i--) {
                log.add(EngageLogs.event(random, who, who + "-e" + i, random.nextInt(400)));
            }
            log.add(FeedbackResponse.builder(id, minute(random.nextInt(400)), "relationship", FeedbackScale.NPS,
                    random.nextInt(7)).eventId(who + "-nps").build());
            log.add(Purchase.builder(id, minute(random.nextInt(400)), Money.of("20", "EUR")).eventId(who + "-buy")
                    .build());
            log.add(Interaction.builder(id, minute(400 + random.nextInt(100)), EngageLogs.TOUCHPOINTS.get(2))
                    .eventId(who + "-checkout").build());
        }
        Collections.shuffle(log, random);
        return log;
    }

    @Test
    void erasingTheBridgeOfALinkedGroupLeavesEveryViewAsIfHeHadNeverBeenThere() {
        List<Customer> records = records();
        List<CustomerEvent> log = log(14);
        Host host = new Host().feed(records, log, id -> true);
        Host twin = new Host().feed(records, log, id -> !id.equals(BOB));
        // Before: bob links ann and cat, his profile is merged into ann's, and the views know him.
        IdentityGraph linked = IdentityResolution.ofDefaults().resolve(host.customers);
        assertThat(linked.groupOf(CAT)).containsExactly(ANN, BOB, CAT);
        assertThat(linked.profileOf(ANN, host.profiles).orElseThrow().linkedCustomerIds()).contains(BOB);
        long bobsEvents = log.stream().filter(event -> event.customerId().equals(BOB)).count();
        long bobsSegments = SEGMENTS.stream()
                .filter(segment -> segment.contains(host.profiles.get(BOB).orElseThrow(), host.clock.instant()))
                .count();
        int bobsContacts = host.ledger.contactsOf(BOB).size();
        assertThat(bobsContacts).as("the triggers reached bob").isPositive();

        ErasureReport report = host.erasure().erase(BOB);

        assertThat(report.profilesRemoved()).isEqualTo(1);
        assertThat(report.eventsRemoved()).isEqualTo(bobsEvents);
        assertThat(report.forgotten()).containsEntry("profiles", 2L).containsEntry("segments", bobsSegments)
                .containsEntry("contacts", (long) bobsContacts).containsEntry("journeys", 1L);
        assertThat(report.forgotten().get("triggers")).isPositive();
        assertThat(host.erasure().erase(BOB).removedAnything()).as("erased already").isFalse();
        assertAnswersAlike(host, twin, log, Set.of(BOB));
        IdentityGraph after = IdentityResolution.ofDefaults().resolve(host.customers);
        assertThat(after.linkedGroups()).isEmpty();
        assertThat(after.groupOf(ANN)).containsExactly(ANN);
    }

    @Test
    void erasingAPersonKnownUnderLinkedIdsErasesEachIdOfTheGroup() {
        // A person is erased under every id their verified identities link: the group resolved before the
        // erasure, each id erased in turn.
        List<Customer> records = records();
        List<CustomerEvent> log = log(3);
        Host host = new Host().feed(records, log, id -> true);
        Set<CustomerId> person = IdentityResolution.ofDefaults().resolve(host.customers).groupOf(CAT);
        Host twin = new Host().feed(records, log, id -> !person.contains(id));

        person.forEach(host.erasure()::erase);

        assertThat(person).containsExactly(ANN, BOB, CAT);
        assertAnswersAlike(host, twin, log, person);
    }

    @Test
    void afterErasingAnyCustomerEveryViewAnswersAsIfTheyHadNeverBeenThere() {
        qt().withExamples(25).forAll(longs().all()).checkAssert(seed -> {
            CustomerId erased = List.of(ANN, BOB, CAT, DAN).get((int) Math.floorMod(seed, 4L));
            List<Customer> records = records();
            List<CustomerEvent> log = log(seed);
            Host host = new Host().feed(records, log, id -> true);
            Host twin = new Host().feed(records, log, id -> !id.equals(erased));

            host.erasure().erase(erased);

            assertAnswersAlike(host, twin, log, Set.of(erased));
        });
    }

    /** Asks every public query of every view about every customer, and feeds the triggers the erased again. */
    private static void assertAnswersAlike(Host host, Host twin, List<CustomerEvent> log, Set<CustomerId> erased) {
        assertThat(host.clock.instant()).isEqualTo(twin.clock.instant());
        assertThat(host.events.scan().toList()).isEqualTo(twin.events.scan().toList());
        assertThat(host.profiles.size()).isEqualTo(twin.profiles.size());
        assertThat(new HashSet<>(host.profiles.all())).isEqualTo(new HashSet<>(twin.profiles.all()));
        IdentityGraph graph = IdentityResolution.ofDefaults().resolve(host.customers);
        IdentityGraph twinGraph = IdentityResolution.ofDefaults().resolve(twin.customers);
        assertThat(graph.linkedGroups()).isEqualTo(twinGraph.linkedGroups());
        for (CustomerId id : EVERYONE) {
            assertThat(host.customers.get(id)).as("record of %s", id).isEqualTo(twin.customers.get(id));
            assertThat(host.events.eventsOf(id)).as("events of %s", id).isEqualTo(twin.events.eventsOf(id));
            assertThat(host.profiles.get(id)).as("profile of %s", id).isEqualTo(twin.profiles.get(id));
            assertThat(host.profiles.valued(id)).as("valued profile of %s", id).isEqualTo(twin.profiles.valued(id));
            assertThat(host.membership.segmentsOf(id)).as("segments of %s", id)
                    .isEqualTo(twin.membership.segmentsOf(id));
            assertThat(host.ledger.contactsOf(id)).as("contacts of %s", id).isEqualTo(twin.ledger.contactsOf(id));
            assertThat(host.tracker.journeyOf(id)).as("journey of %s", id).isEqualTo(twin.tracker.journeyOf(id));
            for (int minute = -1; minute <= 520; minute += 7) {
                assertThat(host.tracker.stageAt(id, minute(minute))).isEqualTo(twin.tracker.stageAt(id, minute(minute)));
            }
            assertThat(graph.groupOf(id)).as("group of %s", id).isEqualTo(twinGraph.groupOf(id));
            assertThat(graph.linksOf(id)).as("links of %s", id).isEqualTo(twinGraph.linksOf(id));
            assertThat(graph.profileOf(id, host.profiles)).as("merged profile of %s", id)
                    .isEqualTo(twinGraph.profileOf(id, twin.profiles));
        }
        for (Segment segment : SEGMENTS) {
            assertThat(host.membership.members(segment.name())).isEqualTo(twin.membership.members(segment.name()));
        }
        assertThat(host.tracker.state()).isEqualTo(twin.tracker.state());
        assertThat(host.tracker.result()).isEqualTo(twin.tracker.result());
        host.clock.set(minute(10_000));
        twin.clock.set(minute(10_000));
        assertThat(host.tracker.checkStalls()).isEqualTo(twin.tracker.checkStalls());
        for (CustomerProfile profile : host.profiles.all()) {
            assertThat(profile.linkedCustomerIds()).doesNotContainAnyElementsOf(erased);
            if (erased.contains(BOB)) {
                assertThat(profile.identities()).doesNotContain(BOBS_CRM_ID);
            }
        }
        // The triggers forgot the erased customers' occurrences: delivered again, each fires as in triggers that
        // never saw it (the twin's); the others' occurrences stay remembered.
        for (CustomerEvent event : log) {
            List<TriggerFiring> again = host.triggers.onEvent(event);
            if (erased.contains(event.customerId())) {
                assertThat(again).isEqualTo(Triggers.of(RULES).onEvent(event)).isEqualTo(twin.triggers.onEvent(event));
            } else {
                assertThat(again).isEmpty();
            }
        }
        for (Stall stall : host.stalls) {
            if (erased.contains(stall.customer())) {
                assertThat(host.triggers.onStall(stall)).isNotEmpty().isEqualTo(twin.triggers.onStall(stall));
            }
        }
        for (CustomerProfile valued : host.valued) {
            if (erased.contains(valued.customerId())) {
                assertThat(host.triggers.onValued(valued)).isEqualTo(twin.triggers.onValued(valued));
            }
        }
    }
}
