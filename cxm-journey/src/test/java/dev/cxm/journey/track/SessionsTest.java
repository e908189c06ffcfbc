package dev.cxm.journey.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.journey.JourneyLogs;

/**
 * Sessions against a brute-force split: by gap, every pair of consecutive events is cut exactly where the
 * pause is longer than the gap; by attribute, events are grouped by their value, those without one cut by the
 * gap; sessions ordered by their first event.
 */
class SessionsTest {

    @Test
    void theGapSplitCutsExactlyWhereAPauseIsLongerThanTheGap() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Duration gap = Duration.ofMinutes(1 + random.nextInt(20));
            for (CustomerTimeline timeline : JourneyLogs.timelines(JourneyLogs.random(random, 3, 10,
                    List.of("a", "b"), 120))) {
                List<Session> sessions = Sessions.custom().inactivityGap(gap).build().split(timeline);
                List<List<CustomerEvent>> expected = new ArrayList<>();
                List<CustomerEvent> events = timeline.events();
                for (int i = 0; i < events.size(); i++) {
                    boolean cut = i == 0 || Duration.between(events.get(i - 1).occurredAt(), events.get(i).occurredAt())
                            .compareTo(gap) > 0;
                    if (cut) {
                        expected.add(new ArrayList<>());
                    }
                    expected.get(expected.size() - 1).add(events.get(i));
                }
                assertThat(sessions).extracting(Session::events).isEqualTo(expected);
                for (int s = 0; s < sessions.size(); s++) {
                    assertThat(sessions.get(s).number()).isEqualTo(s + 1);
                }
            }
        });
    }

    @Test
    void theAttributeSplitGroupsByValueAndCutsTheRestByTheGap() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            for (CustomerTimeline timeline : JourneyLogs.timelines(JourneyLogs.random(random, 3, 10,
                    List.of("a", "b"), 120))) {
                List<Session> sessions = Sessions.custom().sessionAttribute("src").build().split(timeline);
                Map<Object, List<CustomerEvent>> byKey = new LinkedHashMap<>();
                CustomerEvent lastWithout = null;
                Object withoutKey = null;
                int cuts = 0;
                for (CustomerEvent event : timeline.events()) {
                    String value = event.attributes().get("src");
                    Object key;
                    if (value != null) {
                        key = "v:" + value;
                    } else {
                        if (lastWithout == null || Duration.between(lastWithout.occurredAt(), event.occurredAt())
                                .compareTo(Duration.ofMinutes(30)) > 0) {
                            withoutKey = "gap:" + (cuts++);
                        }
                        lastWithout = event;
                        key = withoutKey;
                    }
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
                }
                assertThat(sessions).extracting(Session::events).containsExactlyElementsOf(byKey.values());
            }
        });
    }

    @Test
    void defaultsAndRefusals() {
        assertThat(Sessions.ofDefaults().inactivityGap()).isEqualTo(Duration.ofMinutes(30));
        assertThat(Sessions.from(Sessions.ofDefaults()).build()).isEqualTo(Sessions.ofDefaults());
        assertThatThrownBy(() -> Sessions.custom().inactivityGap(Duration.ZERO))
                .hasMessage("inactivityGap: PT0S is not positive; a session's inactivity gap is more than zero");
        Session one = Sessions.ofDefaults().split(JourneyLogs.timelines(List.of(JourneyLogs.at("1", "c", "a", 0),
                JourneyLogs.at("2", "c", "a", 20))).get(0)).get(0);
        assertThat(one.duration()).isEqualTo(Duration.ofMinutes(20));
    }
}
