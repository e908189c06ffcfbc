package dev.cxm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.store.EventQuery;
import dev.cxm.jdbc.JdbcEventStore;
import dev.cxm.jdbc.JdbcStores;
import dev.cxm.jdbc.testing.TestDatabases;

/**
 * The amounts the events table's {@code NUMERIC(36, 18)} column holds exactly: less than 10<sup>18</sup> in
 * magnitude, at most 18 decimal places (PostgreSQL's rule for a numeric of precision 36 and scale 18; the
 * column's definition is the oracle). The largest and smallest such amounts round-trip through the PostgreSQL
 * store, checked against PostgreSQL's own text of the stored value; one step beyond either bound is refused by
 * the COPY writer before any row is sent, where PostgreSQL itself would round away a 19th decimal place or
 * refuse the whole COPY with an overflow.
 */
class AmountBoundsTest {

    private static final BigDecimal LARGEST = new BigDecimal("999999999999999999.999999999999999999");
    private static final BigDecimal SMALLEST = new BigDecimal("0.000000000000000001");

    private JdbcConnectionPool pool;

    @AfterEach
    void dispose() {
        if (pool != null) {
            pool.dispose();
        }
    }

    private static Purchase purchase(String id, BigDecimal amount) {
        return Purchase.builder(CustomerId.of("c1"), Instant.parse("2026-01-01T00:00:00Z"), Money.of(amount,
                Currency.getInstance("EUR"))).eventId(id).orderId("o-" + id).itemCount(1).build();
    }

    /** {@code row} with another amount: what no {@code Money} holds, but the writer is given. */
    private static EventRow withAmount(EventRow row, BigDecimal amount) {
        return new EventRow(row.eventId(), row.customerId(), row.eventType(), row.occurredAt(), row.touchpointId(),
                row.touchpointName(), row.touchpointChannel(), row.touchpointStage(), row.outcome(),
                row.durationNanos(), row.orderId(), amount, row.currency(), row.itemCount(), row.surveyId(),
                row.scaleName(), row.scaleMin(), row.scaleMax(), row.score(), row.comment(), row.attributes(),
                row.attributeMap());
    }

    private String storedText(String eventId) throws SQLException {
        try (Connection connection = pool.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT CAST(amount AS TEXT) FROM cxm_events WHERE event_id = ?")) {
            select.setString(1, eventId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    @Test
    void theLargestAndSmallestAmountsRoundTripThroughThePostgresStore() throws SQLException {
        pool = TestDatabases.postgres();
        JdbcEventStore store = JdbcStores.builder(pool).build().eventStore();
        List<Purchase> purchases = List.of(purchase("p-largest", LARGEST), purchase("p-smallest", SMALLEST));
        store.appendAll(purchases);

        // PostgreSQL's own text of the stored values, at the column's scale 18.
        assertThat(storedText("p-largest")).isEqualTo("999999999999999999.999999999999999999");
        assertThat(storedText("p-smallest")).isEqualTo("0.000000000000000001");
        // The COPY path (a query of one type) and the cursor path (a query by customer) read them back.
        try (Stream<Purchase> copied = store.query(EventQuery.all(), Purchase.class)) {
            assertThat(copied.toList()).containsExactlyInAnyOrderElementsOf(purchases);
        }
        try (Stream<CustomerEvent> cursor = store.query(EventQuery.builder().customer(CustomerId.of("c1")).build())) {
            assertThat(cursor.toList()).containsExactlyInAnyOrderElementsOf(purchases);
        }
    }

    @Test
    void anAmountBeyondTheColumnIsRefusedBeforeAnyRowIsStored() throws SQLException {
        // One step beyond each bound, and the negative bounds the column shares (no Money is negative, so the
        // writer is given the rows directly). Before the guard, PostgreSQL stored 10^-19 rounded to 0 and the
        // others failed the COPY with a numeric overflow, as a driver error rather than a refusal.
        pool = TestDatabases.postgres();
        JdbcStores.builder(pool).build();
        EventRow good = EventRow.of(purchase("p-good", BigDecimal.ONE));
        PostgresEventInsert insert = new PostgresEventInsert(new Tables(Optional.empty(), "cxm_"));
        List<BigDecimal> beyond = List.of(new BigDecimal("1E+18"), new BigDecimal("-1E+18"),
                new BigDecimal("1E-19"), new BigDecimal("-0.0000000000000000001"),
                LARGEST.add(SMALLEST), LARGEST.add(new BigDecimal("1E-19")));
        for (BigDecimal amount : beyond) {
            EventRow bad = withAmount(EventRow.of(purchase("p-bad", BigDecimal.ONE)), amount);
            assertThatThrownBy(() -> {
                try (Connection connection = pool.getConnection()) {
                    connection.setAutoCommit(false);
                    try {
                        insert.insertNew(connection, List.of(good, bad), 1);
                        connection.commit();
                    } finally {
                        connection.rollback();
                    }
                }
            }).as("amount %s", amount).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("amount: the amount of p-bad lies outside what the column NUMERIC(36, 18) holds"
                            + " (less than 10^18 in magnitude, at most 18 decimal places); nothing was stored");
            assertThat(storedText("p-good")).as("nothing stored for %s", amount).isNull();
            assertThat(storedText("p-bad")).as("nothing stored for %s", amount).isNull();
        }
        // The bounds themselves and trailing zeros beyond the 18th place pass the same writer.
        List<BigDecimal> within = List.of(LARGEST, LARGEST.negate(), SMALLEST, SMALLEST.negate(),
                new BigDecimal("1.000000000000000000000000"), BigDecimal.ZERO);
        for (int i = 0; i < within.size(); i++) {
            BigDecimal amount = within.get(i);
            String id = "p-within-" + i;
            EventRow row = withAmount(EventRow.of(purchase(id, BigDecimal.ONE)), amount);
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                insert.insertNew(connection, List.of(row), 10 + i);
                connection.commit();
                connection.setAutoCommit(true);
            }
            assertThat(new BigDecimal(storedText(id))).as("amount %s", amount).isEqualByComparingTo(amount);
        }
    }
}
