package dev.cxm.examples.cli.common;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * What a command shows: its result (a record, a map or a JSON tree), printed as one JSON object with
 * {@code --json}, else as text by the command's renderer; and, for a result that is printed but is no
 * success (a fit that did not converge), the one line that makes the command exit 1.
 *
 * @param result what {@code --json} prints
 * @param text how the result reads as text
 * @param failure the reason the command fails after printing, if it does
 * @param <T> the result's type
 */
public record Report<T>(T result, TextRenderer<? super T> text, Optional<String> failure) {

    /**
     * Returns the report of a command that succeeded.
     *
     * @param result what {@code --json} prints
     * @param text how the result reads as text
     * @param <T> the result's type
     * @return the report
     */
    public static <T> Report<T> of(T result, TextRenderer<? super T> text) {
        return new Report<>(result, text, Optional.empty());
    }

    /**
     * Returns this report, printed as it is, but with the command failing for {@code reason} afterwards.
     *
     * @param reason the line printed on standard error
     * @return the report
     */
    public Report<T> failing(String reason) {
        return new Report<>(result, text, Optional.of(reason));
    }

    /** Prints the result as JSON or as text. */
    void print(PrintWriter out, boolean json) {
        if (json) {
            JsonOutput.print(out, result);
        } else {
            text.render(result, new TextOut(out));
            out.flush();
        }
    }

    /**
     * How a result reads as text.
     *
     * @param <T> the result's type
     */
    @FunctionalInterface
    public interface TextRenderer<T> {
        /**
         * Prints {@code result} for a person.
         *
         * @param result the result
         * @param out where to print
         */
        void render(T result, TextOut out);
    }
}
