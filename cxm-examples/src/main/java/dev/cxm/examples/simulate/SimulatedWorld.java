package dev.cxm.examples.simulate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The files of a world {@link WorldSimulator#writeTo written} into one folder, and how much they hold.
 *
 * @param directory the folder
 * @param customers {@code customers.ndjson}: one {@code dev.cxm.core.model.Customer} per line (cxm JSON)
 * @param eventsCsv {@code events.csv}: every event in cxm's CSV columns, plus {@code wait_seconds},
 *     {@code plan} and {@code campaign}
 * @param eventsNdjson {@code events.ndjson}: the same events as cxm JSON, one per line
 * @param journeyMap {@code journey-map.json}: the designed journey map ({@code JourneyMap.toJson})
 * @param drivers {@code drivers.csv}: one row per NPS response, with the driver ratings
 * @param subjects {@code subjects.csv}: one row per member, for the survival commands
 * @param segments {@code segments.json}: segment definitions ({@code SegmentJson})
 * @param actions {@code actions.json}: a next-best-action catalogue over those segments ({@code ActionJson})
 * @param truth {@code truth.json}: the generating parameters, each with its unit
 * @param customerCount the customers simulated
 * @param customerRecords the lines of {@code customers.ndjson}: the customers and the second ids of some
 * @param eventCount the events, in each of the two event files
 */
public record SimulatedWorld(
        Path directory,
        Path customers,
        Path eventsCsv,
        Path eventsNdjson,
        Path journeyMap,
        Path drivers,
        Path subjects,
        Path segments,
        Path actions,
        Path truth,
        int customerCount,
        long customerRecords,
        long eventCount) {

    /** The name of the customers file. */
    public static final String CUSTOMERS = "customers.ndjson";
    /** The name of the CSV events file. */
    public static final String EVENTS_CSV = "events.csv";
    /** The name of the NDJSON events file. */
    public static final String EVENTS_NDJSON = "events.ndjson";
    /** The name of the journey map file. */
    public static final String JOURNEY_MAP = "journey-map.json";
    /** The name of the key-driver file. */
    public static final String DRIVERS = "drivers.csv";
    /** The name of the survival subjects file. */
    public static final String SUBJECTS = "subjects.csv";
    /** The name of the segment definitions file. */
    public static final String SEGMENTS = "segments.json";
    /** The name of the action catalogue file. */
    public static final String ACTIONS = "actions.json";
    /** The name of the truth file. */
    public static final String TRUTH = "truth.json";

    /**
     * Checks that every path is present and the counts are not negative.
     *
     * @param directory the folder
     * @param customers {@code customers.ndjson}
     * @param eventsCsv {@code events.csv}
     * @param eventsNdjson {@code events.ndjson}
     * @param journeyMap {@code journey-map.json}
     * @param drivers {@code drivers.csv}
     * @param subjects {@code subjects.csv}
     * @param segments {@code segments.json}
     * @param actions {@code actions.json}
     * @param truth {@code truth.json}
     * @param customerCount the customers simulated
     * @param customerRecords the lines of {@code customers.ndjson}
     * @param eventCount the events
     * @throws IllegalArgumentException when a count is negative
     */
    public SimulatedWorld {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(eventsCsv, "eventsCsv");
        Objects.requireNonNull(eventsNdjson, "eventsNdjson");
        Objects.requireNonNull(journeyMap, "journeyMap");
        Objects.requireNonNull(drivers, "drivers");
        Objects.requireNonNull(subjects, "subjects");
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(truth, "truth");
        if (customerCount < 0 || customerRecords < 0 || eventCount < 0) {
            throw new IllegalArgumentException("counts: a count is negative; counts are 0 or more");
        }
    }

    /**
     * Returns the files of a world in {@code directory}, with the given counts.
     *
     * @param directory the folder
     * @param customerCount the customers simulated
     * @param customerRecords the lines of {@code customers.ndjson}
     * @param eventCount the events
     * @return the world
     */
    static SimulatedWorld in(Path directory, int customerCount, long customerRecords, long eventCount) {
        return new SimulatedWorld(directory, directory.resolve(CUSTOMERS), directory.resolve(EVENTS_CSV),
                directory.resolve(EVENTS_NDJSON), directory.resolve(JOURNEY_MAP), directory.resolve(DRIVERS),
                directory.resolve(SUBJECTS), directory.resolve(SEGMENTS), directory.resolve(ACTIONS),
                directory.resolve(TRUTH), customerCount,
                customerRecords, eventCount);
    }
}
