package dev.cxm.examples.cli.engage;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.core.model.CustomerId;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.TimeSpan;
import dev.cxm.core.store.memory.InMemoryCustomerStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.CustomerProfiles;
import dev.cxm.engage.profile.ProfileBuilder;
import dev.cxm.engage.segment.Segment;
import dev.cxm.engage.segment.SegmentJson;
import dev.cxm.engage.segment.SegmentOverlap;
import dev.cxm.engage.segment.SegmentReport;
import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.examples.cli.common.CsvCells;
import dev.cxm.examples.cli.common.EventInputOptions;
import dev.cxm.examples.cli.common.JsonOutput;
import dev.cxm.examples.cli.common.OutputFile;
import dev.cxm.examples.cli.common.RawCsvOption;
import dev.cxm.examples.cli.common.Report;
import dev.cxm.examples.cli.common.ReportCommand;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.metrics.text.VaderSentiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cxm segment}: the size of each segment of a definitions file and the overlap of each pair, over the
 * profiles rebuilt from a file of events, and optionally every member.
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Count the segments of a JSON definitions file over the customers of a file of events:"
                + " sizes, overlaps, and the members with --output.")
public final class SegmentCommand extends ReportCommand {

    @Mixin
    EventInputOptions input;

    @Option(names = "--segments", required = true, paramLabel = "FILE.json",
            description = "The segment definitions ({\"segments\": [{\"name\": ..., \"condition\": ...}]}).")
    Path segmentsFile;

    @Option(names = "--at", paramLabel = "INSTANT", description = "The instant durations since are measured to"
            + " (default: just after the last event).")
    Instant at;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the members as CSV: segment,customer_id.")
    Path output;

    @Mixin
    RawCsvOption rawCsv;

    /**
     * The JSON result of {@code cxm segment --json}: {@code input}, {@code segmentsFile}, {@code at},
     * {@code profiles}, {@code sizes} (segment name to members, in the file's order), {@code overlaps} (each pair
     * with {@code first}, {@code second}, {@code customers}) and {@code output}.
     */
    @Override
    protected Report<ObjectNode> report() throws Exception {
        Optional<OutputFile> file = Optional.ofNullable(output)
                .map(path -> OutputFile.checked(path, input.input(), segmentsFile));
        CsvCells csv = rawCsv.cells(spec, file.isPresent());
        List<Segment> segments = readSegments(segmentsFile);
        InMemoryEventStore store = InMemoryEventStore.create();
        input.importInto(store, Optional.empty(), Optional.empty());
        Instant now = at != null ? at : store.span(EventQuery.all()).map(TimeSpan::endExclusive)
                .orElseThrow(() -> new CommandFailure("--input: " + input.input() + " holds no event"));
        CustomerProfiles profiles = CustomerProfiles.load(ProfileBuilder.custom().sentiment(VaderSentiment.ofDefaults())
                .build(), InMemoryCustomerStore.create(), store);
        List<CustomerProfile> all = profiles.all();
        SegmentReport report = SegmentReport.of(segments, all, now);
        if (file.isPresent()) {
            file.get().write(writer -> {
                writer.write("segment,customer_id\n");
                for (Segment segment : segments) {
                    TreeSet<CustomerId> members = new TreeSet<>();
                    all.stream().filter(profile -> segment.contains(profile, now))
                            .forEach(profile -> members.add(profile.customerId()));
                    for (CustomerId member : members) {
                        writer.write(csv.text(segment.name()) + "," + csv.text(member.value()) + "\n");
                    }
                }
            });
        }
        ObjectNode json = JsonOutput.objectNode();
        json.put("input", input.input().toString());
        json.put("segmentsFile", segmentsFile.toString());
        json.put("at", now.toString());
        json.put("profiles", report.profiles());
        ObjectNode sizes = json.putObject("sizes");
        report.sizes().forEach(sizes::put);
        ArrayNode overlaps = json.putArray("overlaps");
        for (SegmentOverlap overlap : report.overlaps()) {
            overlaps.addObject().put("first", overlap.first()).put("second", overlap.second())
                    .put("customers", overlap.customers());
        }
        json.put("output", output == null ? null : output.toString());
        return Report.of(json, (ignored, out) -> printText(out, report, now));
    }

    private static List<Segment> readSegments(Path file) throws IOException {
        CommandFailure.requireReadableFile(file);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return SegmentJson.read(reader);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--segments: " + file + ": " + e.getMessage());
        }
    }

    private void printText(TextOut out, SegmentReport report, Instant now) {
        out.printf("Segments of %s over %,d customers at %s%n", segmentsFile, report.profiles(), now);
        report.sizes().forEach((name, size) -> out.printf("  %-30s %,10d%n", name, size));
        List<SegmentOverlap> shared = new ArrayList<>(report.overlaps());
        shared.removeIf(overlap -> overlap.customers() == 0);
        if (!shared.isEmpty()) {
            out.printf("Overlaps:%n");
            shared.forEach(overlap -> out.printf("  %-30s %-30s %,10d%n", overlap.first(), overlap.second(),
                    overlap.customers()));
        }
        if (output != null) {
            out.printf("Wrote the members to %s%n", output);
        }
    }
}
