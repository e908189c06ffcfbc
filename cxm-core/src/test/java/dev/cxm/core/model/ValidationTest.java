package dev.cxm.core.model;

import static dev.cxm.core.store.kit.TestEvents.HOTLINE;
import static dev.cxm.core.store.kit.TestEvents.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cxm.core.store.EventQuery;

/**
 * Each validation rule of the model, one test each: the rule is the oracle, and every message must name
 * the field and the rule; a value that may come from imported data (a score, an amount, a duration, a
 * channel or currency text) is never repeated (issue 9, item 8).
 */
class ValidationTest {

    private static final CustomerId C1 = CustomerId.of("c1");

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void rejectsBlankIds(String blank) {
        assertThatThrownBy(() -> CustomerId.of(blank)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("customerId: ").hasMessageContaining("blank");
        assertThatThrownBy(() -> EventId.of(blank)).hasMessageStartingWith("eventId: ");
        assertThatThrownBy(() -> TouchpointId.of(blank)).hasMessageStartingWith("touchpointId: ");
    }

    @Test
    void rejectsIdsLongerThan256Characters() {
        assertThat(CustomerId.of("x".repeat(256)).value()).hasSize(256);
        assertThatThrownBy(() -> CustomerId.of("x".repeat(257)))
                .hasMessage("customerId: an id of 257 characters is too long; the limit is 256");
    }

    @Test
    void rejectsNullWithTheFieldName() {
        assertThatThrownBy(() -> new CustomerId(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("customerId must not be null");
    }

    @ParameterizedTest
    @CsvSource({"nps,-1", "nps,11", "csat,0", "csat,6", "ces,0", "ces,8"})
    void rejectsScoresOutsideTheStandardScales(String scaleName, int score) {
        FeedbackScale scale = FeedbackScale.parse(scaleName);
        assertThatThrownBy(() -> FeedbackResponse.builder(C1, at(0), "s", scale, score).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score: is outside the " + scaleName.toUpperCase() + " scale "
                        + scale.min() + ".." + scale.max());
    }

    @ParameterizedTest
    @CsvSource({"nps,0", "nps,10", "csat,1", "csat,5", "ces,1", "ces,7"})
    void acceptsScoresAtTheEndsOfEachScale(String scaleName, int score) {
        assertThat(FeedbackResponse.builder(C1, at(0), "s", FeedbackScale.parse(scaleName), score).build().score())
                .isEqualTo(score);
    }

    @Test
    void customScalesValidateTheirRange() {
        FeedbackScale stars = FeedbackScale.parse("stars:1..10");
        assertThat(stars).isEqualTo(FeedbackScale.custom("stars", 1, 10));
        assertThat(stars.points()).isEqualTo(10);
        assertThatThrownBy(() -> stars.requireOnScale(170123456)).hasMessage("score: is outside the stars scale 1..10");
        assertThatThrownBy(() -> FeedbackScale.custom("flat", 3, 3))
                .hasMessage("scale: is empty or a single point; max must be greater than min");
        assertThatThrownBy(() -> FeedbackScale.parse("ten-ish")).hasMessageStartingWith("scale: is not a scale")
                .hasMessageNotContaining("ten-ish");
        assertThat(FeedbackScale.parse(FeedbackScale.CES.toString())).isEqualTo(FeedbackScale.CES);
    }

    @Test
    void aPresetReadBackFromItsTextIsThePresetItself() {
        // Expected: what toString writes (nps:0..10) reads back as the very constant, so that the scale of an
        // import's rows compares by identity with a metric's; a custom scale of another name stays its own.
        for (FeedbackScale preset : List.of(FeedbackScale.NPS, FeedbackScale.CSAT, FeedbackScale.CES)) {
            assertThat(FeedbackScale.parse(preset.toString())).isSameAs(preset);
            assertThat(FeedbackScale.parse(preset.toString().toUpperCase(Locale.ROOT))).isNotEqualTo(preset);
        }
        assertThat(FeedbackScale.parse("nps:1..10")).isNotEqualTo(FeedbackScale.NPS);
    }

    @Test
    void rejectsNegativeAmounts() {
        assertThatThrownBy(() -> Money.of("-4111111111111111", "EUR"))
                .hasMessage("amount: is negative; an amount must be 0 or more");
    }

    @Test
    void boundsAmountsAtEighteenDigitsEachSideOfThePoint() {
        // Issue 9, item 7. Oracle: the documented bounds, |amount| < 10^18 and at most 18 decimal places once
        // trailing zeros are removed; checked before any arithmetic, so a huge exponent fails fast.
        assertThat(Money.of("999999999999999999.999999999999999999", "EUR").amount())
                .isEqualTo(new BigDecimal("999999999999999999.999999999999999999"));
        assertThat(Money.of("1.5000000000000000000000000", "EUR").amount()).isEqualTo(new BigDecimal("1.50"));
        assertThat(Money.of("0e999999999", "EUR")).isEqualTo(Money.zero(java.util.Currency.getInstance("EUR")));
        for (String tooLarge : new String[] {"1000000000000000000", "1e18", "1e999999999"}) {
            assertThatThrownBy(() -> Money.of(tooLarge, "EUR")).as(tooLarge)
                    .hasMessage("amount: is 10^18 or more; an amount must be less than 10^18");
        }
        for (String tooFine : new String[] {"0.0000000000000000001", "1e-19", "1e-999999999"}) {
            assertThatThrownBy(() -> Money.of(tooFine, "EUR")).as(tooFine)
                    .hasMessage("amount: has more than 18 decimal places; an amount has at most 18");
        }
        Money almost = Money.of("999999999999999999", "EUR");
        assertThatThrownBy(() -> almost.plus(Money.of("1", "EUR"))).hasMessageStartingWith("amount: is 10^18 or more");
    }

    @Test
    void amountTextIsReadWithAsciiDigitsOnly() {
        // Issue 9, item 5: new BigDecimal("\u0661\u0660") is 10; Money.of refuses it, without repeating it.
        assertThatThrownBy(() -> Money.of("\u0661\u0660", "EUR"))
                .hasMessage("amount: is not a decimal number of ASCII digits such as 19.99");
        assertThatThrownBy(() -> FeedbackScale.parse("stars:1..\u096f")).hasMessageStartingWith("scale: is not a scale");
    }

    @Test
    void rejectsUnknownCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "EURO")).hasMessage("currency: is not an ISO 4217 currency code such as EUR");
    }

    @Test
    void rejectsMixedCurrenciesInOneComputation() {
        Money euros = Money.of("10", "EUR");
        assertThatThrownBy(() -> euros.plus(Money.of("5", "USD")))
                .hasMessage("currency: USD does not match EUR; amounts in one computation must share a currency");
        assertThat(euros.plus(Money.of("5.5", "EUR"))).isEqualTo(Money.of("15.50", "EUR"));
    }

    @Test
    void equalAmountsAreEqualWhateverTheirScale() {
        // Closed form: numerically equal amounts normalise to the currency's minor digits (2 for EUR, 0 for JPY).
        assertThat(Money.of("10", "EUR")).isEqualTo(Money.of("10.000", "EUR"));
        assertThat(Money.of("10", "EUR").amount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(Money.of("10.005", "EUR").amount()).isEqualTo(new BigDecimal("10.005"));
        assertThat(Money.of("1200", "JPY").amount()).isEqualTo(new BigDecimal("1200"));
    }

    @Test
    void rejectsNegativeItemCountAndDuration() {
        assertThatThrownBy(() -> Purchase.builder(C1, at(0), Money.of("1", "EUR")).itemCount(-1))
                .hasMessage("itemCount: is negative; it must be 0 or more");
        assertThatThrownBy(() -> Interaction.builder(C1, at(0), HOTLINE).duration(Duration.ofSeconds(-5)).build())
                .hasMessage("duration: is negative; a duration must be zero or positive");
    }

    @Test
    void rejectsBlankAttributeKeys() {
        assertThatThrownBy(() -> Interaction.builder(C1, at(0), HOTLINE).attribute(" ", "x"))
                .hasMessageStartingWith("attributes key: ");
        assertThatThrownBy(() -> new Interaction(EventId.of("e"), C1, at(0), HOTLINE, "ok", Duration.ZERO,
                Map.of("", "x"))).hasMessageStartingWith("attributes: key \"\" is blank");
    }

    @Test
    void hashIdentitiesRejectRawValuesWithoutEchoingThem() {
        String address = "jane.doe@example.com";
        assertThatThrownBy(() -> new Identity(IdentityType.EMAIL_HASH, address))
                .hasMessageNotContaining(address)
                .hasMessageContaining("SHA-256");
        // Closed form: SHA-256 of "jane.doe@example.com", normalised from the mixed-case, padded address.
        assertThat(Identity.ofEmail("  Jane.Doe@Example.com ").value())
                .isEqualTo(com.google.common.hash.Hashing.sha256()
                        .hashString(address, java.nio.charset.StandardCharsets.UTF_8).toString());
        assertThat(Identity.ofPhone("+44 20 7946 0018")).isEqualTo(Identity.ofPhone("+442079460018"));
    }

    @Test
    void channelParsingIsLenientAboutCaseAndSeparators() {
        assertThat(Channel.parse("mobile app")).isEqualTo(Channel.MOBILE_APP);
        assertThat(Channel.parse("Mobile-App")).isEqualTo(Channel.MOBILE_APP);
        assertThatThrownBy(() -> Channel.parse("fax")).hasMessageStartingWith("channel: is not a channel")
                .hasMessageNotContaining("fax");
    }

    @Test
    void blankCommentCountsAsNone() {
        FeedbackResponse response = FeedbackResponse.builder(C1, at(0), "s", FeedbackScale.NPS, 8).comment("  ").build();
        assertThat(response.comment()).isEmpty();
    }

    @Test
    void latestConsentDecisionWins() {
        Instant t0 = at(0);
        Customer customer = Customer.builder(C1, t0)
                .consent("marketing", ConsentStatus.GRANTED, at(10))
                .consent("marketing", ConsentStatus.REVOKED, at(20))
                .consent("analytics", ConsentStatus.GRANTED, at(5))
                .build();
        assertThat(customer.consentFor("marketing").map(ConsentRecord::status)).contains(ConsentStatus.REVOKED);
        assertThat(customer.hasConsented("marketing")).isFalse();
        assertThat(customer.hasConsented("analytics")).isTrue();
        assertThat(customer.hasConsented("profiling")).isFalse();
        assertThat(customer.toBuilder().build()).isEqualTo(customer);
    }

    @Test
    void aConsentQueryRefusesANullPurpose() {
        // The oracle is the rule of the @NullMarked package: a null purpose is refused by name at once, not
        // answered with false (no decision) as an unknown purpose is.
        Customer customer = Customer.builder(C1, at(0)).consent("marketing", ConsentStatus.GRANTED, at(1)).build();
        assertThatThrownBy(() -> customer.hasConsented(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("purpose must not be null");
        assertThatThrownBy(() -> customer.consentFor(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("purpose must not be null");
    }

    @Test
    void purchaseOrderIdDefaultsToTheEventId() {
        Purchase purchase = Purchase.builder(C1, at(0), Money.of("3", "EUR")).eventId("p-7").build();
        assertThat(purchase.orderId()).isEqualTo("p-7");
        assertThat(purchase.itemCount()).isEqualTo(1);
        assertThat(purchase.touchpoint()).isEqualTo(Optional.empty());
    }

    @Test
    void derivedEventIdsAreDeterministic() {
        assertThat(EventId.derivedFrom("row 1")).isEqualTo(EventId.derivedFrom("row 1"))
                .isNotEqualTo(EventId.derivedFrom("row 2"));
    }

    @Test
    void queryRejectsAReversedTimeRange() {
        assertThatThrownBy(() -> EventQuery.builder().between(at(10), at(5)).build())
                .hasMessage("to: " + at(5) + " is before from " + at(10) + "; a time range must not be reversed");
    }
}
