package dev.cxm.metrics.clv;

import dev.cxm.metrics.stats.ModelFit;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collector;
import java.util.stream.Stream;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;

/**
 * The RFM summary of a set of customers: for each customer who bought in the calibration period, the
 * frequency, recency, T and spend the CLV models are fitted on, with the holdout actuals when the options
 * ask for a holdout period.
 *
 * <pre>{@code
 * RfmSummary summary = RfmSummary.of(store, RfmSummaryOptions.builder(calibrationEnd, ChronoUnit.WEEKS).build());
 * ModelFit<BgNbdModel> fit = BgNbd.fit(summary.cells());
 * }</pre>
 *
 * @param options how the purchases were summarised, including the time unit of every recency and T
 * @param currency the currency of every amount, when the purchases were {@link Purchase} events
 * @param customers one summary per customer, in the order each first appeared in the input
 */
public record RfmSummary(RfmSummaryOptions options, Optional<Currency> currency, List<CustomerSummary> customers) {

    /** Validates the summary and makes the list immutable. */
    public RfmSummary {
        Checks.present("options", options);
        Checks.present("currency", currency);
        customers = List.copyOf(Checks.present("customers", customers));
    }

    /** Returns a summarizer to {@code add} purchases to, one by one. */
    public static RfmSummarizer summarizer(RfmSummaryOptions options) {
        return new RfmSummarizer(options);
    }

    /** Returns a collector that summarises a stream of purchases, sequential or parallel. */
    public static Collector<Purchase, ?, RfmSummary> collector(RfmSummaryOptions options) {
        Checks.present("options", options);
        return Collector.of(() -> new RfmSummarizer(options), RfmSummarizer::add, RfmSummarizer::merge,
                RfmSummarizer::result);
    }

    /** Summarises a stream of purchases (which it does not close). */
    public static RfmSummary of(Stream<Purchase> purchases, RfmSummaryOptions options) {
        return purchases.collect(collector(options));
    }

    /** Summarises the purchases in {@code store} up to the end of the calibration (or holdout) period. */
    public static RfmSummary of(EventStore store, RfmSummaryOptions options) {
        Checks.present("store", store);
        EventQuery query = EventQuery.builder()
                .types(dev.cxm.core.model.EventType.PURCHASE)
                .to(options.holdoutEnd().orElse(options.calibrationEnd()))
                .build();
        try (Stream<Purchase> purchases = store.query(query, Purchase.class)) {
            return of(purchases, options);
        }
    }

    /** Returns the unit of every recency, T and holdout length in this summary. */
    public ChronoUnit unit() {
        return options.unit();
    }

    /** Returns the customers as weighted cells (one per customer, weight 1), the input of the model fits. */
    public RfmCells cells() {
        RfmCells.Builder cells = RfmCells.builder(unit());
        customers.forEach(cells::add);
        return cells.build();
    }
}
