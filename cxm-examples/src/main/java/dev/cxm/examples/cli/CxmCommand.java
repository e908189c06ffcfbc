package dev.cxm.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.cxm.examples.cli.churn.ChurnCommand;
import dev.cxm.examples.cli.clv.ClvCommand;
import dev.cxm.examples.cli.common.Converters;
import dev.cxm.examples.cli.common.ErrorHandler;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.examples.cli.feedback.CesCommand;
import dev.cxm.examples.cli.feedback.CsatCommand;
import dev.cxm.examples.cli.feedback.NpsCommand;
import dev.cxm.examples.cli.io.ImportCommand;
import dev.cxm.examples.cli.journey.JourneyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code cxm} command-line tool: one subcommand per capability, each with {@code --json} for a result
 * a script can read. Errors reach the user as one line and exit code 1 (2 for a usage mistake), with the
 * stack trace only under {@code --verbose}; so do running out of memory and output that cannot be written.
 */
@Command(name = "cxm",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Customer-experience analytics on your own files: import, metrics, CLV, churn, journeys.")
public final class CxmCommand implements Runnable {

    /** Held here: java.util.logging keeps its loggers weakly, and a collected one forgets its level. */
    private static final Logger FLYWAY_LOGGER = Logger.getLogger("org.flywaydb");

    /** The subcommands, in the order {@code cxm --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ImportCommand.class,
            NpsCommand.class,
            CsatCommand.class,
            CesCommand.class,
            ClvCommand.class,
            ChurnCommand.class,
            JourneyCommand.class,
            dev.cxm.examples.cli.engage.ProfileCommand.class,
            dev.cxm.examples.cli.engage.SegmentCommand.class,
            dev.cxm.examples.cli.engage.NextActionCommand.class,
            dev.cxm.examples.cli.drivers.DriversCommand.class,
            dev.cxm.examples.cli.text.SentimentCommand.class, dev.cxm.examples.cli.text.ThemesCommand.class,
            dev.cxm.examples.cli.stream.StreamCommand.class,
            dev.cxm.examples.cli.simulate.SimulateCommand.class,
            dev.cxm.examples.cli.report.HtmlReportCommand.class,
            dev.cxm.examples.cli.report.DemoCommand.class,
            CommandLine.HelpCommand.class);

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an error.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed");
    }

    /**
     * Runs the tool and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // Flyway reports each migration through java.util.logging at INFO, on standard error, between the
        // command's own lines; the tool says what it did itself, so only Flyway's warnings are let through.
        FLYWAY_LOGGER.setLevel(Level.WARNING);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int exitCode = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /**
     * Runs the tool with the given output streams and returns its exit code, for tests and embedding. A write
     * to {@code out} that failed (a full disk, a closed pipe: a {@link PrintWriter} only records it) turns a
     * success into exit code 1 with one line on {@code err}.
     *
     * @param args the command line
     * @param out where results go
     * @param err where errors go
     * @return the exit code: 0, 1 for a failure, 2 for a usage mistake
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, subcommandsFor(args));
    }

    /** Runs the tool with only {@code subcommands} built (all of them, or the one the arguments name). */
    static int run(String[] args, PrintWriter out, PrintWriter err, List<Class<?>> subcommands) {
        CommandLine commandLine = new CommandLine(new CxmCommand());
        for (Class<?> subcommand : subcommands) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        Converters.register(commandLine);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(ErrorHandler::handleUsageError);
        int exitCode;
        try {
            exitCode = commandLine.execute(args);
        } catch (OutOfMemoryError tooLarge) {
            err.println("cxm: " + TextOut.escape(outOfMemory(commandLine)));
            err.flush();
            return ErrorHandler.FAILURE;
        }
        if (exitCode == 0 && out.checkError()) {
            err.println("cxm: cannot write the output: standard output refused it (a full disk or a closed pipe)");
            err.flush();
            return ErrorHandler.FAILURE;
        }
        return exitCode;
    }

    /**
     * Returns the subcommands to build for {@code args}: only the one named, when the first argument that is no
     * option names one (picocli reads every option and help text of a subcommand it is given, which takes
     * longer than the work of a small command); else all of them, for help, suggestions and usage errors.
     */
    static List<Class<?>> subcommandsFor(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (!arg.startsWith("-")) {
                for (Class<?> subcommand : SUBCOMMANDS) {
                    Command command = subcommand.getAnnotation(Command.class);
                    if (subcommand != CommandLine.HelpCommand.class && (command.name().equals(arg)
                            || List.of(command.aliases()).contains(arg))) {
                        return List.of(subcommand);
                    }
                }
                break;
            }
        }
        return SUBCOMMANDS;
    }

    /** Returns the one line that says which input was too large for the heap, and what to do. */
    private static String outOfMemory(CommandLine commandLine) {
        String input = "the input";
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        while (parsed != null) {
            if (parsed.hasMatchedOption("--input")) {
                input = String.valueOf((Object) parsed.matchedOptionValue("--input", null));
            }
            parsed = parsed.subcommand();
        }
        long heapMiB = Runtime.getRuntime().maxMemory() >> 20;
        return "out of memory: " + input + " is too large for the " + heapMiB + " MiB of heap Java was given;"
                + " give it more (java -Xmx4g -jar cxm.jar ...), or a smaller file; cxm nps, csat and ces stream"
                + " a file of any size";
    }
}
