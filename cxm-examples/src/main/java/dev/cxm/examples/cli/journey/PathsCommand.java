package dev.cxm.examples.cli.journey;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.core.io.ImportReport;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.examples.cli.common.CsvMappingOptions;
import dev.cxm.examples.cli.common.EventInputOptions;
import dev.cxm.examples.cli.common.JsonOutput;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.examples.cli.common.Usage;
import dev.cxm.journey.EventMatcher;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.path.PathAnalysis;
import dev.cxm.journey.path.PathCount;
import dev.cxm.journey.path.PathEdge;
import dev.cxm.journey.path.PathResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cxm journey paths}: the most frequent paths after a start touchpoint or before an end touchpoint. */
@Command(name = "paths", mixinStandardHelpOptions = true,
        description = "The most frequent paths (after --start, before --end, or from the beginning), per customer or"
                + " session, and the edges of their Sankey chart; steps are touchpoints, or a map's stages.")
final class PathsCommand extends ReportCommand {

    @Mixin
    EventInputOptions input;

    @Option(names = "--start", paramLabel = "TOUCHPOINT", description = "Paths start at the first visit of this touchpoint.")
    String start;

    @Option(names = "--end", paramLabel = "TOUCHPOINT", description = "Paths end at the first visit of this touchpoint.")
    String end;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "5",
            description = "The most steps of a path, 2 to 50 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--exclude", paramLabel = "TOUCHPOINT", description = "Leave this touchpoint out; repeatable.")
    List<String> exclusions = new ArrayList<>();

    @Option(names = "--keep-repeats", description = "Keep consecutive equal steps (by default a, a, b is a, b).")
    boolean keepRepeats;

    @Option(names = "--case", paramLabel = "CASE", defaultValue = "customer",
            description = "customer (each customer's events are one path) or session (default: ${DEFAULT-VALUE}).")
    String caseKind;

    @Option(names = "--session-gap", paramLabel = "DURATION", defaultValue = "PT30M",
            description = "With --case session, the pause that starts a new session (default: PT30M).")
    Duration sessionGap;

    @Option(names = "--map", paramLabel = "FILE.json",
            description = "A journey map: steps are the stages it places events in (events it places nowhere are left"
                    + " out).")
    Path map;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "List the N most frequent paths (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    protected Report<?> report() throws Exception {
        Usage.require(spec, start == null || end == null, "--start and --end: give one of them, not both");
        JourneyInput.CaseKind kind = JourneyInput.CaseKind.parse(spec, "--case", caseKind);
        PathAnalysis.Builder builder = PathAnalysis.custom();
        CsvMappingOptions.option(spec.commandLine(), "--limit", () -> builder.stepLimit(limit));
        CsvMappingOptions.option(spec.commandLine(), "--top", () -> builder.top(top));
        CsvMappingOptions.option(spec.commandLine(), "--session-gap",
                () -> JourneyInput.sessions(kind, sessionGap).ifPresentOrElse(builder::perSession, builder::perCustomer));
        if (start != null) {
            CsvMappingOptions.option(spec.commandLine(), "--start", () -> builder.startAt(EventMatcher.touchpoint(start)));
        }
        if (end != null) {
            CsvMappingOptions.option(spec.commandLine(), "--end", () -> builder.endAt(EventMatcher.touchpoint(end)));
        }
        for (String excluded : exclusions) {
            CsvMappingOptions.option(spec.commandLine(), "--exclude",
                    () -> builder.exclude(EventMatcher.touchpoint(excluded.strip())));
        }
        builder.collapseRepeats(!keepRepeats);
        Optional<JourneyMap> journeyMap = Optional.ofNullable(map).map(JourneyMapFile::read);
        builder.activityKey(JourneyInput.stepKey(journeyMap));
        PathAnalysis analysis = builder.build();
        InMemoryEventStore store = InMemoryEventStore.create();
        ImportReport imported = JourneyInput.read(input, store);
        PathResult result = analysis.compute(store);
        ObjectNode json = JsonOutput.objectNode();
        json.put("input", input.input().toString());
        json.put("case", kind.name().toLowerCase(java.util.Locale.ROOT));
        json.setAll(JsonOutput.tree(result));
        json.put("rowsRead", imported.rowsRead());
        json.put("rejectedRows", imported.rejectedCount());
        return Report.of(json, (node, out) -> print(out, result, kind));
    }

    private void print(TextOut out, PathResult result, JourneyInput.CaseKind kind) {
        String what = start != null ? "after " + start : end != null ? "before " + end : "from the first step";
        out.printf("Paths %s in %s: %d of %d %ss have one, %d distinct%n", what, input.input(), result.casesWithPath(),
                result.cases(), kind.name().toLowerCase(java.util.Locale.ROOT), result.distinctPaths());
        for (PathCount path : result.paths()) {
            out.printf("  %8d  %5.1f%%  %s%n", path.count(), 100 * path.share(), String.join(" > ", path.steps()));
        }
        out.printf("Edges (position: from > to, count):%n");
        for (PathEdge edge : result.edges()) {
            out.printf("  %d: %s > %s  %d%n", edge.position(), edge.from(), edge.to(), edge.count());
        }
        result.warnings().forEach(warning -> out.printf("Warning: %s%n", warning));
    }
}
