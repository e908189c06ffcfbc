package dev.cxm.engage.profile;

import static dev.cxm.engage.EngageLogs.minute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.ConsentStatus;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.engage.EngageLogs;
import dev.cxm.journey.track.StageVisit;
import dev.cxm.metrics.text.VaderSentiment;

/**
 * A hand-made customer whose profile is worked out by hand in the comments: Ann, with eight events on two
 * channels, three purchases in two currencies, two NPS answers and a CSAT answer. The mean sentiment is the
 * plain average of VADER's scores of her two comments, each scored alone.
 */
class ProfileBuilderTest {

    static final CustomerId ANN = CustomerId.of("ann");
    static final Touchpoint AD = EngageLogs.TOUCHPOINTS.get(0);
    static final Touchpoint CHECKOUT = EngageLogs.TOUCHPOINTS.get(2);
    static final Touchpoint HOTLINE = EngageLogs.TOUCHPOINTS.get(3);
    static final String PRAISE = "great service, thank you";
    static final String COMPLAINT = "terrible, slow and rude";

    static List<CustomerEvent> annsEvents() {
        return List.of(
                Interaction.builder(ANN, minute(0), AD).eventId("a1").build(),
                Interaction.builder(ANN, minute(5), HOTLINE).eventId("a2").build(),
                Interaction.builder(ANN, minute(7), HOTLINE).eventId("a3").build(),
                Purchase.builder(ANN, minute(20), Money.of("19.99", "EUR")).touchpoint(CHECKOUT).eventId("a4").build(),
                Purchase.builder(ANN, minute(30), Money.of("5.01", "EUR")).eventId("a5").build(),
                Purchase.builder(ANN, minute(40), Money.of("10", "USD")).eventId("a6").build(),
                FeedbackResponse.builder(ANN, minute(50), "relationship", FeedbackScale.NPS, 9).comment(PRAISE)
                        .eventId("a7").build(),
                FeedbackResponse.builder(ANN, minute(60), "relationship", FeedbackScale.NPS, 3).comment(COMPLAINT)
                        .eventId("a8").build(),
                FeedbackResponse.builder(ANN, minute(61), "support", FeedbackScale.CSAT, 4).eventId("a9").build());
    }

    @Test
    void annsProfileHoldsHerChannelsSpendAnswersSentimentAndStage() {
        VaderSentiment vader = VaderSentiment.ofDefaults();
        ProfileBuilder builder = ProfileBuilder.custom().sentiment(vader).journey(EngageLogs.MAP).build();
        CustomerProfile ann = builder.rebuild(ANN, Optional.empty(), annsEvents());

        assertThat(ann.eventCount()).isEqualTo(9);
        assertThat(ann.firstSeen()).contains(minute(0));
        assertThat(ann.lastSeen()).contains(minute(61));
        // web: the ad (0) and the checkout (20); phone: the hotline twice (5, 7); the untouched purchases count nowhere
        assertThat(ann.channels()).isEqualTo(Map.of(Channel.WEB, new ChannelUse(2, minute(20)),
                Channel.PHONE, new ChannelUse(2, minute(7))));
        // two each: the one used last wins
        assertThat(ann.preferredChannel()).contains(Channel.WEB);
        assertThat(ann.purchaseCount()).isEqualTo(3);
        // 19.99 + 5.01 = 25.00 EUR over two purchases, mean 12.5; 10.00 USD
        assertThat(ann.totalSpend()).isEqualTo(Map.of(Currency.getInstance("EUR"), Money.of("25.00", "EUR"),
                Currency.getInstance("USD"), Money.of("10", "USD")));
        assertThat(ann.spend().get(Currency.getInstance("EUR")).mean()).isEqualByComparingTo(new BigDecimal("12.5"));
        assertThat(ann.lastPurchase().orElseThrow().at()).isEqualTo(minute(40));
        assertThat(ann.latestNps().orElseThrow().score()).isEqualTo(3);
        assertThat(ann.npsCategory()).contains(NpsCategory.DETRACTOR);
        assertThat(ann.latestCsat().orElseThrow().score()).isEqualTo(4);
        assertThat(ann.latestCes()).isEmpty();
        double expected = (vader.score(PRAISE).compound() + vader.score(COMPLAINT).compound()) / 2;
        assertThat(ann.meanSentiment().getAsDouble()).isCloseTo(expected, within(1e-15));
        // ad: awareness (0), hotline: service (5, 7), checkout: purchase (20); later events are unplaced
        assertThat(ann.journeyStage()).contains(new StageVisit("purchase", minute(20)));
        assertThat(ann.timeInStage(minute(80))).contains(Duration.ofMinutes(60));
    }

    @Test
    void theRecordGivesAttributesTheLatestConsentPerPurposeAndAnEarlierFirstSeen() {
        // the record meets Ann 30 minutes before her first event; e-mail granted at 1 and revoked at 2: revoked
        Customer record = Customer.builder(ANN, minute(-30)).profile("tier", "gold")
                .consent("marketing-email", ConsentStatus.GRANTED, minute(1))
                .consent("marketing-email", ConsentStatus.REVOKED, minute(2))
                .consent("service-call", ConsentStatus.GRANTED, minute(3)).build();
        CustomerProfile ann = ProfileBuilder.ofDefaults().rebuild(ANN, Optional.of(record), annsEvents());
        assertThat(ann.firstSeen()).contains(minute(-30));
        assertThat(ann.attributes()).containsEntry("tier", "gold");
        assertThat(ann.hasConsented("marketing-email")).isFalse();
        assertThat(ann.hasConsented("service-call")).isTrue();
        assertThat(ann.hasConsented("never-asked")).isFalse();
        // A null purpose is refused by name at once (the packages are @NullMarked), not answered as never asked.
        assertThatThrownBy(() -> ann.hasConsented(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("purpose must not be null");
        assertThatThrownBy(() -> ann.recordFields().hasConsented(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("purpose must not be null");
        assertThatThrownBy(() -> RecordFields.none().hasConsented(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("purpose must not be null");
        assertThat(ann.meanSentiment()).as("no analyzer, no sentiment").isEmpty();
        assertThat(ann.journeyStage()).as("no map, no stage").isEmpty();
    }

    @Test
    void anUpdateSharesThePartsItsEventLeavesAloneAndRemakesTheOneItTouches() {
        // Ann's record, then her events a1 (an interaction), a4 (a purchase) and a7 (an NPS answer) in turn:
        // each event remakes only its own part; the expected parts are the previous profile's own instances,
        // and the part remade equals what the one event gives by hand (one purchase of 19.99 EUR, an NPS 9).
        ProfileBuilder builder = ProfileBuilder.ofDefaults();
        CustomerProfile recorded = builder.of(Customer.builder(ANN, minute(-30)).profile("tier", "gold").build());
        List<CustomerEvent> events = annsEvents();

        CustomerProfile touched = builder.update(recorded, events.get(0));
        assertThat(touched.purchases()).isSameAs(recorded.purchases());
        assertThat(touched.answers()).isSameAs(recorded.answers());
        assertThat(touched.recordFields()).isSameAs(recorded.recordFields());

        CustomerProfile bought = builder.update(touched, events.get(3));
        assertThat(bought.answers()).isSameAs(touched.answers());
        assertThat(bought.recordFields()).isSameAs(touched.recordFields());
        assertThat(bought.purchases().count()).isEqualTo(1);
        assertThat(bought.purchases().spend().get(Currency.getInstance("EUR")).total())
                .isEqualTo(Money.of("19.99", "EUR"));
        assertThat(bought.purchases().first()).isEqualTo(bought.purchases().last());

        CustomerProfile answered = builder.update(bought, events.get(6));
        assertThat(answered.purchases()).isSameAs(bought.purchases());
        assertThat(answered.recordFields()).isSameAs(bought.recordFields());
        assertThat(answered.answers().latestNps().orElseThrow().score()).isEqualTo(9);
        // the profile's own accessors read the parts
        assertThat(answered.purchaseCount()).isEqualTo(1);
        assertThat(answered.attributes()).isEqualTo(Map.of("tier", "gold"));
        assertThat(answered.npsCategory()).contains(NpsCategory.PROMOTER);
    }

    @Test
    void liveProfilesCountAnEventOnceWhenTheStoreRefusesItsDuplicate() {
        EventStore store = InMemoryEventStore.create();
        CustomerProfiles profiles = CustomerProfiles.create(ProfileBuilder.ofDefaults());
        CustomerEvent first = annsEvents().get(3);
        assertThat(profiles.append(store, first)).isPresent();
        assertThat(profiles.append(store, first)).as("a duplicate").isEmpty();
        assertThat(profiles.get(ANN).orElseThrow().purchaseCount()).isEqualTo(1);
    }

    @Test
    void anEventOfAnotherCustomerIsRefusedNamingBothIds() {
        ProfileBuilder builder = ProfileBuilder.ofDefaults();
        CustomerEvent bobs = Interaction.builder(CustomerId.of("bob"), minute(0), AD).eventId("b1").build();
        assertThatThrownBy(() -> builder.update(builder.empty(ANN), bobs))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event: b1 is of customer bob, not of the profile of ann");
    }

    @Test
    void theConfigurationIsAValueWithDefaultsCustomAndFrom() {
        VaderSentiment vader = VaderSentiment.ofDefaults();
        ProfileBuilder custom = ProfileBuilder.custom().sentiment(vader).journey(EngageLogs.MAP).build();
        assertThat(ProfileBuilder.from(custom).build()).isEqualTo(custom).hasSameHashCodeAs(custom);
        assertThat(ProfileBuilder.custom().build()).isEqualTo(ProfileBuilder.ofDefaults());
        assertThat(ProfileBuilder.ofDefaults()).hasToString(
                "ProfileBuilder[sentiment none, journey none, valuation none]");
        assertThat(custom).isNotEqualTo(ProfileBuilder.ofDefaults());
    }
}
