package dev.cxm.metrics.churn;

import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.accumulate.AccumulatorState;
import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * The state of a cohort count ({@link CohortAccumulator}): for each customer, the calendar periods they
 * were active in. Everything a cohort table is made of, and nothing else: the cohort basis, the base of the
 * shares and the columns kept apply when the table is made, so one state serves every kind of table of
 * the same periods.
 *
 * <p>Periods are numbered, per {@code period} in {@code zone}: a day by its epoch day (1970-01-01 is 0), an
 * ISO week by the weeks since the week of Monday 1970-01-05 (which is 0), a month as
 * {@code 12 * year + month - 1} (January 2025 is 24300), a quarter as {@code 4 * year + quarter - 1}.
 *
 * <p>As JSON, format version {@value #FORMAT_VERSION}:
 * {@code {"formatVersion":1,"period":"MONTH","zone":"Europe/Berlin","customers":{"a":[24300,24301],"b":[24300]}}},
 * customers in the order of their ids.
 *
 * @param period the calendar period the activity is counted in
 * @param zone the zone the periods are cut in
 * @param customers per customer id, the numbers of the periods they were active in: at least one,
 *     strictly ascending
 */
@JsonPropertyOrder({"formatVersion", "period", "zone", "customers"})
public record CohortActivity(CalendarPeriod period, ZoneId zone, Map<String, List<Integer>> customers)
        implements AccumulatorState {

    /** The current version of the JSON form. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Validates the state and copies it, customers in the order of their ids.
     *
     * @param period the calendar period the activity is counted in
     * @param zone the zone the periods are cut in
     * @param customers per customer id, the numbers of the periods they were active in: at least one,
     *     strictly ascending
     * @throws IllegalArgumentException if an id is blank or too long, or a customer's periods are empty or not
     *     strictly ascending
     */
    public CohortActivity {
        Checks.present("period", period);
        Checks.present("zone", zone);
        SortedMap<String, List<Integer>> copy = new TreeMap<>();
        for (Map.Entry<String, List<Integer>> entry : Checks.present("customers", customers).entrySet()) {
            String id = Checks.identifier("customers", entry.getKey());
            List<Integer> periods = List.copyOf(Checks.present("customers", entry.getValue()));
            if (periods.isEmpty()) {
                throw new IllegalArgumentException("customers: customer " + id + " has no active period; a"
                        + " customer is in the state only when active in one");
            }
            for (int i = 1; i < periods.size(); i++) {
                if (periods.get(i) <= periods.get(i - 1)) {
                    throw new IllegalArgumentException("customers: the periods of customer " + id + " are not"
                            + " strictly ascending at position " + i);
                }
            }
            copy.put(id, periods);
        }
        customers = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * Reads a state written in any format version up to {@link #FORMAT_VERSION}; Jackson's entry point.
     *
     * @param formatVersion the version of the JSON form
     * @param period the calendar period
     * @param zone the zone
     * @param customers the active periods per customer id
     * @return the state
     * @throws IllegalArgumentException when the version is unknown or the periods are malformed
     */
    @JsonCreator
    static CohortActivity fromJson(@JsonProperty("formatVersion") int formatVersion,
            @JsonProperty("period") CalendarPeriod period, @JsonProperty("zone") ZoneId zone,
            @JsonProperty("customers") Map<String, List<Integer>> customers) {
        AccumulatorState.requireReadable("CohortActivity", formatVersion, FORMAT_VERSION);
        return new CohortActivity(period, zone, customers);
    }

    @Override
    @JsonProperty("formatVersion")
    public int formatVersion() {
        return FORMAT_VERSION;
    }

    /** Returns the period, zone and number of customers, such as {@code MONTH in UTC, 3 customers}. */
    @Override
    public String toString() {
        return period + " in " + zone + ", " + customers.size() + " customers";
    }
}
