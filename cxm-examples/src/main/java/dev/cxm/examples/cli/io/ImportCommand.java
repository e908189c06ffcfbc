package dev.cxm.examples.cli.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.cxm.core.io.ImportReport;
import dev.cxm.core.io.Ndjson;
import dev.cxm.core.io.RejectedRow;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventType;
import dev.cxm.core.store.CustomerTimeline;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.examples.cli.common.EventInputOptions;
import dev.cxm.examples.cli.common.OutputFile;
import dev.cxm.examples.cli.common.RejectedRows;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.StoreOptions;
import dev.cxm.examples.cli.common.TextOut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cxm import}: reads a file of events, reports what was accepted and rejected, and can write NDJSON. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Read a CSV or NDJSON file of events; report counts and every rejected row; with --store,"
                + " keep the events in a database.")
public final class ImportCommand extends ReportCommand {

    @Mixin
    private EventInputOptions input;

    @Mixin
    private StoreOptions store;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the accepted events to FILE as NDJSON.")
    private Path output;

    /**
     * The JSON result of {@code cxm import --json}: {@code rejected} lists the first rejected rows,
     * {@code rejectedNotListed} counts the others.
     *
     * @param input the file read
     * @param format csv or ndjson
     * @param policy the policy's name
     * @param rowsRead the rows read
     * @param stored the events stored
     * @param duplicates the rows that repeated a stored event
     * @param rejectedCount every rejected row
     * @param daylightSavingRows local times placed in a daylight-saving gap or overlap
     * @param customers the customers of the stored events
     * @param byType the stored events per type
     * @param rejected the rejected rows listed
     * @param rejectedNotListed the rejected rows only counted
     * @param output the NDJSON file written, if any
     * @param store the database the events were stored in, if any (then {@code customers} and {@code byType}
     *     count the whole store after the import)
     */
    record ImportResult(String input, String format, String policy, long rowsRead, long stored, long duplicates,
            long rejectedCount, long daylightSavingRows, long customers, Map<String, Long> byType,
            List<RejectedRowJson> rejected, long rejectedNotListed, Optional<String> output, Optional<String> store) {}

    /**
     * One rejected row in JSON.
     *
     * @param line its line
     * @param column its column, if one is to blame
     * @param reason the rule it broke
     */
    record RejectedRowJson(long line, Optional<String> column, String reason) {
        static RejectedRowJson of(RejectedRow row) {
            return new RejectedRowJson(row.line(), row.column(), row.reason());
        }
    }

    @Override
    protected Report<?> report() throws Exception {
        Optional<OutputFile> file = Optional.ofNullable(output).map(path -> OutputFile.checked(path, input.input()));
        if (!store.given()) {
            return report(InMemoryEventStore.create(), file, Optional.empty());
        }
        try (StoreOptions.OpenStore opened = store.open()) {
            return report(opened.events(), file, Optional.of(store.url()));
        }
    }

    private Report<?> report(EventStore events, Optional<OutputFile> file, Optional<String> storeUrl) throws Exception {
        ImportReport report = input.importInto(events, Optional.empty(), Optional.empty());
        Map<String, Long> byType = countByType(events);
        long customers;
        try (Stream<CustomerTimeline> timelines = events.timelines(EventQuery.all())) {
            customers = timelines.count();
        }
        if (file.isPresent()) {
            file.get().write(writer -> {
                try (Stream<CustomerEvent> all = events.scan()) {
                    Ndjson.writeEvents(all, writer);
                }
            });
        }
        String format = input.format().name().toLowerCase(Locale.ROOT);
        ImportResult result = new ImportResult(input.input().toString(), format, report.policy().name(),
                report.rowsRead(), report.appended(), report.duplicates(), report.rejectedCount(),
                report.daylightSavingRows(), customers, byType, report.rejected().stream().map(RejectedRowJson::of)
                        .toList(), report.rejectedNotListed(), Optional.ofNullable(output).map(Path::toString), storeUrl);
        String onError = input.onErrorName();
        return Report.of(result, (r, out) -> printText(out, r, report, onError));
    }

    private static Map<String, Long> countByType(EventStore store) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (EventType type : EventType.values()) {
            counts.put(type.wireName(), store.count(EventQuery.ofTypes(type)));
        }
        return counts;
    }

    private static void printText(TextOut out, ImportResult result, ImportReport report, String onError) {
        out.printf("Imported %s (%s, on error: %s)%n", result.input(), result.format(), onError);
        out.printf("  rows read   %,10d%n", result.rowsRead());
        out.printf("  stored      %,10d   (%s)%n", result.stored(), result.byType().entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey()).collect(Collectors.joining(", ")));
        out.printf("  duplicates  %,10d%n", result.duplicates());
        out.printf("  rejected    %,10d%n", result.rejectedCount());
        out.printf("  customers   %,10d%n", result.customers());
        result.store().ifPresent(url -> out.printf("  (stored in %s; the counts per type and the customers are the"
                + " whole store's)%n", url));
        out.printf("  DST-placed  %,10d   (local times in a daylight-saving gap, moved later, or overlap, earlier"
                + " offset)%n", result.daylightSavingRows());
        if (!report.rejected().isEmpty()) {
            out.println("Rejected rows:");
        }
        RejectedRows.print(out, report);
        result.output().ifPresent(file -> out.printf("Wrote the accepted events as NDJSON to %s%n", file));
    }
}
