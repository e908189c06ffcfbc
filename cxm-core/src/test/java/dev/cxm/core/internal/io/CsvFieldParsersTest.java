package dev.cxm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.core.io.CsvField;

/**
 * The cell parsers' duration rules and fixed-value checks. Oracles: {@link Duration#parse} for the ISO-8601 texts
 * (any case, a leading sign); for a number of units, the exact product computed here with {@link BigDecimal}
 * ({@code amount * unit's nanoseconds}, which must be a whole number that a {@code long} holds, as the parser's
 * messages say); for the fixed values, {@code CsvFieldParsers.validateFixed}'s Javadoc (the value comes back
 * stripped; a failure quotes the configured value, which is configuration, not data).
 */
class CsvFieldParsersTest {

    /** The exact duration of {@code amount} units, or null when it is no whole number of nanoseconds in a long. */
    private static Duration exact(String amount, ChronoUnit unit) {
        BigDecimal nanos = new BigDecimal(amount).multiply(BigDecimal.valueOf(unit.getDuration().toNanos()));
        try {
            return Duration.ofNanos(nanos.longValueExact());
        } catch (ArithmeticException notWholeOrTooLong) {
            return null;
        }
    }

    @Test
    void isoTextsInAnyCaseOrSignAreReadAsDurationParseReadsThem() {
        for (String text : List.of("PT5M30S", "PT0.5S", "P1D", "p1d", "pt2h", "P2DT3H", "-PT5S", "-P1D", "PT-1.5S",
                "PT1H", "P0D")) {
            assertThat(CsvFieldParsers.duration(text, ChronoUnit.MINUTES)).as(text).isEqualTo(Duration.parse(text));
        }
        for (String text : List.of("P", "PT", "PTX", "P1Y", "-P", "pt")) {
            assertThatThrownBy(() -> CsvFieldParsers.duration(text, ChronoUnit.SECONDS)).as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("is not an ISO-8601 duration such as PT5M30S");
        }
    }

    @Test
    void numbersAreTheExactProductOfTheAmountAndTheUnit() {
        List<String> amounts = List.of("0", "7", "999999999", "1000000000", "2.5", "0.0", "-5", "-0.25", "1e3",
                "1.5E2", "9223372036.854775807", "0.000000001", "12.000000000");
        for (ChronoUnit unit : List.of(ChronoUnit.NANOS, ChronoUnit.MILLIS, ChronoUnit.SECONDS, ChronoUnit.MINUTES,
                ChronoUnit.HOURS, ChronoUnit.DAYS)) {
            for (String amount : amounts) {
                Duration expected = exact(amount, unit);
                if (expected != null) {
                    assertThat(CsvFieldParsers.duration(amount, unit)).as("%s %s", amount, unit).isEqualTo(expected);
                } else {
                    assertThatThrownBy(() -> CsvFieldParsers.duration(amount, unit)).as("%s %s", amount, unit)
                            .isInstanceOf(IllegalArgumentException.class);
                }
            }
        }
    }

    @Test
    void aNumberOfNanosecondsMustBeWholeAndFitALong() {
        // 10^9 seconds is 10^18 ns: 19 digits, held by a long; 10^10 seconds (10^19 ns) and one nanosecond past
        // Long.MAX_VALUE are not.
        assertThat(CsvFieldParsers.duration("1000000000", ChronoUnit.SECONDS)).isEqualTo(Duration.ofSeconds(1_000_000_000));
        assertThat(CsvFieldParsers.duration("9223372036.854775807", ChronoUnit.SECONDS))
                .isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
        assertThat(CsvFieldParsers.duration("2.0", ChronoUnit.NANOS)).isEqualTo(Duration.ofNanos(2));
        assertThat(CsvFieldParsers.duration("0.0000000000", ChronoUnit.SECONDS)).isEqualTo(Duration.ZERO);
        for (String tooLong : List.of("10000000000", "9223372036.854775808", "-10000000000", "1e999999999")) {
            assertThatThrownBy(() -> CsvFieldParsers.duration(tooLong, ChronoUnit.SECONDS)).as(tooLong)
                    .hasMessage("is too long for a duration");
        }
        for (String fraction : List.of("1.5", "0.1", "1.50", "-0.5")) {
            assertThatThrownBy(() -> CsvFieldParsers.duration(fraction, ChronoUnit.NANOS)).as(fraction)
                    .hasMessage("is not a whole number of nanoseconds");
        }
        assertThatThrownBy(() -> CsvFieldParsers.duration("0.0000000001", ChronoUnit.SECONDS))
                .hasMessage("is not a whole number of nanoseconds");
        assertThatThrownBy(() -> CsvFieldParsers.duration("four", ChronoUnit.MINUTES))
                .hasMessage("is neither an ISO-8601 duration nor a number of minutes");
        assertThatThrownBy(() -> CsvFieldParsers.duration("", ChronoUnit.HOURS))
                .hasMessage("is neither an ISO-8601 duration nor a number of hours");
    }

    @Test
    void aFixedValueComesBackStrippedOrFailsQuotingTheConfiguredValue() {
        assertThat(CsvFieldParsers.validateFixed(CsvField.TYPE, " feedback ")).isEqualTo("feedback");
        assertThat(CsvFieldParsers.validateFixed(CsvField.CHANNEL, "\tweb")).isEqualTo("web");
        assertThat(CsvFieldParsers.validateFixed(CsvField.CURRENCY, "EUR ")).isEqualTo("EUR");
        assertThat(CsvFieldParsers.validateFixed(CsvField.SCALE, " nps")).isEqualTo("nps");
        assertThat(CsvFieldParsers.validateFixed(CsvField.SURVEY, " s1 ")).isEqualTo("s1");

        assertThatThrownBy(() -> CsvFieldParsers.validateFixed(CsvField.TYPE, " visit"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fixed TYPE: \" visit\" is not an event type; expected interaction, purchase or feedback");
        assertThatThrownBy(() -> CsvFieldParsers.validateFixed(CsvField.CHANNEL, "fax"))
                .hasMessage("fixed CHANNEL: \"fax\" is not a channel; expected phone, web, mobile_app, email, sms,"
                        + " chat, social, store or other");
        assertThatThrownBy(() -> CsvFieldParsers.validateFixed(CsvField.CURRENCY, "EUX"))
                .hasMessage("fixed CURRENCY: \"EUX\" is not an ISO 4217 currency code such as EUR or USD");
        assertThatThrownBy(() -> CsvFieldParsers.validateFixed(CsvField.SCALE, "likert"))
                .hasMessage("fixed SCALE: \"likert\" is not a scale; expected nps, csat, ces or name:min..max");
        assertThatThrownBy(() -> CsvFieldParsers.validateFixed(CsvField.SURVEY, "s".repeat(257)))
                .hasMessageStartingWith("fixed SURVEY: \"" + "s".repeat(257) + "\" SURVEY: an id of 257 characters");
    }

    @Test
    void numbersAndTextsFailWithWhatTheyShouldHaveBeen() {
        assertThat(CsvFieldParsers.integer("-12")).isEqualTo(-12);
        assertThat(CsvFieldParsers.decimal("19.99")).isEqualTo(new BigDecimal("19.99"));
        assertThatThrownBy(() -> CsvFieldParsers.integer("1.5")).hasMessage("is not an integer");
        assertThatThrownBy(() -> CsvFieldParsers.decimal("1,5"))
                .hasMessage("is not a plain decimal number such as 19.99");
    }
}
