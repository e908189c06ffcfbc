package dev.cxm.core.internal.io;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Locale;
import java.util.function.Function;

import dev.cxm.core.internal.AsciiNumbers;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.io.CsvField;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Money;

/**
 * Turns the text of a CSV cell into a field value. A failure is an {@link IllegalArgumentException} whose
 * message says what the text should have been, without repeating it: a cell in the wrong column may
 * hold anyone's personal data.
 */
public final class CsvFieldParsers {

    /** Digits of the largest count of nanoseconds a {@code long} holds. */
    private static final int MAX_NANOS_DIGITS = 19;

    private CsvFieldParsers() {}

    /**
     * Checks a fixed value given in a mapping, which is configuration rather than data, so the message
     * may show it.
     *
     * @return the value, stripped
     */
    public static String validateFixed(CsvField field, String value) {
        String stripped = value.strip();
        try {
            switch (field) {
                case TYPE -> type(stripped);
                case CHANNEL -> channel(stripped);
                case CURRENCY -> currency(stripped);
                case SCALE -> scale(stripped);
                default -> Checks.identifier(field.name(), stripped);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fixed " + field + ": \"" + value + "\" " + e.getMessage(), e);
        }
        return stripped;
    }

    static EventType type(String text) {
        return parse(text, EventType::parse, "is not an event type; expected interaction, purchase or feedback");
    }

    static Channel channel(String text) {
        return parse(text, Channel::parse, "is not a channel; expected phone, web, mobile_app, email, sms, chat,"
                + " social, store or other");
    }

    static Currency currency(String text) {
        return parse(text, Money::currency, "is not an ISO 4217 currency code such as EUR or USD");
    }

    static FeedbackScale scale(String text) {
        return parse(text, FeedbackScale::parse, "is not a scale; expected nps, csat, ces or name:min..max");
    }

    static int integer(String text) {
        return parse(text, AsciiNumbers::parseInt, "is not an integer");
    }

    static BigDecimal decimal(String text) {
        return parse(text, CellNumbers::decimal, "is not a plain decimal number such as 19.99");
    }

    static Duration duration(String text, ChronoUnit unit) {
        if (text.startsWith("P") || text.startsWith("p") || text.startsWith("-P")) {
            Duration common = CellNumbers.isoDuration(text);
            return common != null ? common
                    : parse(text, Duration::parse, "is not an ISO-8601 duration such as PT5M30S");
        }
        long wholeUnits = CellNumbers.wholeUnitsAsNanos(text.toCharArray(), 0, text.length(),
                unit.getDuration().toNanos());
        if (wholeUnits >= 0) {
            return Duration.ofNanos(wholeUnits);
        }
        BigDecimal amount = parse(text, CellNumbers::decimal,
                "is neither an ISO-8601 duration nor a number of " + unit.toString().toLowerCase(Locale.ROOT));
        BigDecimal nanos = amount.multiply(BigDecimal.valueOf(unit.getDuration().toNanos()));
        // Checked before any arithmetic that a huge exponent (1e999999999) would make slow or overflow.
        if (nanos.signum() != 0 && (long) nanos.precision() - nanos.scale() > MAX_NANOS_DIGITS) {
            throw new IllegalArgumentException("is too long for a duration");
        }
        if (nanos.signum() != 0 && nanos.scale() > 0 && nanos.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("is not a whole number of nanoseconds");
        }
        try {
            return Duration.ofNanos(nanos.longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("is too long for a duration", e);
        }
    }

    private static <T> T parse(String text, Function<String, T> parser, String expectation) {
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(expectation, e);
        }
    }
}
