package dev.cxm.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The model's texts and the guards of its small values. Oracle: each Javadoc applied by hand: a touchpoint's
 * present stage must be non-blank; a builder's {@code attributes(map)} adds every entry; a channel that is not
 * one lists the accepted names, lower case, in declaration order; a touchpoint id prints bare; money prints as
 * {@code "19.90 EUR"} (amount padded to the minor unit, then the code); customer and touchpoint ids order as
 * their texts ({@code String.compareTo}).
 */
class ModelTextsAndGuardsTest {

    @Test
    void aPresentStageMustNotBeBlank() {
        assertThatThrownBy(() -> new Touchpoint(TouchpointId.of("t"), "T", Channel.WEB, Optional.of(" ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("touchpoint.stage");
        assertThat(new Touchpoint(TouchpointId.of("t"), "T", Channel.WEB, Optional.of("buy")).stage()).contains("buy");
    }

    @Test
    void aBuildersAttributeMapAddsEveryEntry() {
        Interaction interaction = Interaction.builder(CustomerId.of("c1"), Instant.parse("2026-01-01T00:00:00Z"),
                Touchpoint.of("t", "T", Channel.WEB)).attribute("plan", "pro")
                .attributes(Map.of("region", "north", "tier", "gold")).build();

        assertThat(interaction.attributes()).containsOnly(Map.entry("plan", "pro"), Map.entry("region", "north"),
                Map.entry("tier", "gold"));
    }

    @Test
    void anUnknownChannelListsTheAcceptedNames() {
        assertThatThrownBy(() -> Channel.parse("fax")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel: is not a channel; expected one of phone, web, mobile_app, email, sms, chat,"
                        + " social, store, other");
    }

    @Test
    void idsAndMoneyPrintAsDocumented() {
        assertThat(TouchpointId.of("hotline")).hasToString("hotline");
        assertThat(Money.of("19.9", "EUR")).hasToString("19.90 EUR");
        assertThat(Money.of("1000", "JPY")).hasToString("1000 JPY");
    }

    @Test
    void customerAndTouchpointIdsOrderAsTheirTexts() {
        // Oracle: String.compareTo of the ids' values (their Comparable contract: ordered by value).
        List<String> values = List.of("a", "b", "ab", "B", "c10", "c9", "é");
        for (String x : values) {
            for (String y : values) {
                int expected = Integer.signum(x.compareTo(y));
                assertThat(Integer.signum(CustomerId.of(x).compareTo(CustomerId.of(y)))).as("%s vs %s", x, y)
                        .isEqualTo(expected);
                assertThat(Integer.signum(TouchpointId.of(x).compareTo(TouchpointId.of(y)))).as("%s vs %s", x, y)
                        .isEqualTo(expected);
            }
        }
    }
}
