package dev.cxm.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.Purchase;
import dev.cxm.examples.simulate.WorldSimulator;
import dev.cxm.metrics.clv.CustomerPrediction;
import dev.cxm.metrics.clv.CustomerPredictions;
import dev.cxm.metrics.clv.rfm.CustomerSummary;

/**
 * The CLV example reads the order table row by row; its summary is checked against one computed here from the
 * same orders (frequency = orders - 1, recency and T in weeks from the first order, the mean of the repeat
 * orders), its top five against a sort of every prediction, its total against their sum; and its {@code main}
 * prints the customer count and five customers.
 */
class ClvFromOrderTableTest {

    private static final Instant END = Instant.parse("2026-07-01T00:00:00Z");
    private static final double WEEK = 7 * 86_400.0;

    @Test
    void theSummaryIsTheOrdersOfEachCustomerAndTheTopFiveTheHighestValues(@TempDir Path dir) throws Exception {
        List<Purchase> orders = new ArrayList<>();
        var world = WorldSimulator.custom().customers(1_500).seed(3).build().writeTo(dir);
        for (CustomerEvent event : ExampleData.eventsInTimeOrder(world)) {
            if (event instanceof Purchase purchase) {
                orders.add(purchase);
            }
        }
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:clv-test")) {
            db.createStatement().execute("CREATE TABLE orders (customer VARCHAR(40), paid_at TIMESTAMP WITH TIME ZONE,"
                    + " total DECIMAL(12, 2))");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO orders VALUES (?, ?, ?)")) {
                for (Purchase order : orders) {
                    insert.setString(1, order.customerId().value());
                    insert.setObject(2, order.occurredAt().atOffset(ZoneOffset.UTC));
                    insert.setBigDecimal(3, order.amount().amount());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            ClvFromOrderTable.Valuation valuation = ClvFromOrderTable.value(db, END);

            Map<String, List<Purchase>> byCustomer = new HashMap<>();
            orders.forEach(order -> byCustomer.computeIfAbsent(order.customerId().value(), c -> new ArrayList<>())
                    .add(order));
            assertThat(valuation.summary().customers()).hasSize(byCustomer.size());
            for (CustomerSummary customer : valuation.summary().customers()) {
                List<Purchase> own = byCustomer.get(customer.customerId().value());
                long first = own.get(0).occurredAt().getEpochSecond();
                long last = own.get(own.size() - 1).occurredAt().getEpochSecond();
                assertThat(customer.frequency()).isEqualTo(own.size() - 1);
                assertThat(customer.recency()).isCloseTo((last - first) / WEEK, within(1e-9));
                assertThat(customer.age()).isCloseTo((END.getEpochSecond() - first) / WEEK, within(1e-9));
                if (own.size() > 1) {
                    double repeat = own.subList(1, own.size()).stream()
                            .mapToDouble(order -> order.amount().amount().doubleValue()).sum();
                    assertThat(customer.monetaryValue().getAsDouble()).isCloseTo(repeat / (own.size() - 1), within(1e-9));
                }
            }
            CustomerPredictions predictions = valuation.predictions();
            List<CustomerPrediction> all = new ArrayList<>();
            double total = 0;
            for (int row = 0; row < predictions.size(); row++) {
                all.add(predictions.get(row));
                total += predictions.get(row).value().getAsDouble();
            }
            all.sort(Comparator.comparingDouble((CustomerPrediction p) -> p.value().getAsDouble()).reversed());
            assertThat(predictions.top().stream().map(p -> p.customerId().orElseThrow()).toList())
                    .isEqualTo(all.subList(0, 5).stream().map(p -> p.customerId().orElseThrow()).toList());
            assertThat(predictions.totalValue().getAsDouble()).isCloseTo(total, within(1e-6 * total));
        }
    }

    @Test
    void mainPrintsTheModelsAndFiveCustomers() throws Exception {
        String[] lines = Printed.by(() -> ClvFromOrderTable.main(new String[0])).split(System.lineSeparator());
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).matches("\\d+ customers; BgNbdModel\\[.*\\]; GammaGammaModel\\[.*\\]");
        assertThat(lines[1]).matches("c-\\d{7}  P\\(alive\\) [01]\\.\\d\\d  purchases \\d+\\.\\d\\d  value \\d+\\.\\d\\d EUR");
    }
}
