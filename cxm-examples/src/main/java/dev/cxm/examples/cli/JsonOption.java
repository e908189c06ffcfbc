package dev.cxm.examples.cli;

import picocli.CommandLine.Option;

/** {@code --json}, which every subcommand takes: print the result as one JSON object instead of text. */
final class JsonOption {

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean enabled;
}
