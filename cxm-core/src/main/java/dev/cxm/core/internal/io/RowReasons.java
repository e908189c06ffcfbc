package dev.cxm.core.internal.io;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a validation message into the reason of a rejected row, the same for CSV and NDJSON. The model's
 * messages have the form {@code field: rule} ({@code score: is outside the NPS scale 0..10}); a rejected row
 * names its column apart, so its reason is the rule said of the value ({@code the value is outside the NPS
 * scale 0..10}). Neither form repeats the value.
 */
final class RowReasons {

    private static final Pattern FIELD_PREFIX = Pattern.compile("^([A-Za-z][A-Za-z0-9_.]*): ");

    private RowReasons() {}

    /** Returns the field a {@code field: rule} message names, if it has that form. */
    static Optional<String> field(String message) {
        Matcher matcher = FIELD_PREFIX.matcher(message);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * Returns the reason of a row whose value broke the rule of {@code message}: a {@code field: } prefix is
     * dropped, and a rule that starts with a verb ({@code is ...}, {@code has ...}, {@code does ...}) is said of
     * "the value".
     */
    static String ofValue(String message) {
        Matcher matcher = FIELD_PREFIX.matcher(message);
        String rule = matcher.find() ? message.substring(matcher.end()) : message;
        return rule.startsWith("is ") || rule.startsWith("has ") || rule.startsWith("does ") ? "the value " + rule
                : rule;
    }
}
