package dev.cxm.engage.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.engage.EngageLogs;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.CustomerProfiles;
import dev.cxm.engage.profile.ProfileBuilder;

/**
 * Sizes and overlaps equal a brute-force count (every pair of segments tested on every profile with the
 * plain-Java twins), on random profiles; with more than 64 segments too (the path without membership masks).
 */
class SegmentReportTest {

    @Test
    void sizesAndOverlapsEqualABruteForceCount() {
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<CustomerEvent> events = EngageLogs.random(random, 30, 10, true);
            CustomerProfiles profiles = CustomerProfiles.custom(ProfileBuilder.custom().journey(EngageLogs.MAP).build())
                    .anyOrder().build();
            events.forEach(profiles::record);
            Instant now = EngageLogs.minute(random.nextInt(500));
            List<Segment> segments = new ArrayList<>(SegmentFixtures.segments());
            if (random.nextBoolean()) {
                List<Segment> many = new ArrayList<>();
                for (int copy = 0; copy < 10; copy++) {
                    for (Segment segment : segments) {
                        many.add(Segment.of(segment.name() + "-" + copy, segment.condition()));
                    }
                }
                segments = many;
            }
            SegmentReport report = SegmentReport.of(segments, profiles.all(), now);
            assertThat(report.profiles()).isEqualTo(profiles.size());
            int pair = 0;
            for (int i = 0; i < segments.size(); i++) {
                assertThat(report.sizes().get(segments.get(i).name())).isEqualTo(count(segments.get(i), null,
                        profiles.all(), now));
                for (int j = i + 1; j < segments.size(); j++) {
                    SegmentOverlap overlap = report.overlaps().get(pair++);
                    assertThat(overlap.first()).isEqualTo(segments.get(i).name());
                    assertThat(overlap.second()).isEqualTo(segments.get(j).name());
                    assertThat(overlap.customers()).isEqualTo(count(segments.get(i), segments.get(j), profiles.all(),
                            now));
                }
            }
        });
    }

    private static long count(Segment a, Segment b, List<CustomerProfile> profiles, Instant now) {
        return profiles.stream().filter(p -> twin(a).test(p, now) && (b == null || twin(b).test(p, now))).count();
    }

    private static java.util.function.BiPredicate<CustomerProfile, Instant> twin(Segment segment) {
        String base = segment.name().replaceAll("-[0-9]$", "");
        return SegmentFixtures.SEGMENTS.entrySet().stream().filter(e -> e.getKey().name().equals(base)
                || e.getKey().name().equals(segment.name())).findFirst().orElseThrow().getValue();
    }
}
