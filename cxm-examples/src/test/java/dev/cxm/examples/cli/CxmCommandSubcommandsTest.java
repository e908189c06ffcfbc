package dev.cxm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code cxm} builds only the subcommand its arguments name (picocli reads every option and help text of each
 * subcommand it is given, about a quarter of a second of CPU for all of them). Oracle: the same arguments run
 * with every subcommand built, as before: the same exit code, output and error text, for help, versions, usage
 * mistakes at each level, inherited options before and after the subcommand, and real runs on the samples.
 */
class CxmCommandSubcommandsTest {

    private record Outcome(int exitCode, String out, String err) {}

    private static Outcome run(String[] args, List<Class<?>> subcommands) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = CxmCommand.run(args, new PrintWriter(out), new PrintWriter(err), subcommands);
        return new Outcome(exitCode, out.toString(), err.toString());
    }

    @Test
    void runsAsWithEverySubcommandBuilt() {
        List<List<String>> cases = List.of(
                List.of(), List.of("--help"), List.of("--version"), List.of("--verbose"), List.of("npss"),
                List.of("help"), List.of("help", "churn"), List.of("help", "nps"), List.of("--", "nps"),
                List.of("nps", "--help"), List.of("churn"), List.of("churn", "--help"), List.of("churn", "kmm"),
                List.of("churn", "km", "--help"), List.of("clv", "fit"), List.of("--verbose", "churn", "km", "--input",
                        "missing.csv"),
                List.of("churn", "km", "--verbose", "--input", "missing.csv"),
                List.of("churn", "km", "--input", "samples/subjects.csv", "--duration-column", "tenure_days",
                        "--event-column", "churned", "--json"),
                List.of("nps", "--input", "samples/events.csv", "--on-error", "skip", "--group-by", "channel"),
                List.of("clv", "fit", "--model", "bg-nbd", "--unit", "weeks", "--input", "samples/cdnow_summary.csv"),
                List.of("import", "--input", "samples/events.csv"), List.of("stream", "--help"),
                List.of("sentiment", "--help"), List.of("drivers", "--bogus"));
        for (List<String> arguments : cases) {
            String[] args = arguments.toArray(String[]::new);
            Outcome built = run(args, CxmCommand.subcommandsFor(args));
            Outcome all = run(args, CxmCommand.SUBCOMMANDS);
            assertThat(built).as(String.join(" ", arguments)).isEqualTo(all);
        }
        assertThat(CxmCommand.subcommandsFor(new String[] {"--verbose", "churn", "km"})).hasSize(1);
        assertThat(CxmCommand.subcommandsFor(new String[] {"help", "churn"})).isEqualTo(CxmCommand.SUBCOMMANDS);
    }
}
