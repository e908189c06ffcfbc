package dev.cxm.core.internal.io;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.function.Function;

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
                default -> dev.cxm.core.internal.Checks.identifier(field.name(), stripped);
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
        return parse(text, Integer::parseInt, "is not an integer");
    }

    static BigDecimal decimal(String text) {
        return parse(text, BigDecimal::new, "is not a plain decimal number such as 19.99");
    }

    static Duration duration(String text, ChronoUnit unit) {
        if (text.startsWith("P") || text.startsWith("p") || text.startsWith("-P")) {
            return parse(text, Duration::parse, "is not an ISO-8601 duration such as PT5M30S");
        }
        BigDecimal amount = parse(text, BigDecimal::new,
                "is neither an ISO-8601 duration nor a number of " + unit.toString().toLowerCase(java.util.Locale.ROOT));
        BigDecimal nanos = amount.multiply(BigDecimal.valueOf(unit.getDuration().toNanos()));
        try {
            return Duration.ofNanos(nanos.longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("is not a whole number of nanoseconds or is too long", e);
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
