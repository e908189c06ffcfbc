package dev.cxm.examples.cli.journey;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cxm journey}: funnels, paths, discovery and conformance over a file of events. */
@Command(name = "journey", mixinStandardHelpOptions = true,
        description = "Customer journeys: funnel, paths, discover, conformance.",
        subcommands = {
                FunnelCommand.class,
                PathsCommand.class,
                DiscoverCommand.class,
                ConformanceCommand.class
        })
public final class JourneyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is needed: funnel, paths, discover or conformance");
    }
}
