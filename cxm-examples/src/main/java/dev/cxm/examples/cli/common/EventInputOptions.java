package dev.cxm.examples.cli.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.cxm.core.io.CsvColumnMapping;
import dev.cxm.core.io.CsvEventImporter;
import dev.cxm.core.io.EventImporter;
import dev.cxm.core.io.EventSink;
import dev.cxm.core.io.ImportPolicy;
import dev.cxm.core.io.ImportReport;
import dev.cxm.core.io.NdjsonEventImporter;
import dev.cxm.core.io.ReaderSource;
import dev.cxm.core.io.RejectedRow;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.store.EventStore;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * An input file of events, its format, what to do with bad rows, and (for CSV) the column mapping: what
 * every subcommand that reads events takes. The file is read by cxm-core's importers, into a store or, for a
 * command that only counts, into a sink in constant memory.
 */
public final class EventInputOptions {

    /** The formats an event file can be in. */
    public enum Format {
        /** Comma- (or otherwise) separated values with a header row. */
        CSV,
        /** One JSON event per line. */
        NDJSON
    }

    /** What to do with a row that is not a valid event. */
    enum OnError {
        /** Stop at the first bad row and keep nothing. */
        FAIL,
        /** Keep the good rows and report the bad ones. */
        SKIP
    }

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The file of events to read.")
    private Path input;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv or ndjson (default: from the file extension: .csv, .ndjson or .jsonl).")
    private Format format;

    @Option(names = "--on-error", paramLabel = "POLICY", defaultValue = "fail",
            description = "fail: stop at the first bad row and keep nothing (default); skip: keep good rows and"
                    + " report bad ones.")
    private OnError onError;

    @ArgGroup(exclusive = false, heading = "CSV column mapping:%n")
    private CsvMappingOptions mapping = new CsvMappingOptions();

    /** The command these options are mixed into, for usage errors. */
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /**
     * Returns the input file, as given.
     *
     * @return the file
     */
    public Path input() {
        return input;
    }

    /**
     * Returns the CSV mapping options (none given: the defaults).
     *
     * @return the options
     */
    public CsvMappingOptions mapping() {
        if (mapping == null) {
            mapping = new CsvMappingOptions();
        }
        return mapping;
    }

    /**
     * Returns the format given, or the one the file's extension names; checks first that the input is a file,
     * so that every command says the same about a missing file, a folder or {@code /dev/null}.
     *
     * @return the format
     */
    public Format format() {
        CommandFailure.requireReadableFile(input);
        if (format != null) {
            return format;
        }
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return Format.CSV;
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return Format.NDJSON;
        }
        throw new CommandFailure("cannot tell the format of " + input + " from its name; add --format csv or"
                + " --format ndjson");
    }

    /**
     * Returns {@code fail} or {@code skip}, as {@code --on-error} gives it.
     *
     * @return the policy's command-line name
     */
    public String onErrorName() {
        return onError.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Imports the file into {@code store}, with the CSV defaults of a subcommand that expects one kind of event.
     *
     * @param store where the events go
     * @param defaultType the type of every row of a CSV without a type column, if the command has one
     * @param defaultScale the scale of every row of a CSV without a scale column, if the command has one
     * @return the report of an import that was applied and read the whole file
     * @throws IOException when the file cannot be read
     * @throws CommandFailure when the import stopped at a bad row
     */
    public ImportReport importInto(EventStore store, Optional<EventType> defaultType,
            Optional<FeedbackScale> defaultScale) throws IOException {
        return requireComplete(importer(defaultType, defaultScale).importInto(store, input));
    }

    /**
     * Reads the file once and hands each accepted event to {@code sink}, in constant memory, with the CSV
     * defaults of a subcommand that expects one kind of event. The rules of {@code --on-error} are those of a
     * store, as the caller sees them: under {@code fail} a bad row fails the command and what the sink took is
     * to be thrown away. (The library's all-or-nothing import into a sink reads the file twice, to hand the
     * sink nothing when a row is bad; a command that discards its counts on failure needs only one read.)
     *
     * @param sink what takes the events; its contents are meaningless when this throws
     * @param defaultType the type of every row of a CSV without a type column, if the command has one
     * @param defaultScale the scale of every row of a CSV without a scale column, if the command has one
     * @return the report of an import that was applied and read the whole file
     * @throws IOException when the file cannot be read
     * @throws CommandFailure when a row was bad ({@code --on-error fail}) or the import stopped at one
     */
    public ImportReport importInto(EventSink sink, Optional<EventType> defaultType,
            Optional<FeedbackScale> defaultScale) throws IOException {
        ImportReport report = importer(defaultType, defaultScale, ImportPolicy.SKIP_AND_REPORT).importInto(sink, input);
        if (onError == OnError.FAIL && report.rejectedCount() > 0) {
            throw nothingKept(report.rejected().get(0));
        }
        return requireComplete(report);
    }

    private EventImporter importer(Optional<EventType> defaultType, Optional<FeedbackScale> defaultScale) {
        return importer(defaultType, defaultScale, policy());
    }

    private EventImporter importer(Optional<EventType> defaultType, Optional<FeedbackScale> defaultScale,
            ImportPolicy policy) {
        CommandFailure.requireReadableFile(input);
        if (format() == Format.CSV) {
            // With a core to spare, rows are mapped on threads of the import's own (same result, less time).
            int processors = Runtime.getRuntime().availableProcessors();
            return CsvEventImporter.custom(mapping().toMapping(command.commandLine(), defaultType, defaultScale),
                    policy).mappingThreads(processors > 1 ? Math.min(processors, CsvEventImporter.MAX_MAPPING_THREADS)
                            : 0).build();
        }
        refuseCsvOnlyOptions();
        return NdjsonEventImporter.ofDefaults(policy);
    }

    private ImportPolicy policy() {
        return onError == OnError.SKIP ? ImportPolicy.SKIP_AND_REPORT : ImportPolicy.FAIL_ON_FIRST_ERROR;
    }

    private ImportReport requireComplete(ImportReport report) {
        if (!report.applied()) {
            throw nothingKept(report.rejected().get(0));
        }
        if (!report.readToEnd()) {
            throw new CommandFailure("import of " + input + " stopped at "
                    + report.rejected().get(report.rejected().size() - 1) + "; the rest of the file was not read,"
                    + " so no result is given (mend the file there)");
        }
        return report;
    }

    private CommandFailure nothingKept(RejectedRow row) {
        return new CommandFailure("import of " + input + " stopped at " + row + "; nothing was kept (use --on-error"
                + " skip to keep the good rows)");
    }

    /**
     * Refuses, as a usage error, CSV mapping options given for an NDJSON file, which names its fields itself;
     * {@code --zone} (the default zone of periods) and {@code --scale} (the scale counted) apply to both.
     */
    private void refuseCsvOnlyOptions() {
        CommandLine commandLine = command.commandLine();
        for (CommandLine.Model.OptionSpec option : commandLine.getParseResult().matchedOptions()) {
            String name = option.longestName();
            boolean csvMapping = option.group() != null && option.group().typeInfo() != null
                    && option.group().typeInfo().getType() == CsvMappingOptions.class;
            if (csvMapping && !name.equals("--zone") && !name.equals("--scale")) {
                throw new ParameterException(commandLine, name + ": " + input.getFileName() + " is NDJSON, whose"
                        + " events name their fields; " + name + " applies to CSV files only");
            }
        }
    }

    /**
     * Returns the column names of the CSV file's header, read as the import reads them (separator, quotes).
     *
     * @return the column names
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the file has no header row
     */
    public List<String> csvColumns() throws IOException {
        CommandFailure.requireReadableFile(input);
        // Only the separator matters for the header; the other options are checked when the rows are read.
        CsvColumnMapping.Builder separatorOnly = CsvColumnMapping.custom();
        mapping().separator().ifPresent(separator -> CsvMappingOptions.option(command.commandLine(), "--separator",
                () -> separatorOnly.separator(separator)));
        return CsvEventImporter.ofDefaults(separatorOnly.build(), policy()).columns(ReaderSource.of(input));
    }
}
