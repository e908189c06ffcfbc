package dev.cxm.examples.cli.journey;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.core.io.ImportReport;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.TimeSpan;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.examples.cli.common.EventInputOptions;
import dev.cxm.examples.cli.common.JsonOutput;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.journey.conformance.ConformanceCheck;
import dev.cxm.journey.conformance.ConformanceResult;
import dev.cxm.journey.conformance.StageConformance;
import dev.cxm.journey.conformance.TransitionConformance;
import dev.cxm.journey.map.JourneyMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code cxm journey conformance}: each customer's journey checked against a designed journey map. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = "Conformance to a journey map: fitness (the share of moves the map allows), deviations by kind,"
                + " and totals per stage and transition.")
final class ConformanceCommand extends ReportCommand {

    @Mixin
    EventInputOptions input;

    @Option(names = "--map", required = true, paramLabel = "FILE.json", description = "The designed journey map.")
    Path map;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "Measure each customer's last stay up to this instant, ISO-8601 (default: just after the"
                    + " file's last event).")
    String asOf;

    @Override
    protected Report<?> report() throws Exception {
        Instant end = null;
        if (asOf != null) {
            try {
                end = Instant.parse(asOf.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--as-of: \"" + asOf + "\" is not an ISO-8601"
                        + " instant such as 2026-03-01T00:00:00Z");
            }
        }
        JourneyMap journeyMap = JourneyMapFile.read(map);
        InMemoryEventStore store = InMemoryEventStore.create();
        ImportReport imported = JourneyInput.read(input, store);
        Instant measuredTo = end != null ? end
                : store.span(EventQuery.all()).map(TimeSpan::endExclusive).orElse(Instant.EPOCH);
        ConformanceResult result = ConformanceCheck.custom(journeyMap).asOf(measuredTo).build().compute(store);
        ObjectNode json = JsonOutput.objectNode();
        json.put("input", input.input().toString());
        json.put("map", map.toString());
        json.put("asOf", measuredTo.toString());
        json.setAll(JsonOutput.tree(result));
        json.put("rowsRead", imported.rowsRead());
        json.put("rejectedRows", imported.rejectedCount());
        return Report.of(json, (node, out) -> print(out, result, measuredTo));
    }

    private void print(TextOut out, ConformanceResult result, Instant measuredTo) {
        out.printf("Conformance of %s to %s (stays measured to %s)%n", input.input(), map, measuredTo);
        out.printf("  customers %d, conforming %d; moves %d, allowed %d; fitness %s%n", result.customers(),
                result.conformingCustomers(), result.moves(), result.allowedMoves(),
                result.fitness().isPresent() ? String.format(Locale.ROOT, "%.3f", result.fitness().getAsDouble()) : "-");
        out.printf("Deviations:%n");
        result.deviations().forEach((kind, count) -> out.printf("  %-16s %d%n", kind.name().toLowerCase(Locale.ROOT),
                count));
        out.printf("Stages (stays, customers, overdue, median stay):%n");
        for (StageConformance stage : result.stages()) {
            out.printf("  %-20s %8d %8d %8d  %s%n", stage.stage(), stage.visits(), stage.customers(),
                    stage.overdueVisits(), stage.medianTimeInStage().map(TextOut::duration).orElse("-"));
        }
        out.printf("Transitions (count, allowed):%n");
        for (TransitionConformance transition : result.transitions()) {
            out.printf("  %-20s > %-20s %8d  %s%n", transition.from(), transition.to(), transition.count(),
                    transition.allowed() ? "allowed" : "not allowed: "
                            + transition.deviation().map(k -> k.name().toLowerCase(Locale.ROOT)).orElse(""));
        }
        if (!result.outsideMap().isEmpty()) {
            out.printf("Outside the map: %s%n", result.outsideMap());
        }
    }
}
