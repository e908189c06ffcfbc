package dev.cxm.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Interaction;
import dev.cxm.journey.funnel.Funnel;
import dev.cxm.journey.funnel.FunnelStep;
import dev.cxm.journey.track.CustomerJourney;
import dev.cxm.journey.track.StageChange;
import dev.cxm.journey.track.StageVisit;
import dev.cxm.kafka.internal.EventBuffer;

/**
 * The journey side's states and records in their serdes: frozen format-1 files in the test resources (written by
 * hand, or once from a known value) must keep reading, and {@link FunnelStepCounts} adds up as the funnel counts.
 */
class JourneyStatesTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = JourneyStatesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void formatOneOfEveryStateStillReads() throws IOException {
        FunnelStepCounts counts = CxmSerdes.states(FunnelStepCounts.class).deserializer()
                .deserialize("t", resource("funnel-step-counts-v1.json"));
        assertThat(counts).isEqualTo(new FunnelStepCounts(12, 57, List.of(20L, 9L, 4L), List.of(10L, 6L, 3L),
                Map.of("email", List.of(2L, 1L, 0L), "web", List.of(8L, 5L, 3L))));

        CustomerJourney journey = CxmSerdes.states(CustomerJourney.class).deserializer()
                .deserialize("t", resource("journey-v1.json"));
        assertThat(journey.customer()).isEqualTo(CustomerId.of("ann"));
        assertThat(journey.history()).containsExactly(
                new StageVisit("awareness", Instant.parse("2026-03-02T10:00:00Z")),
                new StageVisit("consideration", Instant.parse("2026-03-02T10:30:00Z")),
                new StageVisit("purchase", Instant.parse("2026-03-02T11:00:00Z")));

        assertThat(CxmSerdes.stageChanges().deserializer().deserialize("t", resource("stage-change-v1.json")))
                .isEqualTo(new StageChange(CustomerId.of("ann"), Optional.of("service"), "purchase",
                        Instant.parse("2026-03-02T11:00:00Z"), true));

        EventBuffer buffer = CxmSerdes.states(EventBuffer.class).deserializer()
                .deserialize("t", resource("event-buffer-v1.json"));
        assertThat(buffer.events()).hasSize(2);
        assertThat(buffer.events().get(1).occurredAt()).isEqualTo(Instant.parse("2026-03-02T10:05:00.123456Z"));
        assertThat(((Interaction) buffer.events().get(1)).touchpoint().channel()).isEqualTo(Channel.MOBILE_APP);
        assertThat(buffer.events().get(1).attributes()).containsExactly(Map.entry("utm", "mail"));
    }

    @Test
    void aNewerFormatIsRefusedNamingItsVersion() {
        Serde<FunnelStepCounts> serde = CxmSerdes.states(FunnelStepCounts.class);
        byte[] newer = ("{\"formatVersion\":2,\"customers\":0,\"events\":0,\"matchedEvents\":[0],\"reached\":[0],"
                + "\"groups\":{}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", newer))
                .isInstanceOf(SerializationException.class).hasMessageContaining("2");
    }

    @Test
    void countsAddUpAndRefuseWhatNoFunnelCounts() {
        // Oracle: sums by hand; a funnel's counts never grow along its steps.
        FunnelStepCounts a = new FunnelStepCounts(3, 10, List.of(3L, 2L), List.of(3L, 1L), Map.of("web", List.of(3L,
                1L)));
        FunnelStepCounts b = new FunnelStepCounts(2, 5, List.of(1L, 1L), List.of(1L, 1L), Map.of("email", List.of(1L,
                1L), "web", List.of(0L, 0L)));

        FunnelStepCounts sum = a.plus(b);

        assertThat(sum).isEqualTo(new FunnelStepCounts(5, 15, List.of(4L, 3L), List.of(4L, 2L),
                Map.of("email", List.of(1L, 1L), "web", List.of(3L, 1L))));
        assertThat(sum.reached(2)).isEqualTo(2);
        assertThat(sum.conversionFromStart(2)).hasValue(0.5);
        assertThat(new FunnelStepCounts(0, 0, List.of(0L), List.of(0L), Map.of()).conversionFromStart(1)).isEmpty();
        assertThat(FunnelStepCounts.of(Funnel.ofDefaults(List.of(FunnelStep.touchpoint("a"), FunnelStep.touchpoint("b")))
                .accumulator().state())).isEqualTo(new FunnelStepCounts(0, 0, List.of(0L, 0L), List.of(0L, 0L),
                        Map.of()));
        assertThatThrownBy(() -> new FunnelStepCounts(1, 1, List.of(1L, 1L), List.of(1L, 2L), Map.of()))
                .hasMessage("reached: step 2 counts 2; counts are 0 or more and never grow along a funnel");
        assertThatThrownBy(() -> a.plus(new FunnelStepCounts(0, 0, List.of(0L), List.of(0L), Map.of())))
                .hasMessageStartingWith("other: counts 1 steps");
        assertThatThrownBy(() -> sum.reached(3)).hasMessage("step: 3 is outside 1..2");
    }
}
