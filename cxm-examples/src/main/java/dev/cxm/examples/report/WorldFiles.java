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
 * The files that may lie beside a world's events, each optional: {@code customers.ndjson} (one customer record
 * per line, cxm's JSON), {@code journey-map.json} ({@link JourneyMap#toJson()}), {@code drivers.csv}
 * ({@code response_id,customer_id,recommend,<driver ratings>}), {@code subjects.csv} ({@code
 * customer_id,tenure_days,churned,<group>,<covariates>}), {@code segments.json} ({@link SegmentJson}) and
 * {@code actions.json} ({@link ActionJson}). {@link #input} reads them into the analysis' input, noting each one
 * that is missing.
 *
 * @param customers the customer records
 * @param journeyMap the journey map
 * @param drivers the driver ratings
 * @param subjects the survival subjects
 * @param segments the segment definitions
 * @param actions the action catalogue
 */
public record WorldFiles(Optional<Path> customers, Optional<Path> journeyMap, Optional<Path> drivers,
        Optional<Path> subjects, Optional<Path> segments, Optional<Path> actions) {

    /** The outcome column of a drivers file. */
    public static final String OUTCOME_COLUMN = "recommend";
    /** The columns of a drivers file that are neither the outcome nor a driver. */
    public static final List<String> DRIVER_ID_COLUMNS = List.of("response_id", "customer_id");
    /** The duration column of a subjects file, in days. */
    public static final String DURATION_COLUMN = "tenure_days";
    /** The churn flag column of a subjects file. */
    public static final String EVENT_COLUMN = "churned";

    /**
     * Returns no files.
     *
     * @return the files, all absent
     */
    public static WorldFiles none() {
        return new WorldFiles(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * Returns the files of the contract's names that {@code folder} holds.
     *
     * @param folder the folder
     * @return the files found
     */
    public static WorldFiles in(Path folder) {
        return new WorldFiles(file(folder, "customers.ndjson"), file(folder, "journey-map.json"),
                file(folder, "drivers.csv"), file(folder, "subjects.csv"), file(folder, "segments.json"),
                file(folder, "actions.json"));
    }

    private static Optional<Path> file(Path folder, String name) {
        Path path = folder.resolve(name);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /**
     * Returns these files with each one given in {@code other} taking the place of this one's.
     *
     * @param other the files that win
     * @return the files
     */
    public WorldFiles overriddenBy(WorldFiles other) {
        return new WorldFiles(other.customers.or(() -> customers), other.journeyMap.or(() -> journeyMap),
                other.drivers.or(() -> drivers), other.subjects.or(() -> subjects), other.segments.or(() -> segments),
                other.actions.or(() -> actions));
    }

    /**
     * Stores every customer record of {@code customers.ndjson}, if the world has one.
     *
     * @param store where the records go
     * @return how many were stored
     * @throws IOException when the file cannot be read
     */
    public long importCustomers(CustomerStore store) throws IOException {
        long[] count = {0};
        readCustomers(customer -> {
            store.put(customer);
            count[0]++;
        });
        return count[0];
    }

    /**
     * Hands every customer record of {@code customers.ndjson} to {@code sink}, in the file's order.
     *
     * @param sink what takes the records
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the line of a record that is not one
     */
    public void readCustomers(Consumer<Customer> sink) throws IOException {
        if (customers.isEmpty()) {
            return;
        }
        ObjectReader reader = CxmJson.mapper().readerFor(Customer.class);
        try (BufferedReader lines = Files.newBufferedReader(customers.get(), StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Customer customer;
                try {
                    customer = reader.readValue(line);
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(customers.get() + ": line " + number + " is not a customer"
                            + " record of cxm's JSON", e);
                }
                sink.accept(customer);
            }
        }
    }

    /**
     * Reads the optional files into a report input over the given stores, noting each file that is missing.
     *
     * @param source where the events came from, for the heading
     * @param eventStore the events (imported already)
     * @param customerStore the customer records (imported already)
     * @return the input of the analysis
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException naming the file and the rule when one is refused
     */
    public ReportInput input(String source, EventStore eventStore, CustomerStore customerStore) throws IOException {
        List<String> notes = new ArrayList<>();
        if (customers.isEmpty()) {
            notes.add("no customers.ndjson: no consents or identities; next-best actions that need consent are"
                    + " never eligible");
        }
        Optional<JourneyMap> map = read(journeyMap, "journey-map.json", "no funnel over stages, no NPS per stage"
                + " and no conformance; paths and discovery use touchpoints", notes, WorldFiles::readMap);
        Optional<DriverData> driverData = read(drivers, "drivers.csv", "no key drivers", notes,
                WorldFiles::readDrivers);
        Optional<ReportInput.Subjects> subjectData = read(subjects, "subjects.csv", "no survival curves", notes,
                WorldFiles::readSubjects);
        List<Segment> segmentList = read(segments, "segments.json", "no segments (and so no next-best actions)",
                notes, WorldFiles::readSegments).orElse(List.of());
        Optional<NextBestAction> catalogue = Optional.empty();
        if (actions.isPresent() && segments.isEmpty()) {
            notes.add("actions.json without segments.json: the actions name segments, so they are left out");
        } else {
            List<String> names = segmentList.stream().map(Segment::name).toList();
            catalogue = read(actions, "actions.json", "no next-best actions", notes,
                    path -> readActions(path, names));
        }
        return new ReportInput(source, eventStore, customerStore, map, driverData, subjectData, segmentList,
                catalogue, notes);
    }

    private interface FileReader<T> {
        T read(Path path) throws IOException;
    }

    private static <T> Optional<T> read(Optional<Path> path, String name, String without, List<String> notes,
            FileReader<T> reader) throws IOException {
        if (path.isEmpty()) {
            notes.add("no " + name + ": " + without);
            return Optional.empty();
        }
        try {
            return Optional.of(reader.read(path.get()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path.get() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a journey map (the JSON of {@link JourneyMap#toJson()}).
     *
     * @param path the file
     * @return the map
     * @throws IOException when the file cannot be read
     */
    public static JourneyMap readMap(Path path) throws IOException {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return JourneyMap.fromJson(reader);
        }
    }

    /**
     * Reads a drivers file: the outcome column {@value #OUTCOME_COLUMN}, and as drivers the columns after it whose
     * cell in the first row is a number (a later text column, such as a category or a comment, ends them).
     *
     * @param path the file
     * @return the ratings
     * @throws IOException when the file cannot be read
     */
    public static DriverData readDrivers(Path path) throws IOException {
        List<String> columns = header(path);
        int outcome = columns.indexOf(OUTCOME_COLUMN);
        if (outcome < 0) {
            throw new IllegalArgumentException("the header has no column " + OUTCOME_COLUMN + "; expected"
                    + " response_id,customer_id," + OUTCOME_COLUMN + ",<a column per driver>");
        }
        List<String> drivers = numericRun(path, columns, outcome + 1);
        drivers.removeAll(DRIVER_ID_COLUMNS);
        return DriverCsv.ofDefaults(OUTCOME_COLUMN, drivers).read(path);
    }

    /**
     * Reads a subjects file: durations in days from {@value #DURATION_COLUMN}, the churn flag from {@value
     * #EVENT_COLUMN}, the groups from the column after them, and as covariates the later columns whose cell in the
     * first row is a number.
     *
     * @param path the file
     * @return the subjects and their group column
     * @throws IOException when the file cannot be read
     */
    public static ReportInput.Subjects readSubjects(Path path) throws IOException {
        List<String> columns = header(path);
        int flag = columns.indexOf(EVENT_COLUMN);
        if (flag < 0 || flag + 1 >= columns.size()) {
            throw new IllegalArgumentException("the header has no group column after " + EVENT_COLUMN + "; expected "
                    + "customer_id," + DURATION_COLUMN + "," + EVENT_COLUMN + ",<group>,<covariates>");
        }
        String group = columns.get(flag + 1);
        List<String> covariates = numericRun(path, columns, flag + 2);
        return new ReportInput.Subjects(group, SurvivalCsv.custom(ChronoUnit.DAYS).durationColumn(DURATION_COLUMN)
                .eventColumn(EVENT_COLUMN).groupColumn(group).covariates(covariates.toArray(String[]::new)).build()
                .read(path));
    }

    /**
     * Reads segment definitions (the JSON of {@link SegmentJson}).
     *
     * @param path the file
     * @return the segments
     * @throws IOException when the file cannot be read
     */
    public static List<Segment> readSegments(Path path) throws IOException {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return SegmentJson.read(reader);
        }
    }

    /**
     * Reads an action catalogue (the JSON of {@link ActionJson}).
     *
     * @param path the file
     * @param segments the names of the segments that exist
     * @return the catalogue and its policy
     * @throws IOException when the file cannot be read
     */
    public static NextBestAction readActions(Path path, List<String> segments) throws IOException {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return ActionJson.read(reader, segments);
        }
    }

    /**
     * Returns the columns from {@code from} on whose cells in the first data row are numbers, up to the first that
     * is not (the cells before a text column hold no separator or quote, so splitting at commas reads them).
     */
    private static List<String> numericRun(Path path, List<String> columns, int from) throws IOException {
        List<String> run = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            reader.readLine();
            String first = reader.readLine();
            if (first == null) {
                return columns.subList(Math.min(from, columns.size()), columns.size());
            }
            String[] cells = first.split(",", -1);
            for (int i = from; i < columns.size() && i < cells.length; i++) {
                if (!cells[i].strip().matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    break;
                }
                run.add(columns.get(i));
            }
        }
        return run;
    }

    /** Returns the column names of a CSV file's header row. */
    private static List<String> header(Path path) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line == null) {
                throw new IllegalArgumentException("the file is empty; it needs a header row");
            }
            List<String> columns = new ArrayList<>();
            for (String column : line.split(",", -1)) {
                columns.add(column.strip().replace("\"", ""));
            }
            return columns;
        }
    }
}
