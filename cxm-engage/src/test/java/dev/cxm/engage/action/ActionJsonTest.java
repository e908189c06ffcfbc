package dev.cxm.engage.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.engage.segment.CategoryField;
import dev.cxm.engage.segment.Comparison;
import dev.cxm.engage.segment.Condition;
import dev.cxm.engage.segment.NumberField;
import dev.cxm.engage.segment.Segment;
import dev.cxm.engage.segment.TimeField;

/**
 * The documented catalogue reads into the decider built by hand; definitions naming a segment or field that does
 * not exist, and a policy that could never allow a contact, are refused naming their path.
 */
class ActionJsonTest {

    private static final Set<String> SEGMENTS = Set.of("detractors", "at-risk");
    private static final String CATALOGUE = """
            {"policy": {"maxContacts": 2, "period": "P7D", "quietHours": {"from": "21:00", "to": "08:00"},
                        "timeZoneAttribute": "timeZone", "defaultTimeZone": "Europe/Berlin", "preferChannel": true},
             "actions": [
               {"name": "follow-up-call", "kind": "call", "segments": ["detractors"], "channels": ["phone"],
                "consent": "service-call", "value": {"fixed": 50}, "cooldown": "P30D"},
               {"name": "win-back-offer", "kind": "offer", "segments": ["at-risk"], "channels": ["email", "sms"],
                "consent": "marketing-email", "value": {"profile": "valueAtRisk", "factor": 1}, "cooldown": "P14D"}]}
            """;

    @Test
    void readsTheDocumentedCatalogue() {
        NextBestAction expected = NextBestAction.custom(List.of(
                new Action("follow-up-call", ActionKind.CALL, Set.of("detractors"), List.of(Channel.PHONE),
                        "service-call", ActionValue.fixed(50), Duration.ofDays(30)),
                new Action("win-back-offer", ActionKind.OFFER, Set.of("at-risk"), List.of(Channel.EMAIL, Channel.SMS),
                        "marketing-email", ActionValue.fromProfile(NumberField.VALUE_AT_RISK, 1), Duration.ofDays(14))))
                .policy(ContactPolicy.custom().maxContacts(2).period(Duration.ofDays(7))
                        .quietHours(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)))
                        .defaultTimeZone(ZoneId.of("Europe/Berlin")).build())
                .build();
        assertThat(ActionJson.read(CATALOGUE, SEGMENTS)).isEqualTo(expected);
    }

    @Test
    void refusesASegmentThatDoesNotExist() {
        assertThatThrownBy(() -> ActionJson.read(CATALOGUE, Set.of("detractors")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("actions[1].segments[0]: names no segment; the segments are detractors");
    }

    @Test
    void refusesAnUnknownValueFieldAndAChannelThatIsNone() {
        assertThatThrownBy(() -> ActionJson.read(CATALOGUE.replace("valueAtRisk", "riskValue"), SEGMENTS))
                .hasMessageStartingWith("actions[1].value.profile: is not a number field; number fields are eventCount,");
        assertThatThrownBy(() -> ActionJson.read(CATALOGUE.replace("\"sms\"", "\"pigeon\""), SEGMENTS))
                .hasMessageStartingWith("actions[1].channels[1]: is not a channel; expected one of phone,");
        assertThatThrownBy(() -> ActionJson.read(CATALOGUE.replace("\"sms\"", "\"email\""), SEGMENTS))
                .hasMessage("actions[1].channels[1]: repeats a channel; each channel once");
    }

    @Test
    void refusesAPolicyThatCouldNeverAllowAContact() {
        assertThatThrownBy(() -> ActionJson.read(CATALOGUE.replace("\"maxContacts\": 2", "\"maxContacts\": 0"),
                SEGMENTS))
                .hasMessage("policy.maxContacts: maxContacts: 0 is below 1; the policy would never allow a contact");
        assertThatThrownBy(() -> ActionJson.read(CATALOGUE.replace("\"to\": \"08:00\"", "\"to\": \"21:00\""),
                SEGMENTS))
                .hasMessage("policy.quietHours: quietHours: start and end are both 21:00; quiet hours that never end"
                        + " would never allow a contact");
    }

    private static final String SELF_CONTAINED = """
            {"segments": [
               {"name": "detractors", "condition": {"category": "npsCategory", "in": ["detractor"]}},
               {"name": "at-risk", "condition": {"allOf": [{"number": "purchaseCount", "op": ">=", "value": 2},
                                                          {"since": "lastSeen", "op": ">", "duration": "P60D"}]}}],
             "actions": [
               {"name": "follow-up-call", "kind": "call", "segments": ["detractors"], "channels": ["phone"],
                "consent": "service-call", "value": {"fixed": 50}}]}
            """;

    @Test
    void readsASelfContainedCatalogueWithItsSegments() {
        // Oracle: the same segments and action built by hand; the policy left out is the default.
        ActionCatalogue catalogue = ActionJson.readCatalogue(SELF_CONTAINED);
        assertThat(catalogue.segments()).containsExactly(
                Segment.of("detractors", Condition.category(CategoryField.NPS_CATEGORY, "detractor")),
                Segment.of("at-risk", Condition.allOf(
                        Condition.number(NumberField.PURCHASE_COUNT, Comparison.AT_LEAST, 2),
                        Condition.since(TimeField.LAST_SEEN, Comparison.GREATER, Duration.ofDays(60)))));
        assertThat(catalogue.decider()).isEqualTo(NextBestAction.ofDefaults(List.of(new Action("follow-up-call",
                ActionKind.CALL, Set.of("detractors"), List.of(Channel.PHONE), "service-call", ActionValue.fixed(50),
                Duration.ZERO))));
    }

    @Test
    void aSelfContainedCatalogueRefusesItsDefinitionsByTheirPathInTheFile() {
        assertThatThrownBy(() -> ActionJson.readCatalogue(SELF_CONTAINED.replace(
                "{\"category\": \"npsCategory\", \"in\": [\"detractor\"]}",
                "{\"number\": \"npsCategory\", \"op\": \">\", \"value\": 1}")))
                .hasMessageStartingWith("segments[0].condition.number: npsCategory is a category field, not a number"
                        + " field");
        assertThatThrownBy(() -> ActionJson.readCatalogue(SELF_CONTAINED.replace("\"purchaseCount\", \"op\": \">=\","
                + " \"value\": 2", "\"purchaseCount\", \"op\": \">=\", \"value\": \"two\"")))
                .hasMessage("segments[1].condition.allOf[0].value: must be a number");
        assertThatThrownBy(() -> ActionJson.readCatalogue(SELF_CONTAINED.replace("[\"detractors\"], \"channels\"",
                "[\"promoters\"], \"channels\"")))
                .hasMessage("actions[0].segments[0]: names no segment; the segments are at-risk, detractors");
        assertThatThrownBy(() -> ActionJson.readCatalogue(CATALOGUE))
                .hasMessage("$.segments: must be a non-empty array");
    }
}
