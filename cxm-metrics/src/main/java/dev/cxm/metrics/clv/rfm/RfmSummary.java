package dev.cxm.metrics.clv.rfm;

import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collector;
import java.util.stream.Stream;

import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;

/**
 * The RFM summary of a set of customers: for each customer who bought in the calibration period, the
 * frequency, recency, T and spend the CLV models are fitted on, with the holdout actuals when the options
 * ask for a holdout period.
 *
 * <pre>{@code
 * RfmSummary summary = RfmSummary.of(store, RfmSummaryOptions.ofDefaults(calibrationEnd, ChronoUnit.WEEKS));
 * ModelFit<BgNbdModel> fit = BgNbd.ofDefaults().fit(summary);
 * }</pre>
 *
 * <p>From purchases that are not events, add them to an {@link RfmSummarizer} directly:
 * {@code RfmSummarizer.of(options).add(customerId, instant, amount)}.
 *
 * @param options how the purchases were summarised, including the time unit of every recency and T
 * @param currency the currency of every amount, when the purchases were {@link Purchase} events
 * @param customers one summary per customer, in the order each first appeared in the input
 */
public record RfmSummary(RfmSummaryOptions options, Optional<Currency> currency, List<CustomerSummary> customers) {

    /**
     * Validates the summary and makes the list immutable.
     *
     * @param options how the purchases were summarised, including the time unit of every recency and T
     * @param currency the currency of every amount, when the purchases were {@link Purchase} events
     * @param customers one summary per customer, in the order each first appeared in the input
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public RfmSummary {
        Checks.present("options", options);
        Checks.present("currency", currency);
        customers = List.copyOf(Checks.present("customers", customers));
    }

    /**
     * Returns a collector that summarises a stream of purchases, sequential or parallel.
     *
     * @param options how to summarise
     * @return the collector
     */
    public static Collector<Purchase, ?, RfmSummary> collector(RfmSummaryOptions options) {
        Checks.present("options", options);
        return Accumulators.collector(() -> RfmSummarizer.of(options));
    }

    /**
     * Summarises a stream of purchases (which it does not close).
     *
     * @param purchases the purchases, in any order
     * @param options how to summarise
     * @return the summary
     */
    public static RfmSummary of(Stream<Purchase> purchases, RfmSummaryOptions options) {
        return Checks.present("purchases", purchases).collect(collector(options));
    }

    /**
     * Summarises the purchases in {@code store} up to the end of the calibration (or holdout) period.
     *
     * @param store the store
     * @param options how to summarise
     * @return the summary
     */
    public static RfmSummary of(EventStore store, RfmSummaryOptions options) {
        Checks.present("store", store);
        Checks.present("options", options);
        EventQuery query = EventQuery.builder()
                .types(EventType.PURCHASE)
                .to(options.holdoutEnd().orElse(options.calibrationEnd()))
                .build();
        try (Stream<Purchase> purchases = store.query(query, Purchase.class)) {
            return of(purchases, options);
        }
    }

    /**
     * Returns the unit of every recency, T and holdout length in this summary.
     *
     * @return the unit
     */
    public ChronoUnit unit() {
        return options.unit();
    }

    /**
     * Returns the customers as weighted cells (one per customer, weight 1, with their ids): what
     * {@link RfmCells#of(RfmSummary)} returns.
     *
     * @return the cells
     */
    public RfmCells cells() {
        return RfmCells.of(this);
    }
}
