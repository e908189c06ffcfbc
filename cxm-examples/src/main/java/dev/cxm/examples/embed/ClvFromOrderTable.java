package dev.cxm.examples.embed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Purchase;
import dev.cxm.metrics.clv.BgNbd;
import dev.cxm.metrics.clv.BgNbdModel;
import dev.cxm.metrics.clv.ClvPrediction;
import dev.cxm.metrics.clv.CustomerPrediction;
import dev.cxm.metrics.clv.CustomerPredictions;
import dev.cxm.metrics.clv.GammaGamma;
import dev.cxm.metrics.clv.GammaGammaModel;
import dev.cxm.metrics.clv.rfm.RfmSummarizer;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.RfmSummaryOptions;

/**
 * Customer lifetime value from the host's own order table, read with plain JDBC: each row goes into an RFM
 * summarizer (no cxm events, no cxm store), then BG/NBD and Gamma-Gamma are fitted and every customer valued
 * over the next 52 weeks, discounted at 1% per four weeks.
 */
public final class ClvFromOrderTable {

    /** What the valuation found: the summary, the two fitted models and the predictions. */
    public record Valuation(RfmSummary summary, BgNbdModel purchases, GammaGammaModel spend, CustomerPredictions predictions) {}

    private ClvFromOrderTable() {}

    /**
     * Values every customer of {@code orders(customer, paid_at, total)} who bought before {@code calibrationEnd}.
     *
     * @param db the host's database
     * @param calibrationEnd the end of the orders used, exclusive
     * @return the valuation
     * @throws SQLException when the table cannot be read
     */
    public static Valuation value(Connection db, Instant calibrationEnd) throws SQLException {
        RfmSummarizer summarizer = RfmSummarizer.of(RfmSummaryOptions.custom(calibrationEnd, ChronoUnit.WEEKS)
                .continuousTime().build());
        try (PreparedStatement select = db.prepareStatement("SELECT customer, paid_at, total FROM orders");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                summarizer.add(CustomerId.of(rows.getString(1)), rows.getObject(2, OffsetDateTime.class).toInstant(),
                        rows.getBigDecimal(3).doubleValue());
            }
        }
        RfmSummary summary = summarizer.result();
        BgNbdModel purchases = BgNbd.ofDefaults().fit(summary).requireModel();
        GammaGammaModel spend = GammaGamma.ofDefaults().fit(summary).requireModel();
        CustomerPredictions predictions = ClvPrediction.custom(Duration.ofDays(364)).period(Duration.ofDays(28))
                .discountRate(0.01).top(5).build().predict(purchases, spend, summary.cells());
        return new Valuation(summary, purchases, spend, predictions);
    }

    /**
     * Fills an in-memory H2 order table with the purchases of a simulated world, values the customers, and
     * prints the models and the five most valuable customers.
     *
     * @param args none
     * @throws Exception when the world or the database fails
     */
    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:shop")) {
            try (Statement create = db.createStatement()) {
                create.execute("CREATE TABLE orders (id VARCHAR(40) PRIMARY KEY, customer VARCHAR(40),"
                        + " paid_at TIMESTAMP WITH TIME ZONE, total DECIMAL(12, 2))");
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?)")) {
                for (CustomerEvent event : ExampleData.eventsInTimeOrder(ExampleData.world(3_000))) {
                    if (event instanceof Purchase order) {
                        insert.setString(1, order.orderId());
                        insert.setString(2, order.customerId().value());
                        insert.setObject(3, order.occurredAt().atOffset(ZoneOffset.UTC));
                        insert.setBigDecimal(4, order.amount().amount());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            Valuation valuation = value(db, Instant.parse("2026-07-01T00:00:00Z"));
            System.out.println(valuation.summary().customers().size() + " customers; " + valuation.purchases()
                    + "; " + valuation.spend());
            for (CustomerPrediction best : valuation.predictions().top()) {
                System.out.printf(Locale.ROOT, "%s  P(alive) %.2f  purchases %.2f  value %.2f EUR%n",
                        best.customerId().orElseThrow().value(), best.probabilityAlive().getAsDouble(),
                        best.expectedPurchases().getAsDouble(), best.value().getAsDouble());
            }
        }
    }
}
