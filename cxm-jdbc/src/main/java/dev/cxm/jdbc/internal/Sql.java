package dev.cxm.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement's text with its parameters, built up piece by piece; every value is a parameter, never text.
 */
public final class Sql {

    /** An array parameter (PostgreSQL's {@code = ANY(?)}), created on the statement's connection. */
    public record ArrayParameter(String elementType, Object[] values) {}

    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** Appends SQL text, which never holds a value. */
    public Sql append(String sql) {
        text.append(sql);
        return this;
    }

    /** Appends a {@code ?} and its value. */
    public Sql parameter(Object value) {
        text.append('?');
        parameters.add(value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value);
        return this;
    }

    /** Appends another statement's text and parameters. */
    public Sql append(Sql other) {
        text.append(other.text);
        parameters.addAll(other.parameters);
        return this;
    }

    /** Returns the text. */
    public String text() {
        return text.toString();
    }

    /** Deletes the rows of {@code table} whose {@code customer_id} is {@code customer}; returns how many. */
    public static int deleteCustomerRows(Connection connection, String table, String customer) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                + " WHERE customer_id = ?")) {
            delete.setString(1, customer);
            return delete.executeUpdate();
        }
    }

    /** Deletes the rows of each of {@code customers} from {@code table} in one JDBC batch. */
    public static void deleteCustomerRows(Connection connection, String table, java.util.Collection<String> customers)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                + " WHERE customer_id = ?")) {
            for (String customer : customers) {
                delete.setString(1, customer);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** Prepares the statement on {@code connection} and binds the parameters. */
    public PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text(), java.sql.ResultSet.TYPE_FORWARD_ONLY,
                java.sql.ResultSet.CONCUR_READ_ONLY);
        try {
            bind(connection, statement);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private void bind(Connection connection, PreparedStatement statement) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof ArrayParameter array) {
                statement.setArray(i + 1, connection.createArrayOf(array.elementType(), array.values()));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
