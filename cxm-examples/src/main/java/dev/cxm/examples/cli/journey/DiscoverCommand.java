package dev.cxm.examples.cli.journey;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.core.io.ImportReport;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.examples.cli.common.CsvMappingOptions;
import dev.cxm.examples.cli.common.EventInputOptions;
import dev.cxm.examples.cli.common.JsonOutput;
import dev.cxm.examples.cli.common.OutputFile;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.journey.discovery.DirectlyFollows;
import dev.cxm.journey.discovery.DiscoveryResult;
import dev.cxm.journey.discovery.JourneyDiscovery;
import dev.cxm.journey.discovery.Variant;
import dev.cxm.journey.map.JourneyMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cxm journey discover}: the directly-follows graph and the journey variants of a file of events. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Journey discovery: the directly-follows graph (every consecutive pair, repeats included) with"
                + " counts and times, start and end activities, and the variants covering --coverage of the cases.")
final class DiscoverCommand extends ReportCommand {

    @Mixin
    EventInputOptions input;

    @Option(names = "--case", paramLabel = "CASE", defaultValue = "customer",
            description = "customer (each customer's events in time order are one case) or session"
                    + " (default: ${DEFAULT-VALUE}).")
    String caseKind;

    @Option(names = "--session-gap", paramLabel = "DURATION", defaultValue = "PT30M",
            description = "With --case session, the pause that starts a new session (default: PT30M).")
    Duration sessionGap;

    @Option(names = "--coverage", paramLabel = "SHARE", defaultValue = "0.8",
            description = "List the most frequent variants until they cover this share of cases (default:"
                    + " ${DEFAULT-VALUE}).")
    double coverage;

    @Option(names = "--max-variants", paramLabel = "N", defaultValue = "100",
            description = "List at most N variants (default: ${DEFAULT-VALUE}).")
    int maxVariants;

    @Option(names = "--dot", paramLabel = "FILE", description = "Also write the graph as Graphviz DOT to FILE.")
    Path dot;

    @Option(names = "--map", paramLabel = "FILE.json",
            description = "A journey map: activities are the stages it places events in.")
    Path map;

    @Override
    protected Report<?> report() throws Exception {
        JourneyInput.CaseKind kind = JourneyInput.CaseKind.parse(spec, "--case", caseKind);
        JourneyDiscovery.Builder builder = JourneyDiscovery.custom();
        CsvMappingOptions.option(spec.commandLine(), "--coverage", () -> builder.coverage(coverage));
        CsvMappingOptions.option(spec.commandLine(), "--max-variants", () -> builder.maxVariants(maxVariants));
        CsvMappingOptions.option(spec.commandLine(), "--session-gap",
                () -> JourneyInput.sessions(kind, sessionGap).ifPresentOrElse(builder::perSession, builder::perCustomer));
        Optional<JourneyMap> journeyMap = Optional.ofNullable(map).map(JourneyMapFile::read);
        builder.activityKey(JourneyInput.stepKey(journeyMap));
        Optional<OutputFile> dotFile = Optional.ofNullable(dot).map(path -> OutputFile.checked(path, input.input()));
        InMemoryEventStore store = InMemoryEventStore.create();
        ImportReport imported = JourneyInput.read(input, store);
        DiscoveryResult result = builder.build().compute(store);
        dotFile.ifPresent(file -> file.write(writer -> writer.write(result.toDot())));
        ObjectNode json = JsonOutput.objectNode();
        json.put("input", input.input().toString());
        json.put("case", kind.name().toLowerCase(Locale.ROOT));
        json.setAll(JsonOutput.tree(result));
        json.put("rowsRead", imported.rowsRead());
        json.put("rejectedRows", imported.rejectedCount());
        return Report.of(json, (node, out) -> print(out, result, kind));
    }

    private void print(TextOut out, DiscoveryResult result, JourneyInput.CaseKind kind) {
        String cases = kind.name().toLowerCase(Locale.ROOT) + "s";
        out.printf("Journeys discovered in %s: %d %s, %d events, %d variants%n", input.input(), result.cases(), cases,
                result.events(), result.distinctVariants());
        out.printf("Start: %s%n", result.startActivities());
        out.printf("End:   %s%n", result.endActivities());
        out.printf("Directly follows (count, median time, mean time):%n");
        for (DirectlyFollows edge : result.edges()) {
            out.printf("  %-20s > %-20s %8d  %12s  %12s%n", edge.from(), edge.to(), edge.count(),
                    TextOut.duration(edge.medianTime()), TextOut.duration(edge.meanTime()));
        }
        out.printf("Variants covering %.1f%% of the %s:%n", 100 * result.variantCoverage(), cases);
        for (Variant variant : result.variants()) {
            out.printf("  %8d  %5.1f%%  %s%n", variant.count(), 100 * variant.share(), String.join(" > ", variant.steps()));
        }
        if (dot != null) {
            out.printf("Graph written to %s%n", dot);
        }
    }
}
