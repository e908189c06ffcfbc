package dev.cxm.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;

/**
 * The built-in group keys read the parsed event's fields; expected values are the fields set below. Names:
 * {@link GroupKeys#builtInNames()} lists the built-in keys' names in the order of their factories, and each
 * key's {@code name()} is its column heading (the key's Javadoc).
 */
class GroupKeysTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Touchpoint CHECKOUT = Touchpoint.of("checkout", "Checkout page", Channel.MOBILE_APP)
            .inStage("purchase");
    private static final FeedbackResponse RESPONSE = FeedbackResponse
            .builder(CustomerId.of("c1"), AT, "post-purchase", FeedbackScale.NPS, 9).touchpoint(CHECKOUT)
            .attribute("plan", "gold").build();
    private static final Interaction CALL = Interaction
            .builder(CustomerId.of("c1"), AT, Touchpoint.of("hotline", "Hotline", Channel.PHONE)).outcome("resolved")
            .build();

    @Test
    void builtInKeysReadTheEventsFields() {
        assertThat(GroupKeys.channel().valueOf(RESPONSE)).contains("mobile_app");
        assertThat(GroupKeys.touchpoint().valueOf(RESPONSE)).contains("checkout");
        assertThat(GroupKeys.touchpointName().valueOf(RESPONSE)).contains("Checkout page");
        assertThat(GroupKeys.stage().valueOf(RESPONSE)).contains("purchase");
        assertThat(GroupKeys.survey().valueOf(RESPONSE)).contains("post-purchase");
        assertThat(GroupKeys.eventType().valueOf(RESPONSE)).contains("feedback");
        assertThat(GroupKeys.attribute("plan").valueOf(RESPONSE)).contains("gold");
        assertThat(GroupKeys.outcome().valueOf(CALL)).contains("resolved");
    }

    @Test
    void aKeyWithoutValueGroupsAsNone() {
        assertThat(GroupKeys.survey().valueOf(CALL)).isEmpty();
        assertThat(GroupKeys.outcome().groupOf(RESPONSE)).isEqualTo("(none)");
        assertThat(GroupKeys.stage().valueOf(CALL)).isEmpty();
        assertThat(GroupKeys.attribute("plan").groupOf(CALL)).isEqualTo(GroupKeys.NO_VALUE);
        Purchase purchase = Purchase.builder(CustomerId.of("c2"), AT, Money.of("10.00", "EUR")).build();
        assertThat(GroupKeys.channel().valueOf(purchase)).isEmpty();
    }

    @Test
    void builtInKeysAreValuesAndNamesParse() {
        assertThat(GroupKeys.channel()).isEqualTo(GroupKeys.channel()).hasSameHashCodeAs(GroupKeys.channel());
        assertThat(GroupKeys.attribute("plan")).isEqualTo(GroupKeys.attribute("plan"))
                .isNotEqualTo(GroupKeys.attribute("tier"));
        assertThat(GroupKeys.builtIn("Survey_ID")).contains(GroupKeys.survey());
        assertThat(GroupKeys.builtIn("touchpoint_id")).contains(GroupKeys.touchpoint());
        assertThat(GroupKeys.builtIn("plan")).isEmpty();
        assertThat(GroupKeys.named("plan")).isEqualTo(GroupKeys.attribute("plan"));
        assertThat(GroupKeys.named("plan").name()).isEqualTo("attribute:plan");
        assertThat(GroupKeys.builtInNames())
                .isEqualTo("channel, touchpoint, touchpoint_name, stage, survey, outcome, event_type");
    }

    @Test
    void hostKeysComputeTheirOwnGroup() {
        GroupKey hour = GroupKey.of("hour", event -> Optional.of(String.valueOf(event.occurredAt().atZone(
                java.time.ZoneOffset.UTC).getHour())));
        assertThat(hour.groupOf(CALL)).isEqualTo("10");
        assertThat(hour.name()).isEqualTo("hour");
        assertThatThrownBy(() -> GroupKey.of(" ", event -> Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> GroupKeys.attribute(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("attribute:");
        assertThat(Map.of("k", GroupKeys.channel())).containsValue(GroupKeys.channel());
    }

    @Test
    void eachBuiltInKeyIsNamedAsItsColumnHeadingAndAHostKeyPrintsItsName() {
        List<GroupKey> keys = List.of(GroupKeys.channel(), GroupKeys.touchpoint(), GroupKeys.touchpointName(),
                GroupKeys.stage(), GroupKeys.survey(), GroupKeys.outcome(), GroupKeys.eventType());

        assertThat(keys).extracting(GroupKey::name)
                .containsExactly("channel", "touchpoint", "touchpoint_name", "stage", "survey", "outcome", "event_type");
        assertThat(String.join(", ", keys.stream().map(GroupKey::name).toList())).isEqualTo(GroupKeys.builtInNames());
        for (GroupKey key : keys) {
            assertThat(GroupKeys.named(key.name())).isEqualTo(key);
        }
        assertThat(GroupKey.of("hour", event -> Optional.empty())).hasToString("GroupKey[hour]");
        assertThat(GroupKey.of("weekday", event -> Optional.empty())).hasToString("GroupKey[weekday]");
    }
}
