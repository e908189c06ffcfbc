package dev.cxm.examples.cli.common;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import picocli.CommandLine;

/**
 * Time units as the command line names them ({@code days}, {@code weeks}, ...), read against the list an
 * option accepts, so that every unit option refuses the same way: a usage error naming the option and the
 * units it takes.
 */
public final class UnitNames {

    /** Units of plain-number durations in a CSV: those of fixed length, up to a day. */
    public static final List<ChronoUnit> FIXED_LENGTH = List.of(ChronoUnit.NANOS, ChronoUnit.MICROS, ChronoUnit.MILLIS,
            ChronoUnit.SECONDS, ChronoUnit.MINUTES, ChronoUnit.HOURS, ChronoUnit.DAYS);
    /** Units customer times are counted in by {@code cxm clv}. */
    public static final List<ChronoUnit> CUSTOMER_TIMES = List.of(ChronoUnit.SECONDS, ChronoUnit.MINUTES, ChronoUnit.HOURS,
            ChronoUnit.DAYS, ChronoUnit.WEEKS, ChronoUnit.MONTHS, ChronoUnit.YEARS);
    /** Units of the durations the survival commands read. */
    public static final List<ChronoUnit> SURVIVAL_TIMES = List.of(ChronoUnit.NANOS, ChronoUnit.MICROS, ChronoUnit.MILLIS,
            ChronoUnit.SECONDS, ChronoUnit.MINUTES, ChronoUnit.HOURS, ChronoUnit.DAYS, ChronoUnit.WEEKS,
            ChronoUnit.MONTHS, ChronoUnit.YEARS);

    private UnitNames() {}

    /**
     * Returns the unit of {@code allowed} that {@code text} names.
     *
     * @param commandLine the command, for the usage error
     * @param option the option that gave the name
     * @param text the name
     * @param allowed the units the option takes
     * @return the unit
     * @throws CommandLine.ParameterException naming {@code option} and the allowed units when it names none
     */
    public static ChronoUnit parse(CommandLine commandLine, String option, String text, List<ChronoUnit> allowed) {
        for (ChronoUnit candidate : allowed) {
            if (name(candidate).equals(text.strip().toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        throw new CommandLine.ParameterException(commandLine, option + ": '" + text + "' is not a unit here; use "
                + list(allowed));
    }

    /**
     * Returns the units' names as a sentence lists them: {@code seconds, minutes or hours}.
     *
     * @param units the units
     * @return their names
     */
    public static String list(List<ChronoUnit> units) {
        String names = units.stream().map(UnitNames::name).collect(Collectors.joining(", "));
        int last = names.lastIndexOf(", ");
        return last < 0 ? names : names.substring(0, last) + " or " + names.substring(last + 2);
    }

    /**
     * Returns a unit's command-line name: {@code days}, {@code weeks}, ...
     *
     * @param unit the unit
     * @return its name
     */
    public static String name(ChronoUnit unit) {
        return unit.name().toLowerCase(Locale.ROOT);
    }
}
