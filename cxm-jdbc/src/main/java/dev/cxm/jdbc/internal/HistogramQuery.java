package dev.cxm.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.ScoreCount;
import dev.cxm.core.store.ScoreGrouping;
import dev.cxm.jdbc.Dialect;

/**
 * The feedback histogram computed by the database: one {@code GROUP BY} over the feedback rows, by the
 * group's column, the calendar day and the scale point, so that only the counts travel.
 *
 * <p>The calendar day of an instant in a zone is {@code floor((epoch seconds + offset) / 86400)}, with the
 * zone's offset at that instant; the offsets come from Java's zone rules (not the database's time zone
 * tables), as a {@code CASE} that picks the offset by binary search among the zone's transitions between the
 * first and last stored instant. So the database cuts days exactly where {@code LocalDate.ofInstant} does.
 */
public final class HistogramQuery {

    /** The most zone transitions the {@code CASE} holds; a zone with more is counted by scanning. */
    static final int MAX_TRANSITIONS = 4096;

    private final Dialect dialect;
    private final Tables tables;
    private final QueryClauses clauses;

    /** Creates the histogram query of one store. */
    public HistogramQuery(Dialect dialect, Tables tables, QueryClauses clauses) {
        this.dialect = dialect;
        this.tables = tables;
        this.clauses = clauses;
    }

    /** The group column of a built-in key, and how its value reads as a group. */
    private enum Column {
        CHANNEL("e.touchpoint_channel"),
        TOUCHPOINT("e.touchpoint_id"),
        TOUCHPOINT_NAME("e.touchpoint_name"),
        STAGE("e.touchpoint_stage"),
        SURVEY("e.survey_id"),
        OUTCOME("e.outcome"),
        EVENT_TYPE("'feedback'"),
        ATTRIBUTE("");

        private final String expression;

        Column(String expression) {
            this.expression = expression;
        }

        String group(String value) {
            if (value == null) {
                return GroupKeys.NO_VALUE;
            }
            return this == CHANNEL ? Channel.valueOf(value).name().toLowerCase(Locale.ROOT) : value;
        }
    }

    /** A key the database can group by: a built-in column, or an attribute by name. */
    private record Pushed(Column column, Optional<String> attribute) {}

    /** Returns whether the database can compute {@code grouping}; else the store counts by scanning. */
    public static boolean canPushDown(ScoreGrouping grouping) {
        return grouping.key().map(key -> pushed(key).isPresent()).orElse(true);
    }

    private static Optional<Pushed> pushed(GroupKey key) {
        String[] names = {"channel", "touchpoint", "touchpoint_name", "stage", "survey", "outcome", "event_type"};
        Column[] columns = {Column.CHANNEL, Column.TOUCHPOINT, Column.TOUCHPOINT_NAME, Column.STAGE, Column.SURVEY,
            Column.OUTCOME, Column.EVENT_TYPE};
        for (int i = 0; i < names.length; i++) {
            if (GroupKeys.builtIn(names[i]).orElseThrow().equals(key)) {
                return Optional.of(new Pushed(columns[i], Optional.empty()));
            }
        }
        String prefix = "attribute:";
        if (key.name().startsWith(prefix) && key.name().length() > prefix.length()) {
            String attribute = key.name().substring(prefix.length());
            if (!attribute.isBlank() && GroupKeys.attribute(attribute).equals(key)) {
                return Optional.of(new Pushed(Column.ATTRIBUTE, Optional.of(attribute)));
            }
        }
        return Optional.empty();
    }

    /**
     * Counts on {@code connection} (in a transaction that also read {@code first} and {@code last}, the
     * table's first and last instants, when the grouping has days).
     *
     * @return the cells, unsorted; empty when the zone has too many transitions (the caller then scans)
     */
    public Optional<List<ScoreCount>> count(Connection connection, EventQuery query, ScoreGrouping grouping,
            Optional<Instant> first, Optional<Instant> last) throws SQLException {
        Optional<Pushed> key = grouping.key().map(k -> pushed(k).orElseThrow());
        Sql inner = new Sql().append("SELECT ");
        if (key.isEmpty()) {
            inner.append("CAST(NULL AS VARCHAR(1))");
        } else if (key.get().column() == Column.ATTRIBUTE) {
            if (dialect == Dialect.POSTGRESQL) {
                inner.append("e.attributes ->> ").parameter(key.get().attribute().orElseThrow());
            } else {
                inner.append("a.attribute_value");
            }
        } else {
            inner.append(key.get().column().expression);
        }
        inner.append(" AS g, ");
        if (grouping.dayZone().isPresent() && first.isPresent()) {
            Optional<List<ZoneOffsetTransition>> transitions = transitions(grouping.dayZone().get(), first.get(),
                    last.orElseThrow());
            if (transitions.isEmpty()) {
                return Optional.empty();
            }
            ZoneOffset initial = grouping.dayZone().get().getRules().getOffset(first.get());
            inner.append("CAST(FLOOR((EXTRACT(EPOCH FROM e.occurred_at) + ");
            offset(inner, initial, transitions.get(), 0, transitions.get().size());
            inner.append(") / 86400) AS BIGINT)");
        } else {
            inner.append("CAST(NULL AS BIGINT)");
        }
        inner.append(" AS d, e.scale_name AS sn, e.scale_min AS smin, e.scale_max AS smax, e.score AS score FROM ")
                .append(tables.events()).append(" e");
        if (key.isPresent() && key.get().column() == Column.ATTRIBUTE && dialect == Dialect.H2) {
            inner.append(" LEFT JOIN ").append(tables.eventAttributes())
                    .append(" a ON a.event_seq = e.seq AND a.attribute_key = ").parameter(key.get().attribute().orElseThrow());
        }
        inner.append(" WHERE e.event_type = " + EventColumns.FEEDBACK);
        Sql conditions = clauses.conditions(query);
        if (!conditions.text().isEmpty()) {
            inner.append(" AND ").append(conditions);
        }
        Sql sql = new Sql().append("SELECT g, d, sn, smin, smax, score, COUNT(*) FROM (").append(inner)
                .append(") x GROUP BY g, d, sn, smin, smax, score");
        Column column = key.map(Pushed::column).orElse(Column.EVENT_TYPE);
        List<ScoreCount> cells = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Optional<String> group = key.isPresent() ? Optional.of(column.group(rows.getString(1))) : Optional.empty();
                long day = rows.getLong(2);
                Optional<LocalDate> date = rows.wasNull() ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(day));
                FeedbackScale scale = new FeedbackScale(rows.getString(3), rows.getInt(4), rows.getInt(5));
                cells.add(new ScoreCount(group, date, scale, rows.getInt(6), rows.getLong(7)));
            }
        }
        return Optional.of(cells);
    }

    /** Returns the zone's transitions after {@code first} up to {@code last}; empty when there are too many. */
    private static Optional<List<ZoneOffsetTransition>> transitions(ZoneId zone, Instant first, Instant last) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        ZoneOffsetTransition next = rules.nextTransition(first);
        while (next != null && !next.getInstant().isAfter(last)) {
            if (transitions.size() == MAX_TRANSITIONS) {
                return Optional.empty();
            }
            transitions.add(next);
            next = rules.nextTransition(next.getInstant());
        }
        return Optional.of(transitions);
    }

    /**
     * Appends the offset in seconds at {@code e.occurred_at}, for the segment between transitions
     * {@code [from, to)}: before transition {@code from} the offset is that before it (or {@code initial}).
     */
    private static void offset(Sql sql, ZoneOffset initial, List<ZoneOffsetTransition> transitions, int from, int to) {
        if (from == to) {
            int seconds = from == 0 ? initial.getTotalSeconds() : transitions.get(from - 1).getOffsetAfter().getTotalSeconds();
            sql.append(Integer.toString(seconds));
            return;
        }
        // Segments from..to: segment i lies before transition i (segment to lies after the last transition).
        int middle = (from + to + 1) / 2;
        sql.append("CASE WHEN e.occurred_at < ").parameter(transitions.get(middle - 1).getInstant()).append(" THEN ");
        offset(sql, initial, transitions, from, middle - 1);
        sql.append(" ELSE ");
        offset(sql, initial, transitions, middle, to);
        sql.append(" END");
    }
}
