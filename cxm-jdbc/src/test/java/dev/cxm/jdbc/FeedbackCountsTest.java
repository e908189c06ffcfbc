package dev.cxm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.model.TouchpointId;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.ScoreCount;
import dev.cxm.core.store.ScoreGrouping;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.jdbc.testing.TestDatabases;

/**
 * The feedback histogram read from the feedback counts (kept by appends and erasures, schema version 2)
 * equals the histogram grouped from the stored events and the in-memory store's, which counts by reading
 * every response: on random events (near bucket edges, daylight-saving changes and before 1970), random
 * appends with duplicates and conflicting ids, erasures, and random queries and groupings.
 */
class FeedbackCountsTest {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private static final Touchpoint[] TOUCHPOINTS = {Touchpoint.of("web", "Web shop", Channel.WEB),
        Touchpoint.of("hotline", "Hotline", Channel.PHONE).inStage("support"),
        Touchpoint.of("app", "App", Channel.MOBILE_APP), Touchpoint.of("app", "App (renamed)", Channel.MOBILE_APP)};
    private static final FeedbackScale[] SCALES = {FeedbackScale.NPS, FeedbackScale.CSAT,
        FeedbackScale.custom("effort", 1, 7)};
    /** Around the start of summer time in Europe, its end, the epoch (negative seconds) and a plain week. */
    private static final Instant[] STARTS = {Instant.parse("2025-03-29T12:00:00Z"),
        Instant.parse("2025-10-25T12:00:00Z"), Instant.parse("1969-12-30T12:00:00Z"),
        Instant.parse("2026-01-05T00:00:00Z")};
    /** Aligned zones (UTC, summer time, +05:30, +05:45, a 30-minute change) and one with LMT seconds before 1972. */
    private static final ZoneId[] ZONES = {ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Kolkata"),
        ZoneId.of("Asia/Kathmandu"), ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"),
        ZoneId.of("Africa/Monrovia")};
    private static final GroupKey[] KEYS = {GroupKeys.channel(), GroupKeys.touchpoint(), GroupKeys.touchpointName(),
        GroupKeys.stage(), GroupKeys.survey(), GroupKeys.outcome(), GroupKeys.eventType(), GroupKeys.attribute("plan")};

    /** Draws one event: mostly responses, some interactions; instants often on or next to a bucket edge. */
    private static CustomerEvent event(Random random, Instant start, String id) {
        Instant at = instant(random, start);
        CustomerId customer = CustomerId.of("c" + random.nextInt(8));
        Touchpoint touchpoint = TOUCHPOINTS[random.nextInt(TOUCHPOINTS.length)];
        if (random.nextInt(6) == 0) {
            return Interaction.builder(customer, at, touchpoint).eventId(id).outcome("done").build();
        }
        FeedbackScale scale = SCALES[random.nextInt(SCALES.length)];
        FeedbackResponse.Builder response = FeedbackResponse.builder(customer, at, random.nextBoolean() ? "s1" : "s2",
                scale, scale.min() + random.nextInt(scale.points())).eventId(id);
        if (random.nextInt(4) > 0) {
            response.touchpoint(touchpoint);
        }
        if (random.nextBoolean()) {
            response.attribute("plan", random.nextBoolean() ? "pro" : "free");
        }
        return response.build();
    }

    /** An instant within 3 days of {@code start}: any microsecond, a bucket edge, or a microsecond before one. */
    private static Instant instant(Random random, Instant start) {
        Instant edge = start.plusSeconds(900L * random.nextInt(3 * 96));
        return switch (random.nextInt(3)) {
            case 0 -> edge;
            case 1 -> edge.minus(Duration.ofNanos(1_000));
            default -> start.plusSeconds(random.nextInt(3 * 86_400)).plus(random.nextInt(1_000_000), ChronoUnit.MICROS);
        };
    }

    private static EventQuery query(Random random, Instant start) {
        EventQuery.Builder query = EventQuery.builder();
        Instant from = instant(random, start);
        Instant to = instant(random, start);
        if (random.nextInt(3) > 0) {
            query.from(from.isBefore(to) ? from : to);
        }
        if (random.nextInt(3) > 0) {
            query.to(from.isBefore(to) ? to : from);
        }
        switch (random.nextInt(6)) {
            case 0 -> query.types(EventType.FEEDBACK);
            case 1 -> query.types(EventType.INTERACTION);
            case 2 -> query.types(EventType.FEEDBACK, EventType.PURCHASE);
            default -> { }
        }
        if (random.nextInt(4) == 0) {
            query.touchpoint(random.nextBoolean() ? TOUCHPOINTS[random.nextInt(TOUCHPOINTS.length)].id()
                    : TouchpointId.of("nowhere"));
        }
        if (random.nextInt(8) == 0) {
            query.customer(CustomerId.of("c" + random.nextInt(8)));
        }
        if (random.nextInt(8) == 0) {
            query.attribute("plan", "pro");
        }
        return query.build();
    }

    private static ScoreGrouping grouping(Random random) {
        ScoreGrouping grouping = random.nextInt(4) == 0 ? ScoreGrouping.overall()
                : ScoreGrouping.by(KEYS[random.nextInt(KEYS.length)]);
        return random.nextBoolean() ? grouping.perDay(ZONES[random.nextInt(ZONES.length)]) : grouping;
    }

    /**
     * Runs one random history of appends and erasures on the JDBC store and the in-memory store alike, then
     * compares their histograms. Oracle: the in-memory store (a scan of the responses) and the database's
     * {@code GROUP BY} over the stored events.
     */
    private static void historyMatches(long seed, Supplier<JdbcConnectionPool> database, int examples) {
        JdbcConnectionPool pool = database.get();
        try {
            qt().withExamples(examples).forAll(longs().all()).checkAssert(example -> {
                Random random = new Random(example ^ seed);
                JdbcStores stores = JdbcStores.builder(pool).schema("h" + SCHEMAS.incrementAndGet()).build();
                JdbcEventStore store = stores.eventStore();
                InMemoryEventStore memory = InMemoryEventStore.create();
                Instant start = STARTS[random.nextInt(STARTS.length)];
                List<CustomerEvent> offered = new ArrayList<>();
                for (int step = 0; step < 8; step++) {
                    if (random.nextInt(4) == 0) {
                        CustomerId customer = CustomerId.of("c" + random.nextInt(8));
                        long erased = random.nextBoolean() ? store.erase(customer)
                                : stores.erase(customer).eventsRemoved();
                        assertThat(erased).as("events erased").isEqualTo(memory.erase(customer));
                        continue;
                    }
                    List<CustomerEvent> batch = new ArrayList<>();
                    int size = 1 + random.nextInt(40);
                    for (int i = 0; i < size; i++) {
                        String id = "e" + random.nextInt(120);
                        // An id offered before comes again as the same event (a duplicate), else it is new.
                        CustomerEvent event = offered.stream().filter(e -> e.eventId().value().equals(id)).findFirst()
                                .orElseGet(() -> event(random, start, id));
                        batch.add(event);
                        offered.add(event);
                    }
                    if (random.nextInt(5) == 0) {
                        // A different event under an id in this batch: both stores refuse the whole append.
                        CustomerEvent twin = event(random, start, batch.get(random.nextInt(batch.size())).eventId().value());
                        if (!batch.contains(twin)) {
                            List<CustomerEvent> conflicting = new ArrayList<>(batch);
                            conflicting.add(twin);
                            assertThatThrownBy(() -> store.appendAll(conflicting))
                                    .isInstanceOf(IllegalArgumentException.class);
                            assertThatThrownBy(() -> memory.appendAll(conflicting))
                                    .isInstanceOf(IllegalArgumentException.class);
                        }
                    }
                    assertThat(store.appendAll(batch)).isEqualTo(memory.appendAll(batch));
                }
                assertThat(countedResponses(pool, stores.schema().orElseThrow() + ".cxm_feedback_counts")).as("responses in the counts table")
                        .isEqualTo(memory.count(EventQuery.ofTypes(EventType.FEEDBACK)));
                for (int q = 0; q < 12; q++) {
                    EventQuery query = query(random, start);
                    ScoreGrouping grouping = grouping(random);
                    List<ScoreCount> expected = sorted(memory.feedbackHistogram(query, grouping));
                    assertThat(store.feedbackHistogram(query, grouping)).as("%s by %s", query, grouping)
                            .isEqualTo(expected);
                    assertThat(store.feedbackHistogram(query, grouping, false)).as("grouped events").isEqualTo(expected);
                }
            });
        } finally {
            pool.dispose();
        }
    }

    private static long countedResponses(JdbcConnectionPool pool, String table) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet sum = statement.executeQuery("SELECT COALESCE(SUM(response_count), 0) FROM " + table)) {
            sum.next();
            return sum.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<ScoreCount> sorted(List<ScoreCount> cells) {
        List<ScoreCount> sorted = new ArrayList<>(cells);
        sorted.sort(ScoreCount.ORDER);
        return sorted;
    }

    @Test
    void onH2TheCountsGiveTheScannedHistogram() {
        historyMatches(0x12_2026L, TestDatabases::h2Memory, 60);
    }

    @Test
    void onPostgresTheCountsGiveTheScannedHistogram() {
        historyMatches(0x14_2026L, TestDatabases::postgres, 25);
    }

    /**
     * A database of schema version 1 holds responses but no counts; version 2's migration fills them.
     * Oracle: the in-memory store's histogram of the same responses, and the grouped events.
     */
    private static void migrationFillsTheCounts(JdbcConnectionPool pool) throws SQLException {
        try {
            JdbcStores stores = JdbcStores.builder(pool).build();
            InMemoryEventStore memory = InMemoryEventStore.create();
            Random random = new Random(7);
            List<CustomerEvent> events = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                events.add(event(random, STARTS[i % STARTS.length], "m" + i));
            }
            stores.eventStore().appendAll(events);
            memory.appendAll(events);
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                // Back to version 1: the table, the version rows from 2 and their lines in Flyway's history go
                // (version 3 only changed PostgreSQL's customer index, which its migration builds again).
                statement.executeUpdate("DROP TABLE cxm_feedback_counts");
                statement.executeUpdate("DELETE FROM cxm_schema_version WHERE version >= 2");
                statement.executeUpdate("DELETE FROM cxm_schema_history WHERE \"version\" IN ('2', '3')");
            }
            assertThatThrownBy(() -> JdbcStores.builder(pool).migrate(false).build())
                    .hasMessageContaining("schema version 1, older than this cxm reads (version 3)");
            JdbcEventStore migrated = JdbcStores.builder(pool).build().eventStore();
            for (ScoreGrouping grouping : List.of(ScoreGrouping.overall(), ScoreGrouping.by(GroupKeys.touchpoint()),
                    ScoreGrouping.by(GroupKeys.channel()).perDay(ZoneId.of("Europe/Berlin")),
                    ScoreGrouping.by(GroupKeys.stage()).perDay(ZoneId.of("UTC")))) {
                List<ScoreCount> expected = sorted(memory.feedbackHistogram(EventQuery.all(), grouping));
                assertThat(migrated.feedbackHistogram(EventQuery.all(), grouping)).isEqualTo(expected)
                        .isEqualTo(migrated.feedbackHistogram(EventQuery.all(), grouping, false));
            }
            assertThat(countedResponses(pool, "cxm_feedback_counts"))
                    .isEqualTo(memory.count(EventQuery.ofTypes(EventType.FEEDBACK)));
        } finally {
            pool.dispose();
        }
    }

    @Test
    void onH2TheMigrationCountsTheResponsesStoredBefore() throws SQLException {
        migrationFillsTheCounts(TestDatabases.h2Memory());
    }

    @Test
    void onPostgresTheMigrationCountsTheResponsesStoredBefore() throws SQLException {
        migrationFillsTheCounts(TestDatabases.postgres());
    }

    @Test
    void theHistogramOfAWholeRangeReadsTheCountsAndAnInnerRangeItsEdgesFromTheEvents() throws SQLException {
        // Oracle: the table is altered by hand (1,000 more of one cell); a histogram that reads the counts shows
        // exactly that change, the grouped events do not, and a range of less than a bucket does not read it.
        JdbcConnectionPool pool = TestDatabases.h2Memory();
        try {
            JdbcEventStore store = JdbcStores.builder(pool).build().eventStore();
            Instant start = Instant.parse("2026-01-05T00:00:00Z");
            FeedbackScale nps = FeedbackScale.NPS;
            store.appendAll(List.of(
                    FeedbackResponse.builder(CustomerId.of("c1"), start.plusSeconds(10), "s1", nps, 9).eventId("a").build(),
                    FeedbackResponse.builder(CustomerId.of("c1"), start.plusSeconds(2_000), "s1", nps, 9).eventId("b")
                            .build()));
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                assertThat(statement.executeUpdate("UPDATE cxm_feedback_counts SET response_count = response_count"
                        + " + 1000 WHERE bucket = " + start.getEpochSecond() / 900)).isEqualTo(1);
            }
            ScoreGrouping overall = ScoreGrouping.overall();
            assertThat(store.feedbackHistogram(EventQuery.all(), overall))
                    .containsExactly(new ScoreCount(java.util.Optional.empty(), java.util.Optional.empty(), nps, 9, 1_002));
            assertThat(store.feedbackHistogram(EventQuery.all(), overall, false))
                    .containsExactly(new ScoreCount(java.util.Optional.empty(), java.util.Optional.empty(), nps, 9, 2));
            // From the 10th second: the first bucket is partial, so its response is counted from the events.
            EventQuery fromTen = EventQuery.builder().from(start.plusSeconds(10)).build();
            assertThat(store.feedbackHistogram(fromTen, overall))
                    .containsExactly(new ScoreCount(java.util.Optional.empty(), java.util.Optional.empty(), nps, 9, 2));
            EventQuery withinABucket = EventQuery.builder().between(start, start.plusSeconds(899)).build();
            assertThat(store.feedbackHistogram(withinABucket, overall))
                    .containsExactly(new ScoreCount(java.util.Optional.empty(), java.util.Optional.empty(), nps, 9, 1));
        } finally {
            pool.dispose();
        }
    }
}
