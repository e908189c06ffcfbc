package dev.cxm.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;

/**
 * The interner hands back each event equal to itself, holding the customer id it is given and, for every
 * touchpoint, scale, outcome and survey id, the first instance equal to it that it saw; an event that holds
 * those instances already comes back as itself. Oracle: that rule (the class Javadoc), checked with
 * {@code equals} against the event given and with identity against the instances the test made, one part
 * differing at a time so that each part's check decides on its own.
 */
class EventInternerTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static Touchpoint hotline() {
        return Touchpoint.of("hotline", "Support hotline", Channel.PHONE);
    }

    private static Interaction interaction(String id, CustomerId customer, Touchpoint touchpoint, String outcome) {
        return Interaction.builder(customer, AT, touchpoint).eventId(id).outcome(outcome).build();
    }

    private static Purchase purchase(String id, CustomerId customer, Optional<Touchpoint> touchpoint) {
        Purchase.Builder purchase = Purchase.builder(customer, AT, Money.of("1.00", "EUR")).eventId(id);
        touchpoint.ifPresent(purchase::touchpoint);
        return purchase.build();
    }

    private static FeedbackResponse response(String id, CustomerId customer, Optional<Touchpoint> touchpoint,
            FeedbackScale scale, String surveyId) {
        FeedbackResponse.Builder response = FeedbackResponse.builder(customer, AT, surveyId, scale, 7).eventId(id);
        touchpoint.ifPresent(response::touchpoint);
        return response.build();
    }

    /** Interns {@code event} and checks that the result equals it and holds {@code customer}. */
    private static <E extends CustomerEvent> E interned(EventInterner interner, E event, CustomerId customer) {
        @SuppressWarnings("unchecked") // the interner keeps the event's class
        E result = (E) interner.intern(event, customer);
        assertThat(result).isEqualTo(event).hasSameClassAs(event);
        assertThat(result.customerId()).isSameAs(customer);
        return result;
    }

    @Test
    void anInteractionSharesItsCustomerTouchpointAndOutcome() {
        EventInterner interner = new EventInterner();
        CustomerId customer = CustomerId.of("c1");
        Touchpoint touchpoint = hotline();
        String outcome = new String("resolved");

        Interaction first = interaction("i1", customer, touchpoint, outcome);
        assertThat(interned(interner, first, customer)).isSameAs(first);

        Interaction otherCustomer = interaction("i2", CustomerId.of("c1"), touchpoint, outcome);
        assertThat(interned(interner, otherCustomer, customer)).isNotSameAs(otherCustomer);

        Interaction otherTouchpoint = interaction("i3", customer, hotline(), outcome);
        Interaction shared = interned(interner, otherTouchpoint, customer);
        assertThat(shared.touchpoint()).isSameAs(touchpoint);
        assertThat(shared.outcome()).isSameAs(outcome);

        Interaction otherOutcome = interaction("i4", customer, touchpoint, new String("resolved"));
        assertThat(interned(interner, otherOutcome, customer).outcome()).isSameAs(outcome);
    }

    @Test
    void aPurchaseSharesItsCustomerAndTouchpoint() {
        EventInterner interner = new EventInterner();
        CustomerId customer = CustomerId.of("c2");
        Touchpoint touchpoint = hotline();

        Purchase first = purchase("p1", customer, Optional.of(touchpoint));
        assertThat(interned(interner, first, customer)).isSameAs(first);
        Purchase without = purchase("p0", customer, Optional.empty());
        assertThat(interned(interner, without, customer)).isSameAs(without);

        // Without a touchpoint (the one empty Optional), only the customer id's instance differs.
        Purchase otherCustomer = purchase("p2", CustomerId.of("c2"), Optional.empty());
        assertThat(interned(interner, otherCustomer, customer)).isNotSameAs(otherCustomer);

        Purchase otherTouchpoint = purchase("p3", customer, Optional.of(hotline()));
        Purchase shared = interned(interner, otherTouchpoint, customer);
        assertThat(shared.touchpoint().orElseThrow()).isSameAs(touchpoint);
    }

    @Test
    void aResponseSharesItsCustomerTouchpointScaleAndSurveyId() {
        EventInterner interner = new EventInterner();
        CustomerId customer = CustomerId.of("c3");
        Touchpoint touchpoint = hotline();
        FeedbackScale scale = new FeedbackScale("nps", 0, 10);
        String survey = new String("nps-q1");

        FeedbackResponse first = response("f1", customer, Optional.of(touchpoint), scale, survey);
        assertThat(interned(interner, first, customer)).isSameAs(first);

        FeedbackResponse without = response("f0", customer, Optional.empty(), scale, survey);
        assertThat(interned(interner, without, customer)).isSameAs(without);
        FeedbackResponse otherCustomer = response("f2", CustomerId.of("c3"), Optional.empty(), scale, survey);
        assertThat(interned(interner, otherCustomer, customer)).isNotSameAs(otherCustomer);

        FeedbackResponse otherTouchpoint = response("f3", customer, Optional.of(hotline()), scale, survey);
        assertThat(interned(interner, otherTouchpoint, customer).touchpoint().orElseThrow()).isSameAs(touchpoint);

        FeedbackResponse otherScale = response("f4", customer, Optional.empty(), FeedbackScale.NPS, survey);
        FeedbackResponse sharedScale = interned(interner, otherScale, customer);
        assertThat(sharedScale.scale()).isSameAs(scale);
        assertThat(sharedScale.surveyId()).isSameAs(survey);

        FeedbackResponse otherSurvey = response("f5", customer, Optional.empty(), scale, new String("nps-q1"));
        assertThat(interned(interner, otherSurvey, customer).surveyId()).isSameAs(survey);
    }

    @Test
    void aTouchpointIsSharedAcrossEventTypesTogetherWithItsOptional() {
        // Oracle: the class Javadoc. The first purchase or response of a touchpoint keeps its Optional; a later
        // one, whose builder made an Optional of its own, comes back holding that first Optional, also when the
        // touchpoint inside is the shared instance already (the Optional is what the copy saves then).
        EventInterner interner = new EventInterner();
        CustomerId customer = CustomerId.of("c4");
        Touchpoint touchpoint = hotline();
        interned(interner, interaction("i1", customer, touchpoint, "ok"), customer);

        Purchase first = interned(interner, purchase("p1", customer, Optional.of(hotline())), customer);
        assertThat(first.touchpoint().orElseThrow()).isSameAs(touchpoint);

        Purchase sameInstance = purchase("p2", customer, Optional.of(touchpoint));
        Purchase second = interned(interner, sameInstance, customer);
        assertThat(second).isNotSameAs(sameInstance);
        assertThat(second.touchpoint()).isSameAs(first.touchpoint());

        FeedbackResponse response = interned(interner,
                response("f1", customer, Optional.of(touchpoint), FeedbackScale.NPS, "s"), customer);
        assertThat(response.touchpoint()).isSameAs(first.touchpoint());
    }
}
