package dev.cxm.examples.cli.common;

import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A subcommand that computes one {@link Report}: it takes {@code --json}, and the printing (JSON through
 * {@link JsonOutput}, else the command's text) and the exit code are done here, once for every command.
 */
public abstract class ReportCommand implements Callable<Integer> {

    @Mixin
    private JsonOption json = new JsonOption();

    /** The command, for usage errors and its output streams. */
    @Spec
    protected CommandSpec spec;

    /** For subclasses. */
    protected ReportCommand() {}

    /**
     * Computes the report; the options are checked first, so that a mistake is a usage error.
     *
     * @return the report
     * @throws Exception when the work fails; the error handler turns it into one line
     */
    protected abstract Report<?> report() throws Exception;

    @Override
    public final Integer call() throws Exception {
        Report<?> report = report();
        report.print(spec.commandLine().getOut(), json.enabled);
        if (report.failure().isPresent()) {
            spec.commandLine().getErr().println("cxm: " + TextOut.escape(report.failure().get()));
            return ErrorHandler.FAILURE;
        }
        return 0;
    }

    /** {@code --json}, which every subcommand takes: print the result as one JSON object instead of text. */
    static final class JsonOption {
        @Option(names = "--json", description = "Print the result as one JSON object.")
        boolean enabled;
    }
}
