package dev.cxm.metrics.clv.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

import org.quicktheories.core.Gen;

import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.test.accumulate.AccumulatorLaws;

/**
 * The accumulator laws for the RFM summarizer, over purchases of 12 customers spread over calibration, the
 * holdout quarter and the time after it (which the summarizer drops), several on one day, with amounts in
 * cents. The oracle of each law is the same purchases added to one summarizer. Summaries compare customer by
 * customer (keyed by id): a summary lists its customers in the order they first appeared, the one thing
 * about it the order of the purchases may change; every number compares exactly, since sums are taken in a
 * canonical order.
 */
class RfmSummarizerLawsTest extends AccumulatorLaws<Purchase, RfmSummaryState, RfmSummary, RfmSummarizer> {

    private static final Instant START = Instant.parse("2025-12-01T00:00:00Z");
    private static final RfmSummaryOptions OPTIONS = RfmSummaryOptions.custom(Instant.parse("2026-02-01T00:00:00Z"),
            ChronoUnit.WEEKS).holdoutEnd(Instant.parse("2026-03-01T00:00:00Z")).build();

    @Override
    protected RfmSummarizer newAccumulator() {
        return RfmSummarizer.of(OPTIONS);
    }

    @Override
    protected RfmSummarizer restore(RfmSummaryState state) {
        return RfmSummarizer.restore(state);
    }

    @Override
    protected Gen<Purchase> values() {
        // Hours over 120 days: 62 of calibration, 28 of holdout, 30 after the end.
        return integers().between(0, 11).zip(integers().between(0, 120 * 24 - 1), integers().between(1, 50_000),
                (customer, hour, cents) -> Purchase.builder(CustomerId.of("c" + customer),
                        START.plusSeconds(hour * 3600L), Money.of(BigDecimal.valueOf(cents, 2),
                                Currency.getInstance("EUR")))
                        .build());
    }

    @Override
    protected Class<RfmSummaryState> stateType() {
        return RfmSummaryState.class;
    }

    @Override
    protected void assertSameResult(RfmSummary expected, RfmSummary actual) {
        assertThat(actual.options()).isEqualTo(expected.options());
        assertThat(actual.currency()).isEqualTo(expected.currency());
        assertThat(byId(actual)).isEqualTo(byId(expected));
    }

    private static List<CustomerSummary> byId(RfmSummary summary) {
        return summary.customers().stream().sorted(Comparator.comparing(CustomerSummary::customerId)).toList();
    }
}
