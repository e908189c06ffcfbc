package dev.cxm.core.store;

import java.time.ZoneId;
import java.util.Optional;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.internal.Checks;

/**
 * How {@link EventStore#feedbackHistogram} splits its counts: by the group of a {@link GroupKey}, by the
 * calendar day of each response in a time zone, by both, or not at all.
 *
 * <pre>{@code
 * ScoreGrouping.by(GroupKeys.channel())                      // per channel
 * ScoreGrouping.overall().perDay(ZoneId.of("Europe/Berlin")) // per day in Berlin
 * }</pre>
 *
 * <p>A store that can compute the built-in keys of {@link dev.cxm.core.group.GroupKeys} in its database
 * does so; with any other key it counts by reading the responses, with the same result.
 *
 * @param key the key whose group ({@link GroupKey#groupOf}) each count is split by; empty for no groups
 * @param dayZone the zone whose calendar days each count is split by; empty for no days
 */
public record ScoreGrouping(Optional<GroupKey> key, Optional<ZoneId> dayZone) {

    private static final ScoreGrouping OVERALL = new ScoreGrouping(Optional.empty(), Optional.empty());

    /**
     * Validates the grouping.
     *
     * @param key the key whose group each count is split by; empty for no groups
     * @param dayZone the zone whose calendar days each count is split by; empty for no days
     * @throws NullPointerException when a component is null
     */
    public ScoreGrouping {
        Checks.present("key", key);
        Checks.present("dayZone", dayZone);
    }

    /**
     * Returns the grouping that splits nothing: one count per scale point.
     *
     * @return the grouping
     */
    public static ScoreGrouping overall() {
        return OVERALL;
    }

    /**
     * Returns the grouping by the group of {@code key}.
     *
     * @param key the key, such as {@code GroupKeys.channel()}
     * @return the grouping
     * @throws NullPointerException when {@code key} is null
     */
    public static ScoreGrouping by(GroupKey key) {
        return new ScoreGrouping(Optional.of(Checks.present("key", key)), Optional.empty());
    }

    /**
     * Returns this grouping split by calendar day in {@code zone} too.
     *
     * @param zone the zone whose calendar cuts the days
     * @return the grouping with days
     * @throws NullPointerException when {@code zone} is null
     */
    public ScoreGrouping perDay(ZoneId zone) {
        return new ScoreGrouping(key, Optional.of(Checks.present("zone", zone)));
    }
}
