package dev.cxm.examples.report;

import java.util.List;
import java.util.Optional;

import dev.cxm.core.store.CustomerStore;
import dev.cxm.core.store.EventStore;
import dev.cxm.engage.action.NextBestAction;
import dev.cxm.engage.segment.Segment;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.metrics.drivers.DriverData;
import dev.cxm.metrics.survival.SurvivalData;

/**
 * What {@link CxAnalysis} analyses: the events (in any store: memory, H2, PostgreSQL), the customer records, and
 * what a world may have beside them. Only the events are needed; each part of the report whose input is missing
 * is left out, with a note.
 *
 * @param source where the events came from, for the report's heading
 * @param events the events
 * @param customers the customer records (consents and identities), possibly empty
 * @param map the designed journey map
 * @param drivers the driver ratings of the survey respondents (outcome and drivers)
 * @param subjects one row per customer for survival analysis, with the column its groups come from
 * @param segments the segment definitions
 * @param actions the next-best-action catalogue and its contact policy
 * @param notes what was left out while reading, and why
 */
public record ReportInput(String source, EventStore events, CustomerStore customers, Optional<JourneyMap> map,
        Optional<DriverData> drivers, Optional<Subjects> subjects, List<Segment> segments,
        Optional<NextBestAction> actions, List<String> notes) {

    /**
     * Checks the parts and copies the lists.
     *
     * @param source where the events came from
     * @param events the events
     * @param customers the customer records
     * @param map the journey map
     * @param drivers the driver ratings
     * @param subjects the survival subjects
     * @param segments the segment definitions
     * @param actions the action catalogue
     * @param notes what was left out
     */
    public ReportInput {
        Values.present("source", source);
        Values.present("events", events);
        Values.present("customers", customers);
        Values.present("map", map);
        Values.present("drivers", drivers);
        Values.present("subjects", subjects);
        segments = List.copyOf(segments);
        Values.present("actions", actions);
        notes = List.copyOf(notes);
    }

    /**
     * The subjects of survival analysis and the column their groups come from.
     *
     * @param groupColumn the group column's name
     * @param data the subjects
     */
    public record Subjects(String groupColumn, SurvivalData data) {
    }
}
