package dev.cxm.examples.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectReader;

import dev.cxm.core.io.CsvColumnMapping;
import dev.cxm.core.io.CsvEventImporter;
import dev.cxm.core.io.CxmJson;
import dev.cxm.core.io.EventImporter;
import dev.cxm.core.io.ImportPolicy;
import dev.cxm.core.io.ImportReport;
import dev.cxm.core.io.NdjsonEventImporter;
import dev.cxm.core.io.ReaderSource;
import dev.cxm.core.model.Customer;
import dev.cxm.core.store.CustomerStore;
import dev.cxm.core.store.EventStore;
import dev.cxm.engage.action.ActionJson;
import dev.cxm.engage.action.NextBestAction;
import dev.cxm.engage.segment.Segment;
import dev.cxm.engage.segment.SegmentJson;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.metrics.drivers.DriverCsv;
import dev.cxm.metrics.drivers.DriverData;
import dev.cxm.metrics.survival.SurvivalCsv;

/**
 * A CX world's folder, as {@code cxm simulate} writes it (and as a host can lay out its own): the events
 * ({@code events.csv} in cxm's CSV columns, every further column an attribute, else {@code events.ndjson}) and
 * the {@link WorldFiles} beside them.
 *
 * @param folder the folder
 * @param events the events file
 * @param files the optional files found beside it
 */
public record WorldFolder(Path folder, Path events, WorldFiles files) {

    /**
     * Finds the files of the world in {@code folder}: {@code events.csv} (else {@code events.ndjson}) must be
     * there, the others may.
     *
     * @param folder the folder
     * @return the files found
     * @throws IllegalArgumentException when the folder holds neither events file
     */
    public static WorldFolder of(Path folder) {
        Path csv = folder.resolve("events.csv");
        Path ndjson = folder.resolve("events.ndjson");
        Path events = Files.isRegularFile(csv) ? csv : ndjson;
        if (!Files.isRegularFile(events)) {
            throw new IllegalArgumentException(folder + " holds neither events.csv nor events.ndjson; a world folder"
                    + " has one of them");
        }
        return new WorldFolder(folder, events, WorldFiles.in(folder));
    }

    /**
     * Imports the events into {@code store} (all of them or none: a bad row stops the import).
     *
     * @param store where the events go
     * @return the import's report
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the line, column and rule of the first bad row
     */
    public ImportReport importEvents(EventStore store) throws IOException {
        return importEvents(store, CsvEventImporter.DEFAULT_BATCH_SIZE);
    }

    /**
     * Imports the events into {@code store} in appends of {@code batchSize} events (all of them or none).
     *
     * @param store where the events go
     * @param batchSize events per append
     * @return the import's report
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the line, column and rule of the first bad row
     */
    public ImportReport importEvents(EventStore store, int batchSize) throws IOException {
        ImportReport report = importer(ImportPolicy.FAIL_ON_FIRST_ERROR, batchSize).importInto(store,
                ReaderSource.of(events));
        if (!report.applied() || !report.readToEnd()) {
            throw new IllegalArgumentException(events + ": import stopped at " + report.rejected().get(0));
        }
        return report;
    }

    /**
     * Imports the events into {@code store} in appends of {@code batchSize} events, reading the file once, for a
     * store that is all or nothing over the whole import by itself (a bulk load, which the caller undoes when
     * this throws): {@link #importEvents(EventStore, int)} reads the file twice, checking every row before the
     * first append, so that a bad row stores nothing in a store without that.
     *
     * @param store where the events go; undone by the caller when this throws
     * @param batchSize events per append
     * @return the import's report
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the line, column and rule of the first bad row, after the rows
     *     before and after it were appended
     */
    public ImportReport importEventsReadingOnce(EventStore store, int batchSize) throws IOException {
        ImportReport report = importer(ImportPolicy.SKIP_AND_REPORT, batchSize).importInto(store,
                ReaderSource.of(events));
        if (!report.clean()) {
            throw new IllegalArgumentException(events + ": import stopped at " + report.rejected().get(0));
        }
        return report;
    }

    private EventImporter importer(ImportPolicy policy, int batchSize) {
        return events.getFileName().toString().endsWith(".csv")
                ? CsvEventImporter.custom(CsvColumnMapping.custom().unmappedColumnsAsAttributes(true).build(),
                        policy).batchSize(batchSize).build()
                : NdjsonEventImporter.custom(policy).batchSize(batchSize).build();
    }

}
