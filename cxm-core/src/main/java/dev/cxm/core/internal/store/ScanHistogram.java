package dev.cxm.core.internal.store;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.store.ScoreCount;
import dev.cxm.core.store.ScoreGrouping;

/** Counts a feedback histogram by reading the responses: the default of {@code EventStore.feedbackHistogram}. */
public final class ScanHistogram {

    private ScanHistogram() {}

    /** A cell before it is counted. */
    private record Cell(Optional<String> group, Optional<LocalDate> day, FeedbackScale scale, int score) {}

    /**
     * Returns the histogram of {@code responses} under {@code grouping}, in {@link ScoreCount#ORDER}.
     *
     * @throws IllegalArgumentException naming the response when its instant has no date in the zone
     */
    public static List<ScoreCount> count(Iterator<FeedbackResponse> responses, ScoreGrouping grouping) {
        Map<Cell, long[]> counts = new HashMap<>();
        while (responses.hasNext()) {
            FeedbackResponse response = responses.next();
            Optional<String> group = grouping.key().map(key -> key.groupOf(response));
            Optional<LocalDate> day = grouping.dayZone().map(zone -> dayOf(response, zone));
            counts.computeIfAbsent(new Cell(group, day, response.scale(), response.score()), cell -> new long[1])[0]++;
        }
        List<ScoreCount> cells = new ArrayList<>(counts.size());
        counts.forEach((cell, count) -> cells.add(new ScoreCount(cell.group(), cell.day(), cell.scale(), cell.score(),
                count[0])));
        cells.sort(ScoreCount.ORDER);
        return cells;
    }

    private static LocalDate dayOf(FeedbackResponse response, ZoneId zone) {
        try {
            return LocalDate.ofInstant(response.occurredAt(), zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("occurredAt: response " + response.eventId() + " at "
                    + response.occurredAt() + " has no date in the zone " + zone, e);
        }
    }
}
