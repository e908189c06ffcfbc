package dev.cxm.examples.cli.common;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import com.fasterxml.jackson.core.JsonProcessingException;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Turns an exception from a subcommand into one line on standard error and exit code 1; the stack trace
 * follows only with {@code --verbose}. Control characters of the message (which may quote a file's column
 * names) are escaped, as in every text output.
 */
public final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    /** Exit code for a failure of the work itself (bad input, unreadable file). */
    public static final int FAILURE = 1;
    /** Exit code for a mistake in the command line itself. */
    public static final int USAGE = 2;

    /**
     * Prints a command-line mistake as one line and a pointer to the help, instead of the whole usage.
     *
     * @param mistake the mistake
     * @param args the command line
     * @return {@link #USAGE}
     */
    public static int handleUsageError(CommandLine.ParameterException mistake, String[] args) {
        CommandLine commandLine = mistake.getCommandLine();
        commandLine.getErr().println("cxm: " + TextOut.escape(String.valueOf(mistake.getMessage())));
        commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine,
            CommandLine.ParseResult parseResult) {
        commandLine.getErr().println("cxm: " + TextOut.escape(message(exception)));
        OptionSpec verbose = commandLine.getCommandSpec().root().findOption("--verbose");
        if (verbose != null && Boolean.TRUE.equals(verbose.getValue())) {
            exception.printStackTrace(commandLine.getErr());
        }
        return FAILURE;
    }

    private static String message(Throwable exception) {
        Throwable cause = exception instanceof UncheckedIOException && exception.getCause() != null
                ? exception.getCause() : exception;
        if (cause instanceof NoSuchFileException || cause instanceof FileNotFoundException) {
            return "file not found: " + cause.getMessage();
        }
        if (cause instanceof AccessDeniedException) {
            return "cannot read file: " + cause.getMessage();
        }
        if (cause instanceof CommandFailure) {
            return cause.getMessage();
        }
        if (cause instanceof JsonProcessingException malformed) {
            return "malformed input" + CommandFailure.location(malformed) + ": not the CSV or NDJSON the command"
                    + " expects";
        }
        if (cause instanceof CharacterCodingException) {
            return "the input is not UTF-8 text; save it as UTF-8 and try again";
        }
        String text = cause.getMessage();
        return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text;
    }
}
