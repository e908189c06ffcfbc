package dev.cxm.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Purchase;
import dev.cxm.examples.simulate.WorldSimulator;
import dev.cxm.metrics.feedback.GroupResult;
import dev.cxm.metrics.feedback.NpsResult;

/**
 * The metrics of the parallel streams equal counts made here one event at a time: NPS per channel as 100 x
 * (promoters - detractors) / n, CSAT as the share of 4 and 5 in percent, and the RFM summary's customers and
 * repeat purchases as the distinct buyers and the purchases beyond each one's first.
 */
class ParallelMetricsTest {

    @Test
    void parallelStreamsGiveTheCountsOfOneEventAtATime(@TempDir Path dir) throws Exception {
        var world = WorldSimulator.custom().customers(2_000).seed(4).build().writeTo(dir);
        List<CustomerEvent> events = ExampleData.eventsInTimeOrder(world);
        ParallelMetrics.Metrics metrics = ParallelMetrics.compute(events, Instant.parse("2026-07-01T00:00:00Z"));

        TreeMap<String, long[]> nps = new TreeMap<>();
        long csatGood = 0;
        long csatN = 0;
        long purchases = 0;
        Set<String> buyers = new HashSet<>();
        for (CustomerEvent event : events) {
            if (event instanceof FeedbackResponse response && response.scale().equals(FeedbackScale.NPS)) {
                String channel = response.touchpoint().map(t -> t.channel().name().toLowerCase(java.util.Locale.ROOT))
                        .orElse("(none)");
                long[] counts = nps.computeIfAbsent(channel, c -> new long[3]);
                counts[0]++;
                counts[1] += response.score() >= 9 ? 1 : 0;
                counts[2] += response.score() <= 6 ? 1 : 0;
            } else if (event instanceof FeedbackResponse response && response.scale().equals(FeedbackScale.CSAT)) {
                csatN++;
                csatGood += response.score() >= 4 ? 1 : 0;
            } else if (event instanceof Purchase purchase) {
                purchases++;
                buyers.add(purchase.customerId().value());
            }
        }
        assertThat(metrics.npsByChannel().groups()).hasSize(nps.size());
        for (GroupResult<NpsResult> group : metrics.npsByChannel().groups()) {
            long[] counts = nps.get(group.group());
            assertThat(group.result().n()).isEqualTo(counts[0]);
            assertThat(group.result().score().getAsDouble())
                    .isCloseTo(100.0 * (counts[1] - counts[2]) / counts[0], within(1e-9));
        }
        assertThat(metrics.csat().n()).isEqualTo(csatN);
        assertThat(metrics.csat().score().getAsDouble()).isCloseTo(100.0 * csatGood / csatN, within(1e-9));
        assertThat(metrics.rfm().customers()).hasSize(buyers.size());
        assertThat(metrics.rfm().customers().stream().mapToLong(c -> c.frequency()).sum())
                .isEqualTo(purchases - buyers.size());
    }

    @Test
    void mainPrintsTheScores() throws Exception {
        String printed = Printed.by(() -> ParallelMetrics.main(new String[0]));
        assertThat(printed).startsWith("NPS +").contains("  phone ", "  web ").containsPattern(
                "CSAT \\d+\\.\\d% good \\(n = \\d+\\); \\d+ buying customers");
    }
}
