package dev.cxm.engage.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;

/**
 * Every condition kind survives a JSON round trip; definitions that name an unknown field, use a field of one
 * kind as another, or are malformed are refused naming their path (the expected texts are the documented rules).
 */
class SegmentJsonTest {

    @Test
    void everyConditionKindRoundTrips() {
        List<Segment> segments = List.of(
                Segment.of("all-kinds", Condition.allOf(
                        Condition.number(NumberField.PURCHASE_COUNT, Comparison.AT_LEAST, 3),
                        Condition.category(CategoryField.NPS_CATEGORY, "detractor", "passive"),
                        Condition.since(TimeField.LAST_SEEN, Comparison.GREATER, Duration.ofDays(90)),
                        Condition.stage("purchase"),
                        Condition.channelUsed(Channel.MOBILE_APP),
                        Condition.attribute("tier", "gold"),
                        Condition.consent("marketing-email"))),
                Segment.of("either", Condition.anyOf(Condition.not(Condition.stage("service")),
                        Condition.number(NumberField.VALUE_AT_RISK, Comparison.NOT_EQUAL, 0.5))));
        String json = SegmentJson.write(segments);
        assertThat(SegmentJson.read(json)).isEqualTo(segments);
        assertThat(SegmentFixtures.segments()).isEqualTo(SegmentJson.read(SegmentJson.write(SegmentFixtures.segments())));
    }

    @Test
    void readsTheDocumentedExample() {
        List<Segment> read = SegmentJson.read("""
                {"segments": [
                  {"name": "loyal-detractors", "condition": {"allOf": [
                    {"category": "npsCategory", "in": ["detractor"]},
                    {"number": "purchaseCount", "op": ">=", "value": 3},
                    {"consent": "service-call"}]}},
                  {"name": "dormant", "condition": {"since": "lastSeen", "op": ">", "duration": "P90D"}}]}
                """);
        assertThat(read).containsExactly(
                Segment.of("loyal-detractors", Condition.allOf(Condition.category(CategoryField.NPS_CATEGORY,
                        "detractor"), Condition.number(NumberField.PURCHASE_COUNT, Comparison.AT_LEAST, 3),
                        Condition.consent("service-call"))),
                Segment.of("dormant", Condition.since(TimeField.LAST_SEEN, Comparison.GREATER, Duration.ofDays(90))));
    }

    @Test
    void refusesAnUnknownFieldNamingThePathWithoutRepeatingIt() {
        assertThatThrownBy(() -> SegmentJson.read("""
                {"segments": [{"name": "a", "condition": {"allOf": [{"stage": "x"},
                  {"number": "purchaseCnt", "op": ">", "value": 1}]}}]}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("segments[0].condition.allOf[1].number: is not a profile field; number fields are"
                        + " eventCount, purchaseCount, channelCount, latestNps, latestCsat, latestCes, meanSentiment,"
                        + " probabilityAlive, expectedPurchases, lifetimeValue, valueAtRisk");
    }

    @Test
    void refusesAFieldOfTheWrongKindAndAValueOfTheWrongKind() {
        assertThatThrownBy(() -> SegmentJson.read("""
                {"segments": [{"name": "a", "condition": {"number": "npsCategory", "op": ">", "value": 1}}]}"""))
                .hasMessage("segments[0].condition.number: npsCategory is a category field, not a number field;"
                        + " number fields are eventCount, purchaseCount, channelCount, latestNps, latestCsat, latestCes,"
                        + " meanSentiment, probabilityAlive, expectedPurchases, lifetimeValue, valueAtRisk");
        assertThatThrownBy(() -> SegmentJson.read("""
                {"segments": [{"name": "a", "condition": {"number": "latestNps", "op": ">", "value": "six"}}]}"""))
                .hasMessage("segments[0].condition.value: must be a number");
        assertThatThrownBy(() -> SegmentJson.read("""
                {"segments": [{"name": "a", "condition": {"since": "lastSeen", "op": ">", "duration": "90 days"}}]}"""))
                .hasMessage("segments[0].condition.duration: must be an ISO-8601 duration such as P30D or PT12H");
    }

    @Test
    void refusesMalformedDefinitions() {
        assertThatThrownBy(() -> SegmentJson.read("{\"segments\": [{\"name\": \"a\", \"condition\": {}}]}"))
                .hasMessageStartingWith("segments[0].condition: must have exactly one of the keys allOf, anyOf,");
        assertThatThrownBy(() -> SegmentJson.read("""
                {"segments": [{"name": "a", "condition": {"stage": "x", "consent": "y"}}]}"""))
                .hasMessageStartingWith("segments[0].condition: must have exactly one of the keys");
        assertThatThrownBy(() -> SegmentJson.read("""
                {"segments": [{"name": "a", "condition": {"stage": "x", "eval": "rm -rf"}}]}"""))
                .hasMessage("segments[0].condition: has a key that is not one of stage");
        assertThatThrownBy(() -> SegmentJson.read("""
                {"segments": [{"name": "a", "condition": {"stage": "x"}}, {"name": "a", "condition": {"stage": "y"}}]}"""))
                .hasMessage("segments[1].name: names segment 1 like an earlier one; names are unique");
        assertThatThrownBy(() -> SegmentJson.read("""
                {"segments": [{"name": "a", "condition": {"number": "eventCount", "op": "=>", "value": 1}}]}"""))
                .hasMessage("segments[0].condition.op: is not a comparison; expected one of < <= > >= == !=");
        assertThatThrownBy(() -> SegmentJson.read("{\"segments\": [}"))
                .hasMessageStartingWith("segments: is not valid JSON at line 1, column");
        assertThatThrownBy(() -> SegmentJson.read("""
                {"segments": [{"name": "a", "condition": {"channelUsed": "pigeon"}}]}"""))
                .hasMessageStartingWith("segments[0].condition.channelUsed: is not a channel; expected one of phone,");
    }
}
