package dev.cxm.examples.cli.report;

import java.nio.file.Path;
import java.util.Optional;

import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.examples.report.WorldFiles;
import picocli.CommandLine.Option;

/** The files beside a world's events, named one by one: they add to a file of events or replace a folder's. */
public final class WorldFileOptions {

    @Option(names = "--customers", paramLabel = "FILE.ndjson", description = "Customer records, one cxm JSON"
            + " customer per line (consents, identities).")
    Path customers;

    @Option(names = "--map", paramLabel = "FILE.json", description = "The designed journey map (JourneyMap JSON).")
    Path map;

    @Option(names = "--drivers", paramLabel = "FILE.csv", description = "Driver ratings:"
            + " response_id,customer_id,recommend,<a column per driver>.")
    Path drivers;

    @Option(names = "--subjects", paramLabel = "FILE.csv", description = "Subjects for survival:"
            + " customer_id,tenure_days,churned,<group>,<covariates>.")
    Path subjects;

    @Option(names = "--segments", paramLabel = "FILE.json", description = "Segment definitions (SegmentJson).")
    Path segments;

    @Option(names = "--actions", paramLabel = "FILE.json", description = "The next-best-action catalogue"
            + " (ActionJson); its segments come from --segments.")
    Path actions;

    /** Returns the files given, each checked to be a readable file. */
    WorldFiles given() {
        return new WorldFiles(file(customers), file(map), file(drivers), file(subjects), file(segments),
                file(actions));
    }

    private static Optional<Path> file(Path path) {
        if (path == null) {
            return Optional.empty();
        }
        CommandFailure.requireReadableFile(path);
        return Optional.of(path);
    }
}
