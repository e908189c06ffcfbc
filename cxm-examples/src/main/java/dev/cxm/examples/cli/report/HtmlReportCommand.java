package dev.cxm.examples.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.cxm.core.io.CsvEventImporter;
import dev.cxm.core.store.CustomerStore;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryCustomerStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.examples.cli.common.EventInputOptions;
import dev.cxm.examples.cli.common.OutputFile;
import dev.cxm.examples.cli.common.StoreOptions;
import dev.cxm.examples.cli.common.Usage;
import dev.cxm.examples.report.CxAnalysis;
import dev.cxm.examples.report.CxReport;
import dev.cxm.examples.report.HtmlReport;
import dev.cxm.examples.report.Progress;
import dev.cxm.examples.report.ReportInput;
import dev.cxm.examples.report.TextReport;
import dev.cxm.examples.report.WorldFiles;
import dev.cxm.examples.report.WorldFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cxm report}: every capability on a world, as one self-contained HTML file ({@code --out}) or as text.
 * The input is a folder as {@code cxm simulate} writes it, or a file of events (read with the usual mapping
 * options) with the optional files named one by one; a missing optional file leaves its part out, with a note.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "The CX report of a world: NPS, CSAT, CES, key drivers, themes, funnel, paths, discovered"
                + " journey and conformance, CLV, churn, cohorts, survival, segments and next-best actions; as one"
                + " self-contained HTML file with charts (--out), else as text.")
public final class HtmlReportCommand implements Callable<Integer> {

    /** The options of this command that are not the mapping of a CSV file of events. */
    private static final Set<String> OWN_OPTIONS = Set.of("--input", "--store", "--store-user",
            "--store-password-env", "--out", "--customers", "--map", "--drivers", "--subjects", "--segments",
            "--actions", "--verbose", "--format", "--on-error");

    @Mixin
    EventInputOptions input;

    @Mixin
    StoreOptions store;

    @Mixin
    WorldFileOptions files;

    @Option(names = "--out", paramLabel = "FILE.html",
            description = "Write the report as one self-contained HTML file with charts (default: print it as text).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        Progress progress = ConsoleProgress.of(spec.commandLine().getErr());
        Optional<OutputFile> html = Optional.ofNullable(out).map(path -> OutputFile.checked(path,
                input.given() ? new Path[] {input.input()} : new Path[0]));
        CxReport report;
        if (store.given()) {
            Usage.require(spec, !input.given(), "--input and --store: give one of them; cxm report reads the events"
                    + " of a world folder, of a file, or of a store");
            try (StoreOptions.OpenStore open = store.open()) {
                // The store is only read: records of --customers stay in memory, else the store's own are used.
                WorldFiles beside = files.given();
                CustomerStore customers = open.stores().customerStore();
                if (beside.customers().isPresent()) {
                    customers = InMemoryCustomerStore.create();
                    WorldLoader.storeCustomers(beside, customers, progress);
                }
                report = analyse(beside, WorldLoader.intoMemory(open.events(), progress), customers, store.url(),
                        progress);
            }
        } else {
            InMemoryEventStore events = InMemoryEventStore.create();
            InMemoryCustomerStore customers = InMemoryCustomerStore.create();
            Path path = input.input();
            WorldFiles beside;
            if (Files.isDirectory(path)) {
                refuseMappingOptions(path);
                WorldFolder world = WorldFolder.of(path);
                WorldLoader.storeEvents(world, events, CsvEventImporter.DEFAULT_BATCH_SIZE, progress);
                beside = world.files().overriddenBy(files.given());
            } else {
                try (Progress.Task task = progress.start("Reading events", 0)) {
                    input.importInto(events, Optional.empty(), Optional.empty());
                }
                beside = files.given();
            }
            WorldLoader.storeCustomers(beside, customers, progress);
            report = analyse(beside, events, customers, path.toString(), progress);
        }
        if (html.isEmpty()) {
            TextReport.print(report, stdout);
        } else {
            HtmlReport renderer = HtmlReport.create();
            html.get().write(writer -> renderer.write(report, writer));
            stdout.println("Wrote " + html.get().path() + ": the CX report of " + report.overview().customers()
                    + " customers and " + report.overview().events() + " events, with charts (opens offline)");
        }
        return 0;
    }

    private static CxReport analyse(WorldFiles beside, EventStore events, CustomerStore customers, String source,
            Progress progress) throws IOException {
        if (events.count() == 0) {
            throw new CommandFailure(source + " holds no event");
        }
        ReportInput read;
        try {
            read = beside.input(source, events, customers);
        } catch (IllegalArgumentException refused) {
            throw new CommandFailure(refused.getMessage());
        }
        return CxAnalysis.ofDefaults().analyse(read, progress);
    }

    /** A world folder's events are in cxm's own columns: the options that map other columns do not apply. */
    private void refuseMappingOptions(Path folder) {
        List<String> given = new ArrayList<>();
        spec.commandLine().getParseResult().matchedOptions().forEach(option -> {
            if (!OWN_OPTIONS.contains(option.longestName())) {
                given.add(option.longestName());
            }
        });
        Usage.require(spec, given.isEmpty(), String.join(", ", given) + ": " + folder + " is a world folder, whose"
                + " events.csv is in cxm's own columns; the mapping options apply to a file of events");
    }
}
