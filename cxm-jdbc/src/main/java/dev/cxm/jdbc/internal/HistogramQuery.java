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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.ScoreCount;
import dev.cxm.core.store.ScoreGrouping;
import dev.cxm.jdbc.Dialect;

/**
 * The feedback histogram computed by the database, so that only the counts travel: read from the feedback
 * counts ({@link FeedbackCounts}) for the whole 15-minute buckets of a query they can answer, else (and for
 * the partial buckets at a time range's ends) one {@code GROUP BY} over the feedback rows, by the group's
 * column, the calendar day and the scale point.
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

    /** A cell of the histogram without its count. */
    private record Cell(Optional<String> group, Optional<LocalDate> day, FeedbackScale scale, int score) {}

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
     * table's first and last instants, when the grouping has days): from the feedback counts when they can
     * answer ({@link #fromCounts}), else by grouping the events.
     *
     * @return the cells, unsorted; empty when the zone has too many transitions (the caller then scans)
     */
    public Optional<List<ScoreCount>> count(Connection connection, EventQuery query, ScoreGrouping grouping,
            Optional<Instant> first, Optional<Instant> last) throws SQLException {
        Optional<List<ScoreCount>> counted = fromCounts(connection, query, grouping, first, last);
        return counted.isPresent() ? counted : scan(connection, query, grouping, first, last);
    }

    /**
     * Counts from the feedback counts table ({@link FeedbackCounts}) the whole 15-minute buckets inside the
     * query's time range, and by grouping the events those at its ends that fill no whole bucket. It answers
     * queries without customers or attributes, grouped by a built-in key other than an attribute; with days,
     * only when the zone's offsets and transitions between {@code first} and {@code last} fall on bucket
     * edges (every zone's since 2012 but Antarctica/Casey's), so that each bucket lies within one day.
     *
     * @return the cells, unsorted; empty when the counts cannot answer, or the range is within two buckets
     */
    Optional<List<ScoreCount>> fromCounts(Connection connection, EventQuery query, ScoreGrouping grouping,
            Optional<Instant> first, Optional<Instant> last) throws SQLException {
        Optional<Pushed> key = grouping.key().map(k -> pushed(k).orElseThrow());
        if (!query.customers().isEmpty() || !query.attributes().isEmpty()
                || key.isPresent() && key.get().column() == Column.ATTRIBUTE) {
            return Optional.empty();
        }
        Optional<Instant> from = query.from();
        Optional<Instant> to = query.to();
        boolean nothing = !query.types().isEmpty() && !query.types().contains(EventType.FEEDBACK)
                || query.touchpoint().isPresent() && !Storable.holds(query.touchpoint().get().value())
                || from.isPresent() && !from.get().isBefore(Storable.END_INSTANT)
                || to.isPresent() && !to.get().isAfter(Storable.FIRST_INSTANT);
        if (nothing) {
            return Optional.of(List.of());
        }
        from = from.filter(bound -> bound.isAfter(Storable.FIRST_INSTANT));
        to = to.filter(bound -> bound.isBefore(Storable.END_INSTANT));
        // The whole buckets: from the first that starts at or after "from" to the last that ends by "to".
        Optional<Long> low = from.map(bound -> FeedbackCounts.isEdge(bound) ? FeedbackCounts.bucket(bound)
                : FeedbackCounts.bucket(bound) + 1);
        Optional<Long> high = to.map(FeedbackCounts::bucket);
        if (low.isPresent() && high.isPresent() && low.get() >= high.get()) {
            return Optional.empty();
        }
        Optional<List<ZoneOffsetTransition>> transitions = Optional.empty();
        ZoneOffset initial = ZoneOffset.UTC;
        if (grouping.dayZone().isPresent() && first.isPresent()) {
            transitions = transitions(grouping.dayZone().get(), first.get(), last.orElseThrow());
            initial = grouping.dayZone().get().getRules().getOffset(first.get());
            if (transitions.isEmpty() || !onBucketEdges(initial, transitions.get())) {
                return Optional.empty();
            }
        }
        Sql inner = new Sql().append("SELECT ").append(groupExpression(key, true)).append(" AS g, ");
        if (transitions.isPresent()) {
            List<ZoneOffsetTransition> cuts = transitions.get();
            inner.append("e.bucket + ");
            offset(inner, initial, cuts, 0, cuts.size(), FeedbackCounts.BUCKET_SECONDS,
                    (sql, cut) -> sql.append("e.bucket < ").parameter(FeedbackCounts.bucket(cut.getInstant())));
        } else {
            inner.append("CAST(NULL AS BIGINT)");
        }
        inner.append(" AS lb, e.scale_name AS sn, e.scale_min AS smin, e.scale_max AS smax, e.score AS score,"
                + " e.response_count AS n FROM ").append(tables.feedbackCounts()).append(" e WHERE 1 = 1");
        low.ifPresent(bucket -> inner.append(" AND e.bucket >= ").parameter(bucket));
        high.ifPresent(bucket -> inner.append(" AND e.bucket < ").parameter(bucket));
        query.touchpoint().ifPresent(touchpoint -> inner.append(" AND e.touchpoint_id = ").parameter(touchpoint.value()));
        int bucketsPerDay = 86_400 / FeedbackCounts.BUCKET_SECONDS;
        // The day of a local bucket number lb: floor(lb / 96) in integers (SQL's division truncates to zero).
        Sql sql = new Sql().append("SELECT g, d, sn, smin, smax, score, SUM(n) FROM (SELECT g, CASE WHEN lb >= 0"
                + " THEN lb / " + bucketsPerDay + " ELSE -((" + (bucketsPerDay - 1) + " - lb) / " + bucketsPerDay
                + ") END AS d, sn, smin, smax, score, n FROM (").append(inner)
                .append(") y) x GROUP BY g, d, sn, smin, smax, score HAVING SUM(n) > 0");
        Map<Cell, Long> cells = new HashMap<>();
        read(sql, connection, key, cells);
        if (low.isPresent() && FeedbackCounts.start(low.get()).isAfter(from.orElseThrow())) {
            add(cells, scan(connection, new EventQuery(Set.of(), query.types(), from,
                    Optional.of(FeedbackCounts.start(low.get())), query.touchpoint(), Map.of()), grouping, first, last));
        }
        if (high.isPresent() && FeedbackCounts.start(high.get()).isBefore(to.orElseThrow())) {
            add(cells, scan(connection, new EventQuery(Set.of(), query.types(),
                    Optional.of(FeedbackCounts.start(high.get())), to, query.touchpoint(), Map.of()), grouping, first,
                    last));
        }
        return Optional.of(counts(cells));
    }

    /** Returns the cells with their counts. */
    private static List<ScoreCount> counts(Map<Cell, Long> cells) {
        List<ScoreCount> counted = new ArrayList<>(cells.size());
        cells.forEach((cell, count) -> counted.add(new ScoreCount(cell.group(), cell.day(), cell.scale(), cell.score(),
                count)));
        return counted;
    }

    /** Returns whether every offset and transition is a whole number of buckets. */
    private static boolean onBucketEdges(ZoneOffset initial, List<ZoneOffsetTransition> transitions) {
        if (initial.getTotalSeconds() % FeedbackCounts.BUCKET_SECONDS != 0) {
            return false;
        }
        for (ZoneOffsetTransition transition : transitions) {
            if (transition.getOffsetAfter().getTotalSeconds() % FeedbackCounts.BUCKET_SECONDS != 0
                    || !FeedbackCounts.isEdge(transition.getInstant())) {
                return false;
            }
        }
        return true;
    }

    /** Adds the scanned cells to {@code cells}. */
    private static void add(Map<Cell, Long> cells, Optional<List<ScoreCount>> scanned) {
        for (ScoreCount cell : scanned.orElseThrow()) {
            cells.merge(new Cell(cell.group(), cell.day(), cell.scale(), cell.score()), cell.count(), Long::sum);
        }
    }

    /** The group of a row: the key's column, or a constant without a key. */
    private Sql groupExpression(Optional<Pushed> key, boolean fromCounts) {
        Sql sql = new Sql();
        if (key.isEmpty() || fromCounts && key.get().column() == Column.OUTCOME) {
            // A response has no outcome: every one falls in the group "(none)".
            sql.append("CAST(NULL AS VARCHAR(1))");
        } else if (key.get().column() == Column.ATTRIBUTE) {
            if (dialect == Dialect.POSTGRESQL) {
                sql.append("e.attributes ->> ").parameter(key.get().attribute().orElseThrow());
            } else {
                sql.append("a.attribute_value");
            }
        } else {
            sql.append(key.get().column().expression);
        }
        return sql;
    }

    /** Reads the rows of {@code sql} (group, day, scale, score, count) into {@code cells}. */
    private static void read(Sql sql, Connection connection, Optional<Pushed> key, Map<Cell, Long> cells)
            throws SQLException {
        Column column = key.map(Pushed::column).orElse(Column.EVENT_TYPE);
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Optional<String> group = key.isPresent() ? Optional.of(column.group(rows.getString(1))) : Optional.empty();
                long day = rows.getLong(2);
                Optional<LocalDate> date = rows.wasNull() ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(day));
                FeedbackScale scale = new FeedbackScale(rows.getString(3), rows.getInt(4), rows.getInt(5));
                cells.merge(new Cell(group, date, scale, rows.getInt(6)), rows.getLong(7), Long::sum);
            }
        }
    }

    /**
     * Counts with one {@code GROUP BY} over the feedback rows of the events table.
     *
     * @return the cells, unsorted; empty when the zone has too many transitions (the caller then scans)
     */
    public Optional<List<ScoreCount>> scan(Connection connection, EventQuery query, ScoreGrouping grouping,
            Optional<Instant> first, Optional<Instant> last) throws SQLException {
        Optional<Pushed> key = grouping.key().map(k -> pushed(k).orElseThrow());
        Sql inner = new Sql().append("SELECT ").append(groupExpression(key, false)).append(" AS g, ");
        if (grouping.dayZone().isPresent() && first.isPresent()) {
            Optional<List<ZoneOffsetTransition>> transitions = transitions(grouping.dayZone().get(), first.get(),
                    last.orElseThrow());
            if (transitions.isEmpty()) {
                return Optional.empty();
            }
            ZoneOffset initial = grouping.dayZone().get().getRules().getOffset(first.get());
            inner.append("CAST(FLOOR((EXTRACT(EPOCH FROM e.occurred_at) + ");
            offset(inner, initial, transitions.get(), 0, transitions.get().size(), 1,
                    (sql, cut) -> sql.append("e.occurred_at < ").parameter(cut.getInstant()));
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
        Map<Cell, Long> cells = new HashMap<>();
        read(sql, connection, key, cells);
        return Optional.of(counts(cells));
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
     * Appends the offset at a row in units of {@code unit} seconds, for the segment between transitions
     * {@code [from, to)}: before transition {@code from} the offset is that before it (or {@code initial});
     * {@code before} appends the condition that a row lies before a transition.
     */
    private static void offset(Sql sql, ZoneOffset initial, List<ZoneOffsetTransition> transitions, int from, int to,
            int unit, BiConsumer<Sql, ZoneOffsetTransition> before) {
        if (from == to) {
            int seconds = from == 0 ? initial.getTotalSeconds() : transitions.get(from - 1).getOffsetAfter().getTotalSeconds();
            sql.append(Integer.toString(seconds / unit));
            return;
        }
        // Segments from..to: segment i lies before transition i (segment to lies after the last transition).
        int middle = (from + to + 1) / 2;
        sql.append("CASE WHEN ");
        before.accept(sql, transitions.get(middle - 1));
        sql.append(" THEN ");
        offset(sql, initial, transitions, from, middle - 1, unit, before);
        sql.append(" ELSE ");
        offset(sql, initial, transitions, middle, to, unit, before);
        sql.append(" END");
    }
}
