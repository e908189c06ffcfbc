package dev.cxm.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.ConsentRecord;
import dev.cxm.core.model.ConsentStatus;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Identity;
import dev.cxm.core.model.IdentityType;
import dev.cxm.core.store.CustomerQuery;
import dev.cxm.core.store.CustomerStore;
import dev.cxm.jdbc.internal.EventColumns;
import dev.cxm.jdbc.internal.H2FileUpkeep;
import dev.cxm.jdbc.internal.Sql;
import dev.cxm.jdbc.internal.SqlFailures;
import dev.cxm.jdbc.internal.Storable;
import dev.cxm.jdbc.internal.Tables;
import dev.cxm.jdbc.internal.Transactions;

/**
 * A {@link CustomerStore} in database tables, from {@link JdbcStores#customerStore()}: one row per customer
 * and one per profile entry, consent, segment and identity, each in the order the customer holds them.
 * Instants are kept to the nanosecond (a timestamp of microseconds and the nanoseconds below it).
 * A put replaces the customer in one transaction; a customer a store cannot hold exactly (an instant
 * outside the years 1 to 9999, text with a NUL character or an unpaired surrogate) is refused with
 * {@link IllegalArgumentException} and nothing changes. Thread-safe.
 */
public final class JdbcCustomerStore implements CustomerStore {

    private final DataSource dataSource;
    private final H2FileUpkeep upkeep;
    private final Dialect dialect;
    private final Tables tables;

    JdbcCustomerStore(DataSource dataSource, Dialect dialect, Tables tables, H2FileUpkeep upkeep) {
        this.dataSource = dataSource;
        this.upkeep = upkeep;
        this.dialect = dialect;
        this.tables = tables;
    }

    @Override
    public void put(Customer customer) {
        Checks.present("customer", customer);
        requireStorable(customer);
        String id = customer.id().value();
        try (Connection connection = dataSource.getConnection()) {
            Transactions.write(connection, c -> {
                write(c, List.of(customer));
                return null;
            });
        } catch (SQLException e) {
            throw SqlFailures.of("storing customer " + id, e);
        }
    }

    /**
     * Stores every customer in one transaction: all or nothing, and one commit instead of one per customer.
     * A customer given twice is stored as the later one, as two puts would leave it.
     */
    @Override
    public void putAll(Collection<Customer> customers) {
        Checks.noNullElements("customers", customers);
        if (customers.isEmpty()) {
            return;
        }
        // One copy: the last record of each id, in order, each checked before anything is written.
        Map<CustomerId, Customer> last = new LinkedHashMap<>();
        for (Customer customer : customers) {
            requireStorable(customer);
            last.put(customer.id(), customer);
        }
        try (Connection connection = dataSource.getConnection()) {
            Transactions.write(connection, c -> {
                write(c, last.values());
                return null;
            });
        } catch (SQLException e) {
            throw SqlFailures.of("storing " + customers.size() + " customers", e);
        }
    }

    /**
     * Writes customers of distinct ids: each statement prepared once and run as one JDBC batch for all of them
     * (H2 keeps only a few parsed statements per connection, so preparing nine per customer parsed them anew).
     */
    private void write(Connection connection, Collection<Customer> customers) throws SQLException {
        // The customers' rows first: their locks make a second put of the same customer wait for this one.
        upsertCustomers(connection, customers);
        List<String> ids = customers.stream().map(customer -> customer.id().value()).toList();
        for (String part : List.of("profile", "consents", "segments", "identities")) {
            Sql.deleteCustomerRows(connection, tables.customerPart(part), ids);
        }
        insertParts(connection, customers);
    }

    private static void requireStorable(Customer customer) {
        String id = customer.id().value();
        Storable.text(id, "id", id);
        Storable.instant(id, "firstSeen", customer.firstSeen());
        Storable.attributes(id, "profile", customer.profile());
        customer.consents().forEach(consent -> {
            Storable.text(id, "consent.purpose", consent.purpose());
            Storable.instant(id, "consent.at", consent.at());
        });
        customer.segments().forEach(segment -> Storable.text(id, "segment", segment));
        customer.identities().forEach(identity -> Storable.text(id, "identity.value", identity.value()));
    }

    private void upsertCustomers(Connection connection, Collection<Customer> customers) throws SQLException {
        String sql = dialect == Dialect.POSTGRESQL
                ? "INSERT INTO " + tables.customers() + " (customer_id, first_seen, first_seen_nanos) VALUES (?, ?, ?)"
                        + " ON CONFLICT (customer_id) DO UPDATE SET first_seen = EXCLUDED.first_seen,"
                        + " first_seen_nanos = EXCLUDED.first_seen_nanos"
                : "MERGE INTO " + tables.customers() + " (customer_id, first_seen, first_seen_nanos) KEY (customer_id)"
                        + " VALUES (?, ?, ?)";
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            for (Customer customer : customers) {
                upsert.setString(1, customer.id().value());
                upsert.setObject(2, micros(customer.firstSeen()));
                upsert.setShort(3, nanosBelowMicro(customer.firstSeen()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void insertParts(Connection connection, Collection<Customer> customers) throws SQLException {
        try (PreparedStatement profile = connection.prepareStatement("INSERT INTO " + tables.customerPart("profile")
                + " (customer_id, ordinal, profile_key, profile_value) VALUES (?, ?, ?, ?)")) {
            int rows = 0;
            for (Customer customer : customers) {
                String id = customer.id().value();
                int ordinal = 0;
                for (Map.Entry<String, String> entry : customer.profile().entrySet()) {
                    profile.setString(1, id);
                    profile.setInt(2, ordinal++);
                    profile.setString(3, entry.getKey());
                    profile.setString(4, entry.getValue());
                    profile.addBatch();
                    rows++;
                }
            }
            executeIfAny(profile, rows);
        }
        try (PreparedStatement consents = connection.prepareStatement("INSERT INTO " + tables.customerPart("consents")
                + " (customer_id, ordinal, purpose, status, decided_at, decided_at_nanos) VALUES (?, ?, ?, ?, ?, ?)")) {
            int rows = 0;
            for (Customer customer : customers) {
                String id = customer.id().value();
                int ordinal = 0;
                for (ConsentRecord consent : customer.consents()) {
                    consents.setString(1, id);
                    consents.setInt(2, ordinal++);
                    consents.setString(3, consent.purpose());
                    consents.setString(4, consent.status().name());
                    consents.setObject(5, micros(consent.at()));
                    consents.setShort(6, nanosBelowMicro(consent.at()));
                    consents.addBatch();
                    rows++;
                }
            }
            executeIfAny(consents, rows);
        }
        try (PreparedStatement segments = connection.prepareStatement("INSERT INTO " + tables.customerPart("segments")
                + " (customer_id, ordinal, segment) VALUES (?, ?, ?)")) {
            int rows = 0;
            for (Customer customer : customers) {
                String id = customer.id().value();
                int ordinal = 0;
                for (String segment : customer.segments()) {
                    segments.setString(1, id);
                    segments.setInt(2, ordinal++);
                    segments.setString(3, segment);
                    segments.addBatch();
                    rows++;
                }
            }
            executeIfAny(segments, rows);
        }
        try (PreparedStatement identities = connection.prepareStatement("INSERT INTO "
                + tables.customerPart("identities") + " (customer_id, ordinal, identity_type, identity_value)"
                + " VALUES (?, ?, ?, ?)")) {
            int rows = 0;
            for (Customer customer : customers) {
                String id = customer.id().value();
                int ordinal = 0;
                for (Identity identity : customer.identities()) {
                    identities.setString(1, id);
                    identities.setInt(2, ordinal++);
                    identities.setString(3, identity.type().name());
                    identities.setString(4, identity.value());
                    identities.addBatch();
                    rows++;
                }
            }
            executeIfAny(identities, rows);
        }
    }

    private static void executeIfAny(PreparedStatement statement, int rows) throws SQLException {
        if (rows > 0) {
            statement.executeBatch();
        }
    }

    /** Returns the instant truncated to the microsecond, as a timestamp column holds it. */
    private static java.time.OffsetDateTime micros(Instant instant) {
        return java.time.OffsetDateTime.ofInstant(instant.minusNanos(instant.getNano() % 1000), java.time.ZoneOffset.UTC);
    }

    private static short nanosBelowMicro(Instant instant) {
        return (short) (instant.getNano() % 1000);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return EventColumns.instant(row, column).plusNanos(row.getShort(column + 1));
    }

    @Override
    public Optional<Customer> get(CustomerId id) {
        Checks.present("id", id);
        if (!Storable.holds(id.value())) {
            return Optional.empty();
        }
        Sql where = new Sql().append("c.customer_id = ").parameter(id.value());
        List<Customer> found = read(where);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Customer> find(CustomerQuery query) {
        Checks.present("query", query);
        Sql where = new Sql().append("1 = 1");
        if (query.segment().isPresent()) {
            if (!Storable.holds(query.segment().get())) {
                return List.of();
            }
            where.append(" AND EXISTS (SELECT 1 FROM " + tables.customerPart("segments")
                    + " s WHERE s.customer_id = c.customer_id AND s.segment = ").parameter(query.segment().get())
                    .append(")");
        }
        for (Map.Entry<String, String> entry : query.profile().entrySet()) {
            if (!Storable.holds(entry.getKey()) || !Storable.holds(entry.getValue())) {
                return List.of();
            }
            where.append(" AND EXISTS (SELECT 1 FROM " + tables.customerPart("profile")
                    + " p WHERE p.customer_id = c.customer_id AND p.profile_key = ").parameter(entry.getKey())
                    .append(" AND p.profile_value = ").parameter(entry.getValue()).append(")");
        }
        return read(where);
    }

    /** Reads the customers whose row {@code c} meets {@code where}, ordered by id, with all their parts. */
    private List<Customer> read(Sql where) {
        Map<String, Customer.Builder> builders = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            // The customer and its parts from one snapshot, so that a concurrent put is read whole or not at all.
            Transactions.snapshot(connection, c -> {
                Sql customers = new Sql().append("SELECT c.customer_id, c.first_seen, c.first_seen_nanos FROM "
                        + tables.customers() + " c WHERE ").append(where).append(" ORDER BY c.customer_id");
                try (PreparedStatement statement = customers.prepare(c); ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        builders.put(rows.getString(1), Customer.builder(CustomerId.of(rows.getString(1)), instant(rows, 2)));
                    }
                }
                if (!builders.isEmpty()) {
                    readParts(c, where, builders);
                }
                return null;
            });
        } catch (SQLException e) {
            throw SqlFailures.of("reading customers", e);
        }
        List<Customer> customers = new ArrayList<>(builders.size());
        builders.values().forEach(builder -> customers.add(builder.build()));
        return customers;
    }

    private void readParts(Connection connection, Sql where, Map<String, Customer.Builder> builders)
            throws SQLException {
        parts(connection, where, "profile", "x.profile_key, x.profile_value",
                (builder, row) -> builder.profile(row.getString(3), row.getString(4)), builders);
        parts(connection, where, "consents", "x.purpose, x.status, x.decided_at, x.decided_at_nanos",
                (builder, row) -> builder.consent(row.getString(3), ConsentStatus.valueOf(row.getString(4)),
                        instant(row, 5)), builders);
        parts(connection, where, "segments", "x.segment",
                (builder, row) -> builder.segment(row.getString(3)), builders);
        parts(connection, where, "identities", "x.identity_type, x.identity_value",
                (builder, row) -> builder.identity(new Identity(IdentityType.valueOf(row.getString(3)),
                        row.getString(4))), builders);
    }

    /** Adds one part of a customer from a row of a part table. */
    @FunctionalInterface
    private interface PartReader {
        void add(Customer.Builder builder, ResultSet row) throws SQLException;
    }

    private void parts(Connection connection, Sql where, String part, String columns, PartReader reader,
            Map<String, Customer.Builder> builders) throws SQLException {
        Sql sql = new Sql().append("SELECT x.customer_id, x.ordinal, " + columns + " FROM "
                + tables.customerPart(part) + " x JOIN " + tables.customers() + " c ON c.customer_id = x.customer_id"
                + " WHERE ").append(where).append(" ORDER BY x.customer_id, x.ordinal");
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Customer.Builder builder = builders.get(rows.getString(1));
                if (builder != null) {
                    reader.add(builder, rows);
                }
            }
        }
    }

    @Override
    public long count() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + tables.customers());
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw SqlFailures.of("counting customers", e);
        }
    }

    @Override
    public boolean erase(CustomerId id) {
        Checks.present("id", id);
        if (!Storable.holds(id.value())) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            return erase(connection, id);
        } catch (SQLException e) {
            throw SqlFailures.of("erasing customer " + id, e);
        }
    }

    /** Deletes the customer's row (its parts go with it) on {@code connection}; returns whether there was one. */
    boolean erase(Connection connection, CustomerId id) throws SQLException {
        boolean deleted = Sql.deleteCustomerRows(connection, tables.customers(), id.value()) > 0;
        if (deleted) {
            upkeep.erased();
        }
        return deleted;
    }
}
