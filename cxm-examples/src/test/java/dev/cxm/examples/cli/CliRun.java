package dev.cxm.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the {@code cxm} tool in-process and captures what it prints, for CLI tests.
 *
 * @param exitCode the exit code
 * @param out what went to standard output
 * @param err what went to standard error
 */
public record CliRun(int exitCode, String out, String err) {

    /**
     * Runs {@code cxm} with {@code args}.
     *
     * @param args the command line
     * @return what the run did
     */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CxmCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
