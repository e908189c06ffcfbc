package dev.cxm.metrics.feedback;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.accumulate.AccumulatorState;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * The state of a {@link BreakdownAccumulator}: the {@link ScoreDistribution} of the counted responses
 * overall, per period, per group and per group and period, with what identifies the breakdown that counted
 * them (scale, group key name, period and zone), so that a state is never continued under another grouping
 * or calendar.
 *
 * <p>The constructor accepts only states a breakdown can produce: every distribution on {@code scale};
 * periods only with a period length, each keyed by the first day of a period, spanning at most
 * {@value FeedbackBreakdown#MAX_PERIODS} periods; groups only with a group key; and the parts adding up: per
 * scale point, the groups' counts and the periods' counts (overall and within each group) sum to the
 * counts they break down.
 *
 * <p>As JSON (through {@code CxmJson.mapper()}): {@code {"formatVersion":1,"scale":{...},"groupKey":"channel",
 * "period":"WEEK","zone":"Europe/Berlin","overall":{...},"periods":{"2026-03-02":{...}},"groups":{"web":
 * {"overall":{...},"periods":{...}}},"otherScales":0}}; format version {@value #FORMAT_VERSION}.
 *
 * @param scale the metric's scale
 * @param groupKey the name of the breakdown's group key; empty without groups
 * @param period the length of the breakdown's periods; empty without a trend
 * @param zone the zone whose calendar cuts the periods
 * @param overall every counted response
 * @param periods the responses per period, by the period's first day
 * @param groups the responses per group, by the group's name
 * @param otherScales responses skipped because they were on another scale
 */
@JsonPropertyOrder({"formatVersion", "scale", "groupKey", "period", "zone", "overall", "periods", "groups",
        "otherScales"})
public record BreakdownState(FeedbackScale scale, Optional<String> groupKey, Optional<CalendarPeriod> period,
        ZoneId zone, ScoreDistribution overall, SortedMap<LocalDate, ScoreDistribution> periods,
        SortedMap<String, Group> groups, long otherScales) implements AccumulatorState {

    /** The current version of the JSON form. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Validates the state and copies the maps, so that the record is immutable.
     *
     * @param scale the metric's scale
     * @param groupKey the name of the breakdown's group key; empty without groups
     * @param period the length of the breakdown's periods; empty without a trend
     * @param zone the zone whose calendar cuts the periods
     * @param overall every counted response
     * @param periods the responses per period, by the period's first day
     * @param groups the responses per group, by the group's name
     * @param otherScales responses skipped because they were on another scale
     * @throws IllegalArgumentException naming the field and the rule when a value is invalid
     */
    public BreakdownState {
        Checks.present("scale", scale);
        Checks.present("groupKey", groupKey);
        Checks.present("period", period);
        Checks.present("zone", zone);
        requireOnScale("overall", overall, scale);
        periods = requirePeriods("periods", periods, scale, period, overall);
        groups = Collections.unmodifiableSortedMap(new TreeMap<>(Checks.present("groups", groups)));
        if (groupKey.isEmpty() && !groups.isEmpty()) {
            throw new IllegalArgumentException("groups: " + groups.size() + " groups without a groupKey; a breakdown"
                    + " without a group key has no groups");
        }
        long[] groupCounts = new long[scale.points()];
        for (Map.Entry<String, Group> entry : groups.entrySet()) {
            String field = "groups[" + entry.getKey() + "]";
            Group group = Checks.present(field, entry.getValue());
            requireOnScale(field + ".overall", group.overall(), scale);
            requirePeriods(field + ".periods", group.periods(), scale, period, group.overall());
            addCounts(groupCounts, group.overall());
        }
        if (!groups.isEmpty()) {
            requireSum("groups", groupCounts, overall);
        }
        if (otherScales < 0) {
            throw new IllegalArgumentException("otherScales: " + otherScales + " is negative; it must be 0 or more");
        }
    }

    /**
     * One group's responses: overall and per period.
     *
     * @param overall the group's responses
     * @param periods the group's responses per period, by the period's first day
     */
    public record Group(ScoreDistribution overall, SortedMap<LocalDate, ScoreDistribution> periods) {

        /**
         * Validates the group and copies the periods.
         *
         * @param overall the group's responses
         * @param periods the group's responses per period, by the period's first day
         */
        public Group {
            Checks.present("overall", overall);
            periods = Collections.unmodifiableSortedMap(new TreeMap<>(Checks.present("periods", periods)));
        }
    }

    /**
     * Reads a state written in any format version up to {@link #FORMAT_VERSION}; Jackson's entry point.
     *
     * @param formatVersion the version of the JSON form
     * @param scale the scale
     * @param groupKey the group key's name, or null without groups
     * @param period the period length, or null without a trend
     * @param zone the zone
     * @param overall every counted response
     * @param periods the responses per period, or null for none
     * @param groups the responses per group, or null for none
     * @param otherScales responses on other scales
     * @return the state
     * @throws IllegalArgumentException when the version is unknown or the state is inconsistent
     */
    @JsonCreator
    static BreakdownState fromJson(@JsonProperty("formatVersion") int formatVersion,
            @JsonProperty("scale") FeedbackScale scale, @JsonProperty("groupKey") Optional<String> groupKey,
            @JsonProperty("period") Optional<CalendarPeriod> period, @JsonProperty("zone") ZoneId zone,
            @JsonProperty("overall") ScoreDistribution overall,
            @JsonProperty("periods") SortedMap<LocalDate, ScoreDistribution> periods,
            @JsonProperty("groups") SortedMap<String, Group> groups, @JsonProperty("otherScales") long otherScales) {
        AccumulatorState.requireReadable("BreakdownState", formatVersion, FORMAT_VERSION);
        return new BreakdownState(scale, groupKey == null ? Optional.empty() : groupKey,
                period == null ? Optional.empty() : period, zone, overall, periods == null ? new TreeMap<>() : periods,
                groups == null ? new TreeMap<>() : groups, otherScales);
    }

    /**
     * Returns the version of this state's format.
     *
     * @return {@value #FORMAT_VERSION}
     */
    @Override
    @JsonProperty("formatVersion")
    public int formatVersion() {
        return FORMAT_VERSION;
    }

    private static void requireOnScale(String field, ScoreDistribution distribution, FeedbackScale scale) {
        Checks.present(field, distribution);
        if (!distribution.scale().equals(scale)) {
            throw new IllegalArgumentException(field + ": a distribution on " + distribution.scale() + " in a state on "
                    + scale + "; every part of a breakdown is on the metric's scale");
        }
    }

    private static SortedMap<LocalDate, ScoreDistribution> requirePeriods(String field,
            SortedMap<LocalDate, ScoreDistribution> periods, FeedbackScale scale, Optional<CalendarPeriod> period,
            ScoreDistribution total) {
        SortedMap<LocalDate, ScoreDistribution> copy = Collections.unmodifiableSortedMap(
                new TreeMap<>(Checks.present(field, periods)));
        if (copy.isEmpty()) {
            return copy;
        }
        if (period.isEmpty()) {
            throw new IllegalArgumentException(field + ": " + copy.size() + " periods without a period length;"
                    + " a breakdown without a trend has no periods");
        }
        CalendarPeriod length = period.get();
        long[] counts = new long[scale.points()];
        for (Map.Entry<LocalDate, ScoreDistribution> entry : copy.entrySet()) {
            LocalDate start = entry.getKey();
            if (!length.startOf(start).equals(start)) {
                throw new IllegalArgumentException(field + ": " + start + " does not start a "
                        + length.name().toLowerCase(Locale.ROOT) + "; it would be " + length.startOf(start));
            }
            requireOnScale(field + "[" + start + "]", entry.getValue(), scale);
            addCounts(counts, entry.getValue());
        }
        FeedbackBreakdown.requireSpan(length, copy.firstKey(), copy.lastKey());
        requireSum(field, counts, total);
        return copy;
    }

    private static void addCounts(long[] into, ScoreDistribution distribution) {
        long[] counts = distribution.counts();
        for (int i = 0; i < into.length; i++) {
            into[i] = ScoreDistribution.addCounts(into[i], counts[i], distribution.scale().min() + i);
        }
    }

    private static void requireSum(String field, long[] parts, ScoreDistribution total) {
        long[] counts = total.counts();
        for (int i = 0; i < counts.length; i++) {
            if (parts[i] != counts[i]) {
                throw new IllegalArgumentException(field + ": " + parts[i] + " responses at score "
                        + (total.scale().min() + i) + " in the parts, but " + counts[i] + " in their total; the parts"
                        + " of a breakdown add up to it");
            }
        }
    }
}
