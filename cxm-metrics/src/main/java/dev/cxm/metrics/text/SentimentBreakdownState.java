package dev.cxm.metrics.text;

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
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * The state of a {@link SentimentBreakdownAccumulator}: the {@link SentimentTally} of the texts overall, per
 * period, per group and per group and period, with what identifies the breakdown that counted them (group key
 * name, period and zone; the thresholds are in each tally), so that a state never continues under another
 * grouping or calendar.
 *
 * <p>The constructor accepts only states a breakdown can produce: every tally by the overall tally's
 * thresholds; periods only with a period length, each keyed by the first day of a period, spanning at most
 * {@value dev.cxm.metrics.feedback.FeedbackBreakdown#MAX_PERIODS} periods; groups only with a group key; and the
 * parts adding up to their totals, count by count and sum by sum.
 *
 * <p>As JSON (through {@code CxmJson.mapper()}): {@code {"formatVersion":1,"groupKey":"channel","period":"WEEK",
 * "zone":"Europe/Berlin","overall":{...},"periods":{"2026-03-02":{...}},"groups":{"web":{"overall":{...},
 * "periods":{...}}}}}; format version {@value #FORMAT_VERSION}.
 *
 * @param groupKey the name of the breakdown's group key; empty without groups
 * @param period the length of the breakdown's periods; empty without a trend
 * @param zone the zone whose calendar cuts the periods
 * @param overall every counted text
 * @param periods the texts per period, by the period's first day
 * @param groups the texts per group, by the group's name
 */
@JsonPropertyOrder({"formatVersion", "groupKey", "period", "zone", "overall", "periods", "groups"})
public record SentimentBreakdownState(Optional<String> groupKey, Optional<CalendarPeriod> period, ZoneId zone,
        SentimentTally overall, SortedMap<LocalDate, SentimentTally> periods, SortedMap<String, Group> groups)
        implements AccumulatorState {

    /** The current version of the JSON form. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Validates the state and copies the maps, so that the record is immutable.
     *
     * @param groupKey the name of the breakdown's group key; empty without groups
     * @param period the length of the breakdown's periods; empty without a trend
     * @param zone the zone whose calendar cuts the periods
     * @param overall every counted text
     * @param periods the texts per period, by the period's first day
     * @param groups the texts per group, by the group's name
     * @throws IllegalArgumentException naming the field and the rule when the state is inconsistent
     */
    public SentimentBreakdownState {
        Checks.present("groupKey", groupKey);
        Checks.present("period", period);
        Checks.present("zone", zone);
        Checks.present("overall", overall);
        periods = requirePeriods("periods", periods, period, overall);
        groups = Collections.unmodifiableSortedMap(new TreeMap<>(Checks.present("groups", groups)));
        if (groupKey.isEmpty() && !groups.isEmpty()) {
            throw new IllegalArgumentException("groups: " + groups.size() + " groups without a groupKey; a breakdown"
                    + " without a group key has no groups");
        }
        SentimentTally sum = empty(overall);
        for (Map.Entry<String, Group> entry : groups.entrySet()) {
            String field = "groups[" + entry.getKey() + "]";
            Group group = Checks.present(field, entry.getValue());
            overall.requireSameThresholds(group.overall());
            requirePeriods(field + ".periods", group.periods(), period, group.overall());
            sum = sum.plus(group.overall());
        }
        if (!groups.isEmpty()) {
            requireSum("groups", sum, overall);
        }
    }

    /**
     * One group's texts: overall and per period.
     *
     * @param overall the group's texts
     * @param periods the group's texts per period, by the period's first day
     */
    public record Group(SentimentTally overall, SortedMap<LocalDate, SentimentTally> periods) {

        /**
         * Validates the group and copies the periods.
         *
         * @param overall the group's texts
         * @param periods the group's texts per period, by the period's first day
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
     * @param groupKey the group key's name, or null without groups
     * @param period the period length, or null without a trend
     * @param zone the zone
     * @param overall every counted text
     * @param periods the texts per period, or null for none
     * @param groups the texts per group, or null for none
     * @return the state
     * @throws IllegalArgumentException when the version is unknown or the state is inconsistent
     */
    @JsonCreator
    public static SentimentBreakdownState fromJson(@JsonProperty("formatVersion") int formatVersion,
            @JsonProperty("groupKey") Optional<String> groupKey, @JsonProperty("period") Optional<CalendarPeriod> period,
            @JsonProperty("zone") ZoneId zone, @JsonProperty("overall") SentimentTally overall,
            @JsonProperty("periods") SortedMap<LocalDate, SentimentTally> periods,
            @JsonProperty("groups") SortedMap<String, Group> groups) {
        AccumulatorState.requireReadable("SentimentBreakdownState", formatVersion, FORMAT_VERSION);
        return new SentimentBreakdownState(groupKey == null ? Optional.empty() : groupKey,
                period == null ? Optional.empty() : period, zone, overall, periods == null ? new TreeMap<>() : periods,
                groups == null ? new TreeMap<>() : groups);
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

    private static SentimentTally empty(SentimentTally like) {
        return SentimentTally.empty(like.neutralBand(), like.strongNegativeThreshold());
    }

    private static SortedMap<LocalDate, SentimentTally> requirePeriods(String field,
            SortedMap<LocalDate, SentimentTally> periods, Optional<CalendarPeriod> period, SentimentTally total) {
        SortedMap<LocalDate, SentimentTally> copy = Collections.unmodifiableSortedMap(
                new TreeMap<>(Checks.present(field, periods)));
        if (copy.isEmpty()) {
            return copy;
        }
        if (period.isEmpty()) {
            throw new IllegalArgumentException(field + ": " + copy.size() + " periods without a period length;"
                    + " a breakdown without a trend has no periods");
        }
        CalendarPeriod length = period.get();
        SentimentTally sum = empty(total);
        for (Map.Entry<LocalDate, SentimentTally> entry : copy.entrySet()) {
            LocalDate start = entry.getKey();
            if (!length.startOf(start).equals(start)) {
                throw new IllegalArgumentException(field + ": " + start + " does not start a "
                        + length.name().toLowerCase(Locale.ROOT) + "; it would be " + length.startOf(start));
            }
            SentimentTally tally = Checks.present(field + "[" + start + "]", entry.getValue());
            total.requireSameThresholds(tally);
            sum = sum.plus(tally);
        }
        SentimentBreakdown.requireSpan(length, copy.firstKey(), copy.lastKey());
        requireSum(field, sum, total);
        return copy;
    }

    private static void requireSum(String field, SentimentTally parts, SentimentTally total) {
        if (!parts.equals(total)) {
            throw new IllegalArgumentException(field + ": the parts count " + parts.n() + " texts (and their sums) but"
                    + " their total " + total.n() + "; the parts of a breakdown add up to it");
        }
    }
}
