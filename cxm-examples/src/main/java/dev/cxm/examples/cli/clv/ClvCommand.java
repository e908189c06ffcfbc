package dev.cxm.examples.cli.clv;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cxm clv}: customer lifetime value from a transaction or summary CSV: {@code summary},
 * {@code fit} and {@code predict}.
 */
@Command(name = "clv", mixinStandardHelpOptions = true,
        description = "Customer lifetime value: RFM summary, model fits (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB,"
                + " Gamma-Gamma) and predictions.",
        subcommands = {ClvSummaryCommand.class, ClvFitCommand.class, ClvPredictCommand.class})
public final class ClvCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: summary, fit or predict");
    }
}
