package dev.cxm.jdbc.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.EventQuery;
import dev.cxm.jdbc.Dialect;

/**
 * The {@code WHERE} conditions of an {@link EventQuery} over the events table (alias {@code e}). A criterion
 * no stored event can meet (a bound beyond the stored years, text a store refuses) becomes {@code 1 = 0}.
 */
public final class QueryClauses {

    private final Dialect dialect;
    private final Tables tables;

    /** Creates the clauses of one store. */
    public QueryClauses(Dialect dialect, Tables tables) {
        this.dialect = dialect;
        this.tables = tables;
    }

    /** Returns {@code WHERE ...} for {@code query}, or an empty statement when it has no criteria. */
    public Sql where(EventQuery query) {
        Sql conditions = conditions(query);
        return conditions.text().isEmpty() ? conditions : new Sql().append(" WHERE ").append(conditions);
    }

    /** Returns the conditions of {@code query} joined by {@code AND}, or an empty statement. */
    public Sql conditions(EventQuery query) {
        Sql sql = new Sql();
        if (!query.customers().isEmpty()) {
            List<String> ids = query.customers().stream().map(CustomerId::value).filter(Storable::holds)
                    .collect(Collectors.toList());
            and(sql);
            if (ids.isEmpty()) {
                sql.append("1 = 0");
            } else if (dialect == Dialect.POSTGRESQL) {
                sql.append("e.customer_id = ANY(").parameter(new Sql.ArrayParameter("text", ids.toArray())).append(")");
            } else {
                sql.append("e.customer_id IN (");
                for (int i = 0; i < ids.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").parameter(ids.get(i));
                }
                sql.append(")");
            }
        }
        if (!query.types().isEmpty()) {
            and(sql).append("e.event_type IN (").append(query.types().stream()
                    .map(type -> Short.toString(EventColumns.code(type))).collect(Collectors.joining(", "))).append(")");
        }
        time(sql, query.from(), query.to());
        if (query.touchpoint().isPresent()) {
            String id = query.touchpoint().get().value();
            and(sql);
            if (Storable.holds(id)) {
                sql.append("e.touchpoint_id = ").parameter(id);
            } else {
                sql.append("1 = 0");
            }
        }
        if (!query.attributes().isEmpty()) {
            attributes(and(sql), query.attributes());
        }
        return sql;
    }

    /**
     * Returns the conditions of {@code query} written as literals, for a PostgreSQL {@code COPY} (which takes no
     * parameters), when its only criteria are types and time bounds: type codes and instants this class writes
     * itself, never text from a caller. Empty for any other query; an empty text when it has no criteria.
     */
    public Optional<String> literalConditions(EventQuery query) {
        if (!query.customers().isEmpty() || query.touchpoint().isPresent() || !query.attributes().isEmpty()) {
            return Optional.empty();
        }
        List<String> conditions = new ArrayList<>();
        if (!query.types().isEmpty()) {
            conditions.add("e.event_type IN (" + query.types().stream()
                    .map(type -> Short.toString(EventColumns.code(type))).collect(Collectors.joining(", ")) + ")");
        }
        Optional<Instant> from = query.from();
        Optional<Instant> to = query.to();
        if (from.isPresent() && !from.get().isBefore(Storable.END_INSTANT)
                || to.isPresent() && !to.get().isAfter(Storable.FIRST_INSTANT)) {
            conditions.add("1 = 0");
        } else {
            // Inside the years 1 to 9999 Instant.toString is ISO 8601 ("2026-01-01T00:00:00.000037Z"), exact to the
            // nanosecond, which PostgreSQL reads in any session time zone (the Z).
            from.filter(bound -> bound.isAfter(Storable.FIRST_INSTANT))
                    .ifPresent(bound -> conditions.add("e.occurred_at >= TIMESTAMPTZ '" + bound + "'"));
            to.filter(bound -> bound.isBefore(Storable.END_INSTANT))
                    .ifPresent(bound -> conditions.add("e.occurred_at < TIMESTAMPTZ '" + bound + "'"));
        }
        return Optional.of(String.join(" AND ", conditions));
    }

    private void time(Sql sql, Optional<Instant> from, Optional<Instant> to) {
        if (from.isPresent() && !from.get().isBefore(Storable.END_INSTANT)
                || to.isPresent() && !to.get().isAfter(Storable.FIRST_INSTANT)) {
            and(sql).append("1 = 0");
            return;
        }
        if (from.isPresent() && from.get().isAfter(Storable.FIRST_INSTANT)) {
            and(sql).append("e.occurred_at >= ").parameter(from.get());
        }
        if (to.isPresent() && to.get().isBefore(Storable.END_INSTANT)) {
            and(sql).append("e.occurred_at < ").parameter(to.get());
        }
    }

    private void attributes(Sql sql, Map<String, String> wanted) {
        boolean storable = wanted.entrySet().stream()
                .allMatch(entry -> Storable.holds(entry.getKey()) && Storable.holds(entry.getValue()));
        if (!storable) {
            sql.append("1 = 0");
        } else if (dialect == Dialect.POSTGRESQL) {
            sql.append("e.attributes @> CAST(").parameter(AttributesJson.write(new LinkedHashMap<>(wanted)))
                    .append(" AS JSONB)");
        } else {
            boolean first = true;
            for (Map.Entry<String, String> entry : wanted.entrySet()) {
                sql.append(first ? "" : " AND ").append("EXISTS (SELECT 1 FROM " + tables.eventAttributes()
                        + " a WHERE a.event_seq = e.seq AND a.attribute_key = ").parameter(entry.getKey())
                        .append(" AND a.attribute_value = ").parameter(entry.getValue()).append(")");
                first = false;
            }
        }
    }

    private static Sql and(Sql sql) {
        return sql.text().isEmpty() ? sql : sql.append(" AND ");
    }
}
