package dev.cxm.examples.cli.common;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/**
 * How option values of the shared kinds are read: time zones, durations, dates (registered for every
 * command by type) and column separators (named by each {@code --separator} option); a bad value is a usage
 * error of one line naming the option.
 */
public final class Converters {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*([DWH])");

    private Converters() {}

    /**
     * Registers the converters of the types every command shares on {@code commandLine} and its subcommands.
     *
     * @param commandLine the tool
     */
    public static void register(CommandLine commandLine) {
        commandLine.registerConverter(ZoneId.class, Converters::zone);
        commandLine.registerConverter(Duration.class, Converters::duration);
        commandLine.registerConverter(LocalDate.class, Converters::date);
    }

    /** Reads a time zone option: a region id such as Europe/Berlin, or an offset such as +02:00 or UTC. */
    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a time zone; use a region such as"
                    + " Europe/Berlin, or an offset such as +02:00 or UTC");
        }
    }

    /** Reads a duration option: ISO-8601 (P90D, PT36H) or a whole number of days, weeks or hours (90d, 12w, 36h). */
    static Duration duration(String text) {
        String value = text.strip().toUpperCase(Locale.ROOT);
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            // not ISO-8601; try the short form below
        }
        Matcher shortForm = SHORT_DURATION.matcher(value);
        if (shortForm.matches()) {
            long count = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "W" -> Duration.ofDays(7 * count);
                case "D" -> Duration.ofDays(count);
                default -> Duration.ofHours(count);
            };
        }
        throw new CommandLine.TypeConversionException("'" + text + "' is not a duration; use ISO-8601 such as P90D"
                + " or PT36H, or a whole number of days, weeks or hours such as 90d, 12w or 36h");
    }

    /** Reads a date option: ISO-8601, such as 1997-09-30. */
    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date; use yyyy-MM-dd such as"
                    + " 1997-09-30");
        }
    }

    /** Reads {@code --separator}: exactly one character, else a usage error of one line. */
    public static final class Separator implements CommandLine.ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            if (value.length() != 1) {
                throw new CommandLine.TypeConversionException("a separator is one character, such as ; or a tab;"
                        + " got " + (value.isEmpty() ? "none" : value.length() + " characters"));
            }
            return value.charAt(0);
        }
    }
}
