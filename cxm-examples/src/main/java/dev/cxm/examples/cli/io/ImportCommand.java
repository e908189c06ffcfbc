package dev.cxm.examples.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.cxm.core.io.ImportReport;
import dev.cxm.core.io.Ndjson;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventType;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cxm import}: reads a file of events, reports what was accepted and rejected, and can write NDJSON. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Read a CSV or NDJSON file of events; report counts and every rejected row.")
final class ImportCommand implements Callable<Integer> {

    @Mixin
    EventInputOptions input;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the accepted events to FILE as NDJSON.")
    Path output;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (output != null) {
            CommandFailure.requireWritableFile(output);
        }
        EventStore store = InMemoryEventStore.create();
        ImportReport report = input.importInto(store, Optional.empty(), Optional.empty());
        Map<String, Long> byType = countByType(store);
        long customers;
        try (Stream<CustomerEvent> events = store.scan()) {
            customers = events.map(CustomerEvent::customerId).distinct().count();
        }
        if (output != null) {
            try (BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
                    Stream<CustomerEvent> events = store.scan()) {
                Ndjson.writeEvents(events, writer);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            JsonOutput.print(out, new ImportResult(input.input.toString(), input.format().name().toLowerCase(Locale.ROOT),
                    report.policy().name(), report.rowsRead(), report.appended(), report.duplicates(),
                    report.rejectedCount(), report.daylightSavingRows(), customers, byType,
                    report.rejected().stream().map(RejectedRowJson::of).toList(), report.rejectedNotListed(),
                    Optional.ofNullable(output).map(Path::toString)));
        } else {
            printText(out, report, byType, customers);
        }
        return 0;
    }

    private static Map<String, Long> countByType(EventStore store) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Stream<CustomerEvent> events = store.scan()) {
            Map<EventType, Long> byType = events.collect(
                    Collectors.groupingBy(CustomerEvent::eventType, Collectors.counting()));
            for (EventType type : EventType.values()) {
                counts.put(type.wireName(), byType.getOrDefault(type, 0L));
            }
        }
        return counts;
    }

    private void printText(PrintWriter out, ImportReport report, Map<String, Long> byType, long customers) {
        out.printf("Imported %s (%s, on error: %s)%n", input.input, input.format().name().toLowerCase(Locale.ROOT),
                input.onError.name().toLowerCase(Locale.ROOT));
        out.printf("  rows read   %,10d%n", report.rowsRead());
        out.printf("  stored      %,10d   (%s)%n", report.appended(), byType.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey()).collect(Collectors.joining(", ")));
        out.printf("  duplicates  %,10d%n", report.duplicates());
        out.printf("  rejected    %,10d%n", report.rejectedCount());
        out.printf("  customers   %,10d%n", customers);
        out.printf("  DST-placed  %,10d   (local times in a daylight-saving gap, moved later, or overlap, earlier"
                + " offset)%n", report.daylightSavingRows());
        if (!report.rejected().isEmpty()) {
            out.println("Rejected rows:");
            report.rejected().forEach(row -> out.println("  " + row));
        }
        if (report.rejectedNotListed() > 0) {
            out.printf("  ... and %,d more rejected rows, counted but not listed (the first %,d are)%n",
                    report.rejectedNotListed(), report.rejected().size());
        }
        if (output != null) {
            out.printf("Wrote the accepted events as NDJSON to %s%n", output);
        }
    }

    /**
     * The JSON result of {@code cxm import --json}: {@code rejected} lists the first rejected rows,
     * {@code rejectedNotListed} counts the others.
     */
    record ImportResult(String input, String format, String policy, long rowsRead, long stored, long duplicates,
            long rejectedCount, long daylightSavingRows, long customers, Map<String, Long> byType,
            List<RejectedRowJson> rejected, long rejectedNotListed, Optional<String> output) {}

    /** One rejected row in JSON. */
    record RejectedRowJson(long line, Optional<String> column, String reason) {
        static RejectedRowJson of(dev.cxm.core.io.RejectedRow row) {
            return new RejectedRowJson(row.line(), row.column(), row.reason());
        }
    }
}
