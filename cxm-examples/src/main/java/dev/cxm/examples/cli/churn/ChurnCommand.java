package dev.cxm.examples.cli.churn;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cxm churn}: churn and retention rates, cohorts, and survival analysis of time to churn. */
@Command(name = "churn", mixinStandardHelpOptions = true,
        description = "Churn and retention: rates, cohorts, Kaplan-Meier, log-rank, Cox.",
        subcommands = {
                ChurnRatesCommand.class,
                CohortsCommand.class,
                KaplanMeierCommand.class,
                LogRankCommand.class,
                CoxCommand.class
        })
public final class ChurnCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is needed: rates, cohorts, km, logrank or cox");
    }
}
