package dev.cxm.examples.cli.common;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Checks of option values that picocli's types cannot express, made before a subcommand does any work: a
 * mistake becomes a {@link CommandLine.ParameterException}, which {@link ErrorHandler#handleUsageError}
 * prints as one line and a pointer to the help, with exit code 2.
 */
public final class Usage {

    private Usage() {}

    /**
     * Throws a usage error with {@code message} unless {@code condition} holds.
     *
     * @param spec the command, for the pointer to its help
     * @param condition what must hold
     * @param message the one line that says what is wrong
     */
    public static void require(CommandSpec spec, boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    /**
     * Requires a confidence level strictly between 0 and 1.
     *
     * @param spec the command
     * @param level the value of {@code --level}
     */
    public static void requireLevel(CommandSpec spec, double level) {
        require(spec, level > 0 && level < 1, "--level: " + level + " is outside (0, 1); a confidence level is a"
                + " probability such as 0.95");
    }

    /**
     * Requires times that are finite numbers, zero or more.
     *
     * @param spec the command
     * @param option the option that gave them
     * @param times the times
     */
    public static void requireTimes(CommandSpec spec, String option, List<Double> times) {
        for (double time : times) {
            require(spec, time >= 0 && !Double.isInfinite(time), option + ": " + time
                    + " is not a time; times are finite numbers, zero or more");
        }
    }
}
