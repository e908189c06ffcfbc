package dev.cxm.examples.cli;

import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code cxm} command-line tool: one subcommand per capability, each with {@code --json} for a result
 * a script can read. Errors reach the user as one line and exit code 1 (2 for a usage mistake), with the
 * stack trace only under {@code --verbose}.
 */
@Command(name = "cxm",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Customer-experience analytics on your own files: import, metrics, CLV, churn, journeys.",
        subcommands = {
                ImportCommand.class,
                NpsCommand.class,
                CsatCommand.class,
                CesCommand.class,
                ClvCommand.class,
                ChurnCommand.class,
                CommandLine.HelpCommand.class
        })
public final class CxmCommand implements Runnable {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an error.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed");
    }

    /** Runs the tool and exits with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int exitCode = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*([DWH])");

    /** Reads a time zone option: a region id such as Europe/Berlin, or an offset such as +02:00 or UTC. */
    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a time zone; use a region such as"
                    + " Europe/Berlin, or an offset such as +02:00 or UTC");
        }
    }

    /** Reads a duration option: ISO-8601 (P90D, PT36H) or a whole number of days, weeks or hours (90d, 12w, 36h). */
    private static Duration duration(String text) {
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
    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date; use yyyy-MM-dd such as"
                    + " 1997-09-30");
        }
    }

    /** Runs the tool with the given output streams and returns its exit code, for tests and embedding. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new CxmCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.registerConverter(ZoneId.class, CxmCommand::zone);
        commandLine.registerConverter(Duration.class, CxmCommand::duration);
        commandLine.registerConverter(LocalDate.class, CxmCommand::date);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(ErrorHandler::handleUsageError);
        return commandLine.execute(args);
    }
}
