package dev.cxm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.jdbc.testing.TestDatabases;
import dev.cxm.metrics.feedback.Breakdown;
import dev.cxm.metrics.feedback.FeedbackBreakdown;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.RatingScore;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * A feedback breakdown computed from a JDBC store (the database counts, {@code FeedbackBreakdown.compute(store,
 * query)}) equals the breakdown of the same responses streamed one by one into the accumulator.
 */
class FeedbackPushdownTest {

    private static List<CustomerEvent> responses(Random random, int n) {
        Touchpoint[] touchpoints = {Touchpoint.of("web", "Web shop", Channel.WEB),
            Touchpoint.of("hotline", "Hotline", Channel.PHONE).inStage("support"),
            Touchpoint.of("app", "App", Channel.MOBILE_APP)};
        FeedbackScale[] scales = {FeedbackScale.NPS, FeedbackScale.CSAT};
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            FeedbackScale scale = scales[random.nextInt(2)];
            FeedbackResponse.Builder response = FeedbackResponse.builder(CustomerId.of("c" + random.nextInt(50)),
                    Instant.parse("2025-10-01T00:00:00Z").plusSeconds(random.nextInt(200 * 86_400)),
                    random.nextBoolean() ? "relationship" : "support", scale, scale.min() + random.nextInt(scale.points()))
                    .eventId("r" + i);
            if (random.nextInt(5) > 0) {
                response.touchpoint(touchpoints[random.nextInt(3)]);
            }
            if (random.nextBoolean()) {
                response.attribute("plan", random.nextBoolean() ? "pro" : "free");
            }
            events.add(response.build());
        }
        return events;
    }

    private static void assertPushdownEqualsStream(EventStore store) {
        // Oracle: the same breakdown over the responses read back one by one (FeedbackBreakdown.compute(Stream)).
        List<CustomerEvent> events = responses(new Random(42), 3_000);
        store.appendAll(events);
        List<FeedbackBreakdown<?>> breakdowns = List.of(
                FeedbackBreakdown.ofDefaults(NetPromoterScore.ofDefaults()),
                FeedbackBreakdown.custom(NetPromoterScore.ofDefaults()).groupBy(GroupKeys.channel())
                        .per(CalendarPeriod.WEEK, ZoneId.of("Europe/Berlin")).build(),
                FeedbackBreakdown.custom(RatingScore.csat()).groupBy(GroupKeys.attribute("plan"))
                        .per(CalendarPeriod.MONTH, ZoneId.of("America/New_York")).minimumN(5).build(),
                FeedbackBreakdown.custom(NetPromoterScore.ofDefaults()).groupBy(GroupKeys.touchpoint())
                        .per(CalendarPeriod.DAY, ZoneId.of("Asia/Kolkata")).build());
        List<EventQuery> queries = List.of(EventQuery.all(), EventQuery.builder()
                .between(Instant.parse("2025-11-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")).build());
        for (FeedbackBreakdown<?> breakdown : breakdowns) {
            for (EventQuery query : queries) {
                Breakdown<?> pushedDown = breakdown.compute(store, query);
                Breakdown<?> streamed;
                try (Stream<FeedbackResponse> read = store.query(query, FeedbackResponse.class)) {
                    streamed = breakdown.compute(read);
                }
                assertThat(pushedDown).as("%s over %s", breakdown, query).isEqualTo(streamed);
            }
        }
    }

    @Test
    void onH2TheDatabasesCountsGiveTheStreamedBreakdown() {
        JdbcConnectionPool pool = TestDatabases.h2Memory();
        try {
            assertPushdownEqualsStream(JdbcStores.builder(pool).build().eventStore());
        } finally {
            pool.dispose();
        }
    }

    @Test
    void onPostgresTheDatabasesCountsGiveTheStreamedBreakdown() {
        JdbcConnectionPool pool = TestDatabases.postgres();
        try {
            assertPushdownEqualsStream(JdbcStores.builder(pool).build().eventStore());
        } finally {
            pool.dispose();
        }
    }
}
