package dev.cxm.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.examples.simulate.SimulatedWorld;
import dev.cxm.examples.simulate.WorldSimulator;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.track.Stall;

/**
 * The stall example nudges exactly the stays a brute force finds: walking each customer's events in time order,
 * a stay starts at the first event the map places in a new stage and lasts until the next event placed in
 * another; it is nudged when the first midnight after its expected end comes before it ends.
 */
class JourneyStallsTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private record Stay(String customer, String stage, Instant enteredAt) {}

    @Test
    void nudgesEveryStayThatOutlastsItsStageAtAMidnightCheck(@TempDir Path dir) throws Exception {
        SimulatedWorld world = WorldSimulator.custom().customers(800).seed(5).build().writeTo(dir);
        JourneyMap map;
        try (Reader json = Files.newBufferedReader(world.journeyMap())) {
            map = JourneyMap.fromJson(json);
        }
        List<CustomerEvent> events = ExampleData.eventsInTimeOrder(world);
        Instant end = START.plus(Duration.ofDays(90));
        List<Stall> stalls = JourneyStalls.replay(map, events, START, end);

        Map<String, Stay> current = new HashMap<>();
        Set<Stay> expected = new HashSet<>();
        List<CustomerEvent> replayed = new ArrayList<>(events.stream().filter(e -> e.occurredAt().isBefore(end)).toList());
        for (CustomerEvent event : replayed) {
            Optional<String> stage = map.stageOf(event);
            if (stage.isEmpty()) {
                continue;
            }
            String customer = event.customerId().value();
            Stay stay = current.get(customer);
            if (stay != null && stay.stage().equals(stage.get())) {
                continue;
            }
            if (stay != null && nudgedBefore(map, stay, event.occurredAt(), end)) {
                expected.add(stay);
            }
            current.put(customer, new Stay(customer, stage.get(), event.occurredAt()));
        }
        current.values().stream().filter(stay -> nudgedBefore(map, stay, Instant.MAX, end)).forEach(expected::add);

        Set<Stay> found = new HashSet<>();
        stalls.forEach(stall -> found.add(new Stay(stall.customer().value(), stall.stage(), stall.enteredAt())));
        assertThat(stalls).hasSameSizeAs(found);
        assertThat(found).isNotEmpty().isEqualTo(expected);
    }

    /** Whether the first midnight after the stay's expected end is at or before {@code left} and {@code end}. */
    private static boolean nudgedBefore(JourneyMap map, Stay stay, Instant left, Instant end) {
        Optional<Duration> expected = map.stage(stay.stage()).orElseThrow().expectedTime();
        if (expected.isEmpty()) {
            return false;
        }
        Instant due = stay.enteredAt().plus(expected.get());
        Instant midnight = START.plus(Duration.ofDays(Duration.between(START, due).toDays() + 1));
        return !midnight.isAfter(left) && !midnight.isAfter(end);
    }

    @Test
    void mainPrintsTheStallsPerStageAndFiveNudges() throws Exception {
        String[] lines = Printed.by(() -> JourneyStalls.main(new String[0])).split(System.lineSeparator());
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).matches("\\d+ stalls in 120 days: \\{awareness=\\d+, consideration=\\d+\\}");
        assertThat(lines[1]).matches("nudge c-\\d{7}: in (awareness|consideration) since .*, expected (7|14) days");
    }
}
