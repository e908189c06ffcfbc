package dev.cxm.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.metrics.feedback.FeedbackMetric;
import dev.cxm.metrics.feedback.FeedbackResult;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.RatingScore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The gauges on a {@code SimpleMeterRegistry} against the metric's own result: the oracle of every number is
 * {@code metric.collector()} over the same responses, grouped by hand.
 */
class FeedbackMetersTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:20:00Z");

    @Test
    void everyGaugeOfEveryMetricAndChannelIsTheAccumulatorsOwnResult() {
        List<FeedbackResponse> responses = responses(1, 600, Channel.values().length);
        FeedbackMeters meters = FeedbackMeters.ofDefaults();
        MeterRegistry registry = new SimpleMeterRegistry();
        meters.bindTo(registry);

        responses.forEach(meters::record);

        int checked = 0;
        for (FeedbackMetric<?> metric : List.of(NetPromoterScore.ofDefaults(), RatingScore.csat(), RatingScore.ces())) {
            Map<String, ? extends FeedbackResult> expected = byChannel(metric, responses);
            for (Map.Entry<String, ? extends FeedbackResult> group : expected.entrySet()) {
                assertGauges(registry, metric, group.getKey(), "all", group.getValue());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(registry.find(FeedbackMeters.FOLDED).tags("metric", "nps").functionCounter().count()).isZero();
    }

    @Test
    void aRegistryBoundLaterShowsTheGroupsAlreadySeen() {
        List<FeedbackResponse> responses = responses(2, 100, 3);
        FeedbackMeters meters = FeedbackMeters.custom().metrics(List.of(NetPromoterScore.ofDefaults())).build();
        responses.forEach(meters::record);
        MeterRegistry late = new SimpleMeterRegistry();

        meters.bindTo(late);

        byChannel(NetPromoterScore.ofDefaults(), responses).forEach((channel, result) ->
                assertGauges(late, NetPromoterScore.ofDefaults(), channel, "all", result));
    }

    @Test
    void groupsBeyondTheLimitAreFoldedIntoOtherAndCountedNotDropped() {
        // 6 channels, a limit of 3: the first 3 channels seen keep their own series; the responses of the other
        // 3 are counted in "(other)" (by hand: their NPS together) and in the folded counter.
        List<FeedbackResponse> responses = responses(3, 400, 6).stream()
                .filter(r -> r.scale().equals(FeedbackScale.NPS)).toList();
        FeedbackMeters meters = FeedbackMeters.custom().metrics(List.of(NetPromoterScore.ofDefaults())).maxGroups(3)
                .build();
        MeterRegistry registry = new SimpleMeterRegistry();
        meters.bindTo(registry);

        responses.forEach(meters::record);

        List<String> firstThree = responses.stream().map(GroupKeys.channel()::groupOf).distinct().limit(3).toList();
        List<FeedbackResponse> folded = responses.stream()
                .filter(r -> !firstThree.contains(GroupKeys.channel().groupOf(r))).toList();
        assertThat(folded).isNotEmpty();
        assertThat(registry.find(FeedbackMeters.SCORE).gauges()).hasSize(4);
        assertGauges(registry, NetPromoterScore.ofDefaults(), FeedbackMeters.OTHER, "all",
                folded.stream().collect(NetPromoterScore.ofDefaults().collector()));
        for (String channel : firstThree) {
            assertGauges(registry, NetPromoterScore.ofDefaults(), channel, "all", responses.stream()
                    .filter(r -> GroupKeys.channel().groupOf(r).equals(channel))
                    .collect(NetPromoterScore.ofDefaults().collector()));
        }
        assertThat(registry.get(FeedbackMeters.FOLDED).tags("metric", "nps", "key", "channel").functionCounter()
                .count()).isEqualTo(folded.size());
    }

    @Test
    void aWindowCountsOnlyItsOwnResponsesAndStartsAgainEmpty() {
        AtomicReference<Instant> now = new AtomicReference<>(NOW);
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        FeedbackMeters meters = FeedbackMeters.custom().metrics(List.of(NetPromoterScore.ofDefaults()))
                .window(Duration.ofHours(1)).clock(clock).build();
        MeterRegistry registry = new SimpleMeterRegistry();
        meters.bindTo(registry);
        meters.record(nps(10, Channel.WEB)).record(nps(0, Channel.WEB)).record(nps(9, Channel.WEB));
        // By hand: 2 promoters, 1 detractor of 3: NPS 100 / 3.
        assertGauges(registry, NetPromoterScore.ofDefaults(), "web", "PT1H", NetPromoterScore.ofDefaults().of(10, 0, 9));

        now.set(NOW.plus(Duration.ofMinutes(45)));   // 11:05, the next window
        assertThat(registry.get(FeedbackMeters.SCORE).tags("group", "web").gauge().value()).isNaN();
        assertThat(registry.get(FeedbackMeters.RESPONSES).tags("group", "web").gauge().value()).isZero();
        meters.record(nps(3, Channel.WEB));
        assertGauges(registry, NetPromoterScore.ofDefaults(), "web", "PT1H", NetPromoterScore.ofDefaults().of(3));
    }

    @Test
    void manyThreadsRecordingLoseNoResponse() throws InterruptedException {
        List<FeedbackResponse> responses = responses(4, 4_000, 4).stream()
                .filter(r -> r.scale().equals(FeedbackScale.NPS)).toList();
        FeedbackMeters meters = FeedbackMeters.ofDefaults();
        MeterRegistry registry = new SimpleMeterRegistry();
        meters.bindTo(registry);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                for (int i = offset; i < responses.size(); i += 4) {
                    meters.record(responses.get(i));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        byChannel(NetPromoterScore.ofDefaults(), responses).forEach((channel, result) ->
                assertGauges(registry, NetPromoterScore.ofDefaults(), channel, "all", result));
    }

    @Test
    void theBuilderRefusesBadValuesAtOnce() {
        FeedbackMeters.Builder builder = FeedbackMeters.custom();
        assertThatThrownBy(() -> builder.maxGroups(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("maxGroups: 0 is outside 1..1000");
        assertThatThrownBy(() -> builder.window(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("window: PT0S is not a positive");
        assertThatThrownBy(() -> builder.metrics(List.of(RatingScore.csat(), RatingScore.ofDefaults(FeedbackScale.CSAT))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("metrics: two count the same scale");
        assertThatThrownBy(() -> builder.metrics(List.of())).isInstanceOf(IllegalArgumentException.class);
        FeedbackMeters built = builder.build();
        assertThat(built.maxGroups()).isEqualTo(50);
        assertThat(built.window()).isEmpty();
        assertThat(built.metrics()).hasSize(3);
        assertThat(built.groupBy()).isEqualTo(GroupKeys.channel());
        assertThatThrownBy(() -> built.result(RatingScore.custom(FeedbackScale.custom("x", 1, 3)).build(), "web"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertGauges(MeterRegistry registry, FeedbackMetric<?> metric, String group, String window,
            FeedbackResult expected) {
        Tags tags = Tags.of("metric", metric.scale().name(), "key", "channel", "group", group, "window", window);
        String where = tags.toString();
        assertThat(registry.get(FeedbackMeters.SCORE).tags(tags).gauge().value()).as(where)
                .isEqualTo(expected.score().orElse(Double.NaN));
        assertThat(registry.get(FeedbackMeters.RESPONSES).tags(tags).gauge().value()).as(where)
                .isEqualTo(expected.n());
        assertThat(registry.get(FeedbackMeters.LOWER).tags(tags).gauge().value()).as(where)
                .isEqualTo(expected.interval().map(i -> i.lower()).orElse(Double.NaN));
        assertThat(registry.get(FeedbackMeters.UPPER).tags(tags).gauge().value()).as(where)
                .isEqualTo(expected.interval().map(i -> i.upper()).orElse(Double.NaN));
    }

    private static Map<String, ? extends FeedbackResult> byChannel(FeedbackMetric<?> metric,
            List<FeedbackResponse> responses) {
        return responses.stream().filter(r -> r.scale().equals(metric.scale()))
                .collect(Collectors.groupingBy(GroupKeys.channel()::groupOf, metric.collector()));
    }

    private static List<FeedbackResponse> responses(long seed, int count, int channels) {
        Random random = new Random(seed);
        List<FeedbackResponse> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FeedbackScale scale = List.of(FeedbackScale.NPS, FeedbackScale.CSAT, FeedbackScale.CES).get(random.nextInt(3));
            responses.add(response(scale, scale.min() + random.nextInt(scale.points()),
                    Channel.values()[random.nextInt(channels)]));
        }
        return responses;
    }

    private static FeedbackResponse nps(int score, Channel channel) {
        return response(FeedbackScale.NPS, score, channel);
    }

    private static FeedbackResponse response(FeedbackScale scale, int score, Channel channel) {
        return FeedbackResponse.builder(CustomerId.of("c"), NOW, "s", scale, score)
                .touchpoint(Touchpoint.of("tp", "Touchpoint", channel)).build();
    }
}
