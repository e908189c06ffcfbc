package dev.cxm.engage.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.engage.EngageLogs;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.CustomerProfiles;
import dev.cxm.engage.profile.ProfileBuilder;
import dev.cxm.test.time.MutableClock;
import dev.cxm.metrics.text.VaderSentiment;

/**
 * After every event of a generated stream (in random order, with customer records), the live membership equals
 * a brute-force filter of all profiles by the plain-Java twins of the segments ({@link SegmentFixtures}); and the
 * entries and exits the listener heard, replayed, give the same membership.
 */
class SegmentMembershipTest {

    @Test
    void membershipEqualsABruteForceFilterAfterEveryEvent() {
        qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<CustomerEvent> events = new ArrayList<>(EngageLogs.random(random, 5, 12, true));
            Collections.shuffle(events, random);
            MutableClock clock = new MutableClock(EngageLogs.minute(0));
            CustomerProfiles profiles = CustomerProfiles.custom(ProfileBuilder.custom()
                    .sentiment(VaderSentiment.ofDefaults()).journey(EngageLogs.MAP).build()).anyOrder().clock(clock)
                    .build();
            SegmentMembership membership = SegmentMembership.of(SegmentFixtures.segments(), clock);
            Map<CustomerId, Set<String>> heard = new HashMap<>();
            membership.addListener(change -> {
                Set<String> in = heard.computeIfAbsent(change.customer(), c -> new HashSet<>());
                assertThat(change.entered() ? in.add(change.segment()) : in.remove(change.segment()))
                        .as("an entry is heard only when out, an exit only when in").isTrue();
            });
            profiles.addListener(membership);
            for (int c = 0; c < 5; c++) {
                if (random.nextBoolean()) {
                    profiles.put(EngageLogs.record(random, "c" + c));
                }
            }
            for (CustomerEvent event : events) {
                clock.set(EngageLogs.minute(random.nextInt(500)));
                profiles.record(event);
                // other customers' time conditions move with the clock only on refresh
                membership.refresh(profiles.all(), clock.instant());
                check(profiles, membership, heard, clock.instant());
            }
        });
    }

    private static void check(CustomerProfiles profiles, SegmentMembership membership,
            Map<CustomerId, Set<String>> heard, Instant now) {
        for (CustomerProfile profile : profiles.all()) {
            Set<String> expected = new HashSet<>();
            SegmentFixtures.SEGMENTS.forEach((segment, twin) -> {
                if (twin.test(profile, now)) {
                    expected.add(segment.name());
                }
            });
            assertThat(membership.segmentsOf(profile.customerId())).isEqualTo(expected);
            assertThat(heard.getOrDefault(profile.customerId(), Set.of())).isEqualTo(expected);
        }
        for (Segment segment : SegmentFixtures.segments()) {
            Set<CustomerId> expected = new HashSet<>();
            profiles.all().stream().filter(p -> SegmentFixtures.SEGMENTS.get(segment).test(p, now))
                    .forEach(p -> expected.add(p.customerId()));
            assertThat(membership.members(segment.name())).isEqualTo(expected);
        }
    }
}
