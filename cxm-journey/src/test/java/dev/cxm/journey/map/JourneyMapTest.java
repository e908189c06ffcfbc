package dev.cxm.journey.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.model.TouchpointId;
import dev.cxm.core.model.EventId;

/**
 * Journey maps: built, validated (each rule refused with its field named; the rules are the oracle), placed
 * events by the documented precedence, and read back equal from their JSON.
 */
class JourneyMapTest {

    /** The map of the module README: five stages, a loop from loyalty back to purchase. */
    static JourneyMap retail() {
        return JourneyMap.builder()
                .stage(Stage.named("awareness").touchpoints("ad", "blog").expectedTime(Duration.ofDays(14)).build())
                .stage(Stage.named("consideration").touchpoints("product", "compare").build())
                .stage(Stage.named("purchase").touchpoints("cart").momentsOfTruth("checkout")
                        .eventTypes(EventType.PURCHASE).expectedTime(Duration.ofDays(1)).build())
                .stage(Stage.named("service").touchpoints("hotline", "chat").expectedTime(Duration.ofDays(3)).build())
                .stage(Stage.named("loyalty").touchpoints("newsletter").finalStage().build())
                .transition("awareness", "consideration").transition("consideration", "purchase")
                .transition("purchase", "service").transition("purchase", "loyalty")
                .transition("service", "loyalty").transition("loyalty", "purchase")
                .build();
    }

    private static Interaction at(String touchpoint, Optional<String> hint) {
        Touchpoint t = new Touchpoint(TouchpointId.of(touchpoint), touchpoint, Channel.WEB, hint);
        return Interaction.builder(CustomerId.of("c"), Instant.parse("2026-01-01T00:00:00Z"), t).build();
    }

    @Test
    void placesAnEventByTouchpointThenTheHostsHintThenItsType() {
        JourneyMap map = retail();
        assertThat(map.stageOf(at("checkout", Optional.of("service")))).contains("purchase");
        assertThat(map.stageOf(at("faq", Optional.of("service")))).contains("service");
        assertThat(map.stageOf(at("faq", Optional.of("no-such-stage")))).isEmpty();
        assertThat(map.stageOf(at("faq", Optional.empty()))).isEmpty();
        Purchase order = new Purchase(EventId.of("p"), CustomerId.of("c"), Instant.parse("2026-01-01T00:00:00Z"), "o1",
                Money.of("10.00", "EUR"), 1, Optional.empty(), Map.of());
        assertThat(map.stageOf(order)).contains("purchase");
        assertThat(map.allows("loyalty", "purchase")).isTrue();
        assertThat(map.allows("purchase", "awareness")).isFalse();
        assertThat(map.positionOf("service")).isEqualTo(3);
        assertThat(map.stage("purchase").orElseThrow().momentsOfTruth()).containsExactly(TouchpointId.of("checkout"));
    }

    @Test
    void withoutTransitionsEachStageLeadsToTheNextAndTheLastIsFinal() {
        JourneyMap linear = JourneyMap.builder().stage(Stage.named("a").touchpoints("x").build())
                .stage(Stage.named("b").touchpoints("y").build()).stage(Stage.named("c").touchpoints("z").build())
                .build();
        assertThat(linear.transitions()).containsExactly(Transition.of("a", "b"), Transition.of("b", "c"));
        assertThat(linear.stage("c").orElseThrow().finalStage()).isTrue();
        assertThat(linear.stage("a").orElseThrow().finalStage()).isFalse();
    }

    @Test
    void eachBrokenRuleIsRefusedNamingTheField() {
        assertThatThrownBy(() -> JourneyMap.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stages: the map has none; a journey map has at least one stage");
        assertThatThrownBy(() -> JourneyMap.builder().stage(Stage.named("a").touchpoints("x").build())
                .stage(Stage.named("b").touchpoints("x").build()).build())
                .hasMessage("touchpoints: x is in stages a and b; a touchpoint belongs to one stage");
        assertThatThrownBy(() -> JourneyMap.builder().stage(Stage.named("a").build()).stage(Stage.named("b").build())
                .stage(Stage.named("c").finalStage().build()).transition("a", "c").transition("b", "c").build())
                .hasMessage("transitions: stage b cannot be reached from the first stage, a; every stage must be"
                        + " reachable");
        assertThatThrownBy(() -> JourneyMap.builder().stage(Stage.named("a").build()).stage(Stage.named("b").build())
                .stage(Stage.named("c").finalStage().build()).transition("a", "b").transition("a", "c").build())
                .hasMessage("transitions: stage b is not final and has no transition out; a journey could not go on"
                        + " from it (add a transition or mark it final)");
        assertThatThrownBy(() -> JourneyMap.builder().stage(Stage.named("a").build()).transition("a", "z").build())
                .hasMessageStartingWith("transitions: z is not a stage of the map; stages are a");
        assertThatThrownBy(() -> JourneyMap.builder().stage(Stage.named("a").eventTypes(EventType.PURCHASE).build())
                .stage(Stage.named("b").eventTypes(EventType.PURCHASE).build()).build())
                .hasMessage("eventTypes: purchase is in stages a and b; an event type belongs to one stage");
        assertThatThrownBy(() -> JourneyMap.builder().stage(Stage.named("a").build()).stage(Stage.named("a").build()))
                .hasMessage("stages: a is named twice; stage names are unique");
        assertThatThrownBy(() -> Stage.named("a").expectedTime(Duration.ZERO))
                .hasMessage("expectedTime: PT0S is not positive; an expected time in a stage is more than zero");
        assertThatThrownBy(() -> Transition.of("a", "a")).hasMessageStartingWith("transition: from a to itself");
    }

    @Test
    void jsonRoundTripsAndNamesWhatIsWrong() {
        JourneyMap map = retail();
        String json = map.toJson();
        assertThat(json).contains("\"eventTypes\" : [ \"purchase\" ]").contains("\"expectedTime\" : \"PT24H\"")
                .contains("\"final\" : true");
        assertThat(JourneyMap.fromJson(json)).isEqualTo(map).hasSameHashCodeAs(map);
        assertThat(JourneyMap.fromJson(new java.io.StringReader(json))).isEqualTo(map);
        // The builder's defaults apply to JSON too: no transitions, a linear journey; no final stage, the last.
        JourneyMap minimal = JourneyMap.fromJson("{\"stages\":[{\"name\":\"a\",\"touchpoints\":[\"x\"]},"
                + "{\"name\":\"b\",\"touchpoints\":[\"y\"]}]}");
        assertThat(minimal.allows("a", "b")).isTrue();
        assertThat(minimal.stage("b").orElseThrow().finalStage()).isTrue();
        assertThatThrownBy(() -> JourneyMap.fromJson("{\"stages\":[{\"name\":\"a\",\"touchpoints\":[\"x\"]},"
                + "{\"name\":\"b\",\"touchpoints\":[\"x\"]}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("touchpoints: x is in stages a and b; a touchpoint belongs to one stage");
        assertThatThrownBy(() -> JourneyMap.fromJson("{\"stages\": [\n  {\"name\": \"a\",}\n]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at line 2");
        assertThatThrownBy(() -> JourneyMap.fromJson("{\"stages\":[{\"name\":\"a\",\"colour\":\"red\"}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("journey map: not a valid map");
    }
}
