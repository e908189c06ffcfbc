package dev.cxm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cxm.core.io.RejectedRow;

/**
 * The rejections of NDJSON lines, by the rules of {@link StrictEventJson}'s Javadoc applied by hand: a rejected
 * line names the property at fault by its path of cxm's property names (down to an {@code attributes} map,
 * whose keys are input text and never named; a key that is not one of cxm's names is not named either) and says
 * why without quoting the input; a duplicate key, wherever it is, is "a duplicate key".
 */
class StrictEventJsonReasonsTest {

    private static final String DUPLICATE = "a duplicate key: the property appears twice in one object; each may appear once";
    private static final String UNKNOWN =
            "a property cxm's event JSON does not have (its name is not repeated here: it is input text)";
    private static final String FEEDBACK = "{\"type\":\"feedback\",\"eventId\":\"e\",\"customerId\":\"c\","
            + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"surveyId\":\"s\",\"scale\":{\"name\":\"nps\",\"min\":0,"
            + "\"max\":10},\"score\":9,\"touchpoint\":{\"id\":\"t\",\"name\":\"T\",\"channel\":\"WEB\"},"
            + "\"attributes\":{\"k\":\"v\"}}";
    private static final String PURCHASE = "{\"type\":\"purchase\",\"eventId\":\"p\",\"customerId\":\"c\","
            + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"orderId\":\"o\",\"amount\":{\"amount\":1.5,\"currency\":"
            + "\"EUR\"},\"itemCount\":1}";

    private static RejectedRow rejection(String line) {
        ParsedRow row = StrictEventJson.parse(3, line);
        assertThat(row).as(line).isInstanceOf(ParsedRow.Rejected.class);
        return ((ParsedRow.Rejected) row).rejection();
    }

    @Test
    void theLinesTheCasesAreMadeFromAreAccepted() {
        assertThat(StrictEventJson.parse(1, FEEDBACK)).isInstanceOf(ParsedRow.Accepted.class);
        assertThat(StrictEventJson.parse(1, PURCHASE)).isInstanceOf(ParsedRow.Accepted.class);
    }

    @Test
    void aDuplicateKeyIsNamedByItsPathOfPropertyNames() {
        assertThat(rejection(FEEDBACK.replace("\"id\":\"t\"", "\"id\":\"t\",\"id\":\"u\"")))
                .isEqualTo(new RejectedRow(3, Optional.of("touchpoint.id"), DUPLICATE));
        assertThat(rejection(PURCHASE.replace("\"currency\":\"EUR\"", "\"currency\":\"EUR\",\"currency\":\"USD\"")))
                .isEqualTo(new RejectedRow(3, Optional.of("amount.currency"), DUPLICATE));
        assertThat(rejection(FEEDBACK.replace("\"customerId\":\"c\"", "\"customerId\":\"c\",\"customerId\":\"d\"")))
                .isEqualTo(new RejectedRow(3, Optional.of("customerId"), DUPLICATE));
        // Inside the attributes the keys are input text: only "attributes" is named.
        assertThat(rejection(FEEDBACK.replace("\"k\":\"v\"", "\"k\":\"v\",\"k\":\"w\"")))
                .isEqualTo(new RejectedRow(3, Optional.of("attributes"), DUPLICATE));
    }

    @Test
    void anUnknownKeyIsNamedByItsParentOnly() {
        assertThat(rejection(FEEDBACK.replace("\"id\":\"t\"", "\"id\":\"t\",\"secret\":\"u\"")))
                .isEqualTo(new RejectedRow(3, Optional.of("touchpoint"), UNKNOWN));
        assertThat(rejection(PURCHASE.replace("\"currency\":\"EUR\"", "\"currency\":\"EUR\",\"rate\":2")))
                .isEqualTo(new RejectedRow(3, Optional.of("amount"), UNKNOWN));
        assertThat(rejection(FEEDBACK.replace("\"surveyId\"", "\"jane.doe@example.com\":1,\"surveyId\"")))
                .isEqualTo(new RejectedRow(3, Optional.empty(), UNKNOWN));
    }

    @Test
    void aValueOfTheWrongKindIsNamedWithoutQuotingIt() {
        RejectedRow attribute = rejection(FEEDBACK.replace("\"k\":\"v\"", "\"k\":[\"jane\"]"));
        assertThat(attribute.column()).contains("attributes");
        assertThat(attribute.reason()).doesNotContain("jane").doesNotContain("k");

        RejectedRow channel = rejection(FEEDBACK.replace("\"WEB\"", "\"PIGEON\""));
        assertThat(channel.column()).contains("touchpoint.channel");
        assertThat(channel.reason()).doesNotContain("PIGEON");

        RejectedRow amount = rejection(PURCHASE.replace("1.5", "true"));
        assertThat(amount.column()).contains("amount.amount");
        assertThat(amount.reason()).isEqualTo("the value is missing or is not a valid BigDecimal");
    }

    @Test
    void aDuplicateKeyThatIsNoPropertyNameIsNotNamed() {
        // With the type last, data binding reads the whole object before it binds, and meets the repeated key
        // first: a key that is not one of cxm's names is input text, so no column is named.
        String typeLast = FEEDBACK.replace("\"type\":\"feedback\",", "").replace("}}", "},\"type\":\"feedback\"}");
        assertThat(StrictEventJson.parse(1, typeLast)).isInstanceOf(ParsedRow.Accepted.class);
        assertThat(rejection(typeLast.replace("\"surveyId\"", "\"jane\":1,\"jane\":2,\"surveyId\"")))
                .isEqualTo(new RejectedRow(3, Optional.empty(), DUPLICATE));
    }

    @Test
    void aNumberWhereAChannelBelongsIsNotCalledANonInteger() {
        RejectedRow channel = rejection(FEEDBACK.replace("\"WEB\"", "42"));
        assertThat(channel.column()).contains("touchpoint.channel");
        assertThat(channel.reason()).isEqualTo("the value is missing or is not a valid Channel");
    }
}
