package dev.cxm.examples.embed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.EventStore;
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
import dev.cxm.engage.profile.CustomerProfiles;
import dev.cxm.engage.profile.ProfileBuilder;
import dev.cxm.engage.segment.CategoryField;
import dev.cxm.engage.segment.Condition;
import dev.cxm.engage.segment.Segment;
import dev.cxm.engage.segment.SegmentMembership;
import dev.cxm.examples.embed.ExampleData.ReplayClock;

/**
 * The detractor follow-up loop: every event updates the customer's live profile, a detractor's NPS answer
 * fires the follow-up trigger, and the next-best action picks a call (with the customer's consent to service
 * calls) or else an apology e-mail (with consent to marketing e-mail), each at most once a month per customer.
 */
public final class DetractorFollowUp {

    /** A call from a service agent, for detractors who agreed to service calls; an apology e-mail else. */
    static final Action CALL = new Action("follow-up-call", ActionKind.CALL, Set.of("detractors"),
            List.of(Channel.PHONE), "service-call", ActionValue.fixed(50), Duration.ofDays(30));
    static final Action APOLOGY = new Action("apology-email", ActionKind.MESSAGE, Set.of("detractors"),
            List.of(Channel.EMAIL), "marketing-email", ActionValue.fixed(10), Duration.ofDays(30));

    private DetractorFollowUp() {}

    /**
     * Runs the loop over the customers' records and their events, in time order.
     *
     * @param customers the customer records (consents, time zones)
     * @param events the events, in time order
     * @return one decision per detractor answer, chosen or not
     */
    public static List<Decision> run(List<Customer> customers, List<CustomerEvent> events) {
        ReplayClock clock = new ReplayClock(Instant.EPOCH);   // a live host uses its own clock
        CustomerProfiles profiles = CustomerProfiles.custom(ProfileBuilder.ofDefaults()).clock(clock).build();
        SegmentMembership segments = SegmentMembership.of(List.of(Segment.of("detractors",
                Condition.category(CategoryField.NPS_CATEGORY, "detractor"))), clock);
        profiles.addListener(segments);
        customers.forEach(profiles::put);
        Triggers triggers = Triggers.of(List.of(new Trigger.DetractorFollowUp("loop", "follow-up", Duration.ofHours(48))));
        NextBestAction catalogue = NextBestAction.custom(List.of(CALL, APOLOGY))
                .policy(ContactPolicy.custom().noQuietHours().build()).build();
        ContactLedger contacts = ContactLedger.create();
        EventStore store = InMemoryEventStore.create();
        List<Decision> decisions = new ArrayList<>();
        for (CustomerEvent event : events) {
            clock.set(event.occurredAt());
            var profile = profiles.append(store, event);   // empty when the event was seen before
            for (TriggerFiring firing : profile.isPresent() ? triggers.onEvent(event) : List.<TriggerFiring>of()) {
                Decision decision = catalogue.decide(profile.get(), new DecisionContext(clock.instant(),
                        segments.segmentsOf(firing.customer()), contacts.contactsOf(firing.customer())));
                decision.chosen().ifPresent(chosen -> contacts.record(new Contact(firing.customer(), chosen.action(),
                        chosen.channel(), clock.instant())));
                decisions.add(decision);
            }
        }
        return decisions;
    }

    /**
     * Runs the loop over a simulated world and prints what was done.
     *
     * @param args none
     * @throws Exception when the world cannot be written or read
     */
    public static void main(String[] args) throws Exception {
        var world = ExampleData.world(2_000);
        List<Decision> decisions = run(ExampleData.customers(world), ExampleData.eventsInTimeOrder(world));
        Map<String, Integer> done = new TreeMap<>();   // what was done, or why not
        decisions.forEach(d -> done.merge(d.chosen().map(c -> c.action()).orElse(d.reason()), 1, Integer::sum));
        System.out.println(decisions.size() + " detractor answers: " + done);
    }
}
