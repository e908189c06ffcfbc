package dev.cxm.examples.cli.simulate;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.examples.cli.common.JsonOutput;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.examples.cli.common.Usage;
import dev.cxm.examples.simulate.SimulatedWorld;
import dev.cxm.examples.simulate.WorldSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cxm simulate}: writes a reproducible CX world (customers, events, a journey map, driver ratings, churn
 * subjects, segments and the generating parameters) into a folder, through {@link WorldSimulator}.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Write a reproducible customer-experience world into a folder: customers, events (CSV and"
                + " NDJSON), the journey map, NPS driver ratings, churn subjects, segments and truth.json, the"
                + " parameters that generated them. The same seed gives the same files, byte for byte.")
public final class SimulateCommand extends ReportCommand {

    @Option(names = "--customers", paramLabel = "N", defaultValue = "" + WorldSimulator.DEFAULT_CUSTOMERS,
            description = "How many customers (default: ${DEFAULT-VALUE}; at most 9,999,999).")
    int customers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + WorldSimulator.DEFAULT_SEED,
            description = "The seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The folder to write into; created when absent, the world's files in it replaced.")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that simulate (default: one per processor); the files do not depend on it.")
    Integer threads;

    /** Creates the command; picocli sets its options. */
    public SimulateCommand() {}

    @Override
    protected Report<ObjectNode> report() throws Exception {
        Usage.require(spec, customers >= 1 && customers <= WorldSimulator.MAX_CUSTOMERS, "--customers: " + customers
                + " is out of range; it must be 1 to " + WorldSimulator.MAX_CUSTOMERS);
        Usage.require(spec, threads == null || threads >= 1 && threads <= 256, "--threads: " + threads
                + " is out of range; it must be 1 to 256");
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CommandFailure("--out: " + out + " is a file; give a folder");
        }
        WorldSimulator.Builder builder = WorldSimulator.custom().customers(customers).seed(seed);
        if (threads != null) {
            builder.threads(threads);
        }
        SimulatedWorld world = builder.build().writeTo(out);
        ObjectNode json = JsonOutput.objectNode();
        json.put("directory", world.directory().toString());
        json.put("customers", world.customerCount());
        json.put("seed", seed);
        json.put("customerRecords", world.customerRecords());
        json.put("events", world.eventCount());
        ObjectNode files = json.putObject("files");
        files.put("customers", world.customers().toString());
        files.put("eventsCsv", world.eventsCsv().toString());
        files.put("eventsNdjson", world.eventsNdjson().toString());
        files.put("journeyMap", world.journeyMap().toString());
        files.put("drivers", world.drivers().toString());
        files.put("subjects", world.subjects().toString());
        files.put("segments", world.segments().toString());
        files.put("truth", world.truth().toString());
        return Report.of(json, (ignored, text) -> printText(text, world));
    }

    private void printText(TextOut text, SimulatedWorld world) {
        text.printf("Simulated %,d customers (seed %d) into %s: %,d events, %,d customer records%n",
                world.customerCount(), seed, world.directory(), world.eventCount(), world.customerRecords());
        line(text, world.customers(), "customers: segments, consents, identities (cxm JSON)");
        line(text, world.eventsCsv(), "events in cxm's CSV columns, plus wait_seconds, plan, campaign");
        line(text, world.eventsNdjson(), "the same events as cxm JSON");
        line(text, world.journeyMap(), "the designed journey map");
        line(text, world.drivers(), "one row per NPS response: recommend and five driver ratings");
        line(text, world.subjects(), "one row per member: tenure, churned, plan, covariates");
        line(text, world.segments(), "segment definitions for cxm segment");
        line(text, world.truth(), "the generating parameters, each with its unit");
        text.printf("Check what the models recover against truth.json: see docs/simulator.md%n");
    }

    private static void line(TextOut text, Path file, String what) {
        text.printf("  %-18s %s%n", file.getFileName(), what);
    }
}
