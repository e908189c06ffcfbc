package dev.cxm.metrics.clv.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.core.io.CxmJson;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;

/**
 * The saved form of an RFM summarizer: the golden format-1 file in {@code src/test/resources/golden} must keep
 * reading, restore a summarizer that summarises as the hand computation below says, and be exactly what the
 * summarizer writes for the same purchases; a state that no summarizer can have is refused.
 */
class RfmSummaryStateTest {

    private static final ObjectMapper JSON = CxmJson.mapper();
    private static final RfmSummaryOptions OPTIONS = RfmSummaryOptions.custom(Instant.parse("2026-02-01T00:00:00Z"),
            ChronoUnit.WEEKS).holdoutEnd(Instant.parse("2026-03-01T00:00:00Z")).build();

    private static Purchase purchase(String customer, String day, String euros) {
        return Purchase.builder(CustomerId.of(customer), Instant.parse(day + "T12:00:00Z"),
                Money.of(new BigDecimal(euros), Currency.getInstance("EUR"))).build();
    }

    /** The purchases of the golden file, in its order. */
    private static RfmSummarizer goldenPurchases() {
        return RfmSummarizer.of(OPTIONS).add(purchase("a", "2026-01-05", "10.00")).add(purchase("a", "2026-01-19",
                "20.00"))
                .add(purchase("a", "2026-01-19", "5.00")).add(purchase("a", "2026-02-10", "7.50"))
                .add(purchase("b", "2026-01-26", "3.00")).add(purchase("c", "2026-02-15", "4.00"));
    }

    private static JsonNode golden() throws IOException {
        try (InputStream in = RfmSummaryStateTest.class.getResourceAsStream("/golden/rfm-summary-state-v1.json")) {
            if (in == null) {
                throw new AssertionError("src/test/resources/golden/rfm-summary-state-v1.json is missing");
            }
            return JSON.readTree(in);
        }
    }

    @Test
    void theGoldenFormatOneStateReadsAndSummarisesAsComputedByHand() throws IOException {
        // Oracle: hand computation with days merged and weeks as the unit. a buys on Jan 5 (10) and twice on
        // Jan 19 (20 + 5), one repeat day: frequency 1, recency 14 days = 2 weeks, T from Jan 5 to the last
        // calibration day Jan 31 = 26 days, mean repeat spend 25, total 35, and in the holdout one day of 7.50.
        // b buys once on Jan 26: T 5 days, total 3, no holdout purchase. c first buys in the holdout: left out.
        RfmSummaryState state = JSON.treeToValue(golden(), RfmSummaryState.class);
        assertThat(state.formatVersion()).isEqualTo(1);
        RfmSummary summary = RfmSummarizer.restore(state).result();
        assertThat(summary.options()).isEqualTo(OPTIONS);
        assertThat(summary.currency()).contains(Currency.getInstance("EUR"));
        assertThat(summary.customers()).hasSize(2);
        CustomerSummary a = summary.customers().get(0);
        assertThat(a.customerId()).isEqualTo(CustomerId.of("a"));
        assertThat(a.frequency()).isEqualTo(1);
        assertThat(a.recency()).isEqualTo(2.0);
        assertThat(a.age()).isCloseTo(26 / 7.0, within(1e-12));
        assertThat(a.monetaryValue()).hasValue(25.0);
        assertThat(a.totalSpend()).hasValue(35.0);
        assertThat(a.holdout()).hasValueSatisfying(holdout -> {
            assertThat(holdout.frequency()).isEqualTo(1);
            assertThat(holdout.totalSpend()).hasValue(7.5);
        });
        CustomerSummary b = summary.customers().get(1);
        assertThat(b.customerId()).isEqualTo(CustomerId.of("b"));
        assertThat(b.frequency()).isZero();
        assertThat(b.age()).isCloseTo(5 / 7.0, within(1e-12));
        assertThat(b.monetaryValue()).isEmpty();
        assertThat(b.holdout()).hasValueSatisfying(holdout -> assertThat(holdout.frequency()).isZero());
    }

    @Test
    void theSummarizerWritesExactlyTheGoldenFormat() throws IOException {
        // Oracle: the golden file, written by hand from the format's description: a later change of the
        // written form must raise the format version rather than silently change version 1.
        JsonNode written = JSON.readTree(JSON.writeValueAsString(goldenPurchases().state()));
        assertThat(written).isEqualTo(golden());
        assertThat(JSON.writeValueAsString(goldenPurchases().state())).startsWith("{\"formatVersion\":1,");
    }

    @Test
    void aStateWithoutAmountsOrPurchasesRoundTrips() throws IOException {
        // Oracle: the summarizer it came from: a summarizer that saw only purchases without amounts, or none,
        // restores to one with the same summary and the same rule about amounts.
        RfmSummarizer counts = RfmSummarizer.of(OPTIONS).add(CustomerId.of("x"), Instant.parse("2026-01-03T00:00:00Z"))
                .add(CustomerId.of("x"), Instant.parse("2026-01-10T00:00:00Z"));
        RfmSummaryState state = JSON.readValue(JSON.writeValueAsString(counts.state()), RfmSummaryState.class);
        assertThat(state.withAmounts()).contains(false);
        RfmSummarizer restored = RfmSummarizer.restore(state);
        assertThat(restored.result()).isEqualTo(counts.result());
        assertThatThrownBy(() -> restored.add(CustomerId.of("x"), Instant.parse("2026-01-11T00:00:00Z"), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("some purchases have an amount");
        RfmSummaryState empty = JSON.readValue(JSON.writeValueAsString(RfmSummarizer.of(OPTIONS).state()),
                RfmSummaryState.class);
        assertThat(empty.withAmounts()).isEmpty();
        assertThat(RfmSummarizer.restore(empty).result().customers()).isEmpty();
    }

    @Test
    void optionsOfEveryKindRoundTripInTheState() throws IOException {
        // Oracle: the options themselves: continuous time, a zone with daylight saving and no holdout, and
        // months, read back equal, and the restored summarizer summarises as the original.
        List<RfmSummaryOptions> kinds = List.of(
                RfmSummaryOptions.custom(LocalDate.parse("2026-03-31"), ZoneId.of("Europe/Berlin"), ChronoUnit.HOURS)
                        .continuousTime().build(),
                RfmSummaryOptions.custom(LocalDate.parse("2026-03-31"), ZoneOffset.UTC, ChronoUnit.MONTHS)
                        .purchasePeriod(ChronoUnit.MONTHS).lastHoldoutDay(LocalDate.parse("2026-06-30")).build());
        for (RfmSummaryOptions options : kinds) {
            RfmSummarizer summarizer = RfmSummarizer.of(options)
                    .add(CustomerId.of("a"), Instant.parse("2026-01-10T08:30:00Z"), 3)
                    .add(CustomerId.of("a"), Instant.parse("2026-03-30T21:15:00Z"), 4)
                    .add(CustomerId.of("b"), Instant.parse("2026-02-01T00:00:00Z"), 5);
            RfmSummaryState state = JSON.readValue(JSON.writeValueAsString(summarizer.state()), RfmSummaryState.class);
            assertThat(state).isEqualTo(summarizer.state());
            assertThat(state.options()).isEqualTo(options);
            assertThat(RfmSummarizer.restore(state).result()).isEqualTo(summarizer.result());
        }
    }

    @Test
    void refusesStatesNoSummarizerCanHave() throws IOException {
        // Oracle: the format's rules, one broken at a time in a copy of the golden file.
        String golden = golden().toString();
        assertThatThrownBy(() -> read(golden.replace("\"formatVersion\":1", "\"formatVersion\":2")))
                .hasMessageContaining("formatVersion: 2 of RfmSummaryState is not readable");
        assertThatThrownBy(() -> read(golden.replace("[0,0,0,0,1,2]", "[0,0,0,0,1,3]")))
                .hasMessageContaining("purchaseCustomers: 3 is not a position in the 3 customers");
        assertThatThrownBy(() -> read(golden.replace("[0,0,0,0,1,2]", "[0,0,0,0,1,1]")))
                .hasMessageContaining("customers: customer c has no purchase");
        assertThatThrownBy(() -> read(golden.replace("20499]", "20513]")))
                .hasMessageContaining("times: 20513 is not the key of a purchase before the end of the summary");
        assertThatThrownBy(() -> read(golden.replace("4.0]", "-4.0]")))
                .hasMessageContaining("amounts: -4.0 is negative");
        assertThatThrownBy(() -> read(golden.replace(",4.0]", "]")))
                .hasMessageContaining("amounts: 5 entries for 6 purchases");
        assertThatThrownBy(() -> read(golden.replace("[\"a\",\"b\",\"c\"]", "[\"a\",\"b\",\"a\"]")))
                .hasMessageContaining("customers: 1 listed more than once");
        assertThat(read(golden).customers()).isEqualTo(List.of(CustomerId.of("a"), CustomerId.of("b"),
                CustomerId.of("c")));
        assertThat(read(golden).currency()).isEqualTo(Optional.of(Currency.getInstance("EUR")));
    }

    private static RfmSummaryState read(String json) throws IOException {
        return JSON.readValue(json, RfmSummaryState.class);
    }
}
