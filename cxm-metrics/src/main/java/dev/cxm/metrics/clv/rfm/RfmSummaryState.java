package dev.cxm.metrics.clv.rfm;

import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.cxm.core.accumulate.AccumulatorState;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.metrics.clv.rfm.internal.PeriodClock;

/**
 * The state of an {@link RfmSummarizer}: its options and every purchase it keeps, column by column (one
 * array per field, not one object per purchase), so that it serialises compactly as JSON, travels between
 * partitions and machines, and a summarizer {@linkplain RfmSummarizer#restore(RfmSummaryState) restored} from
 * it continues where the original stood.
 *
 * <p>Purchase {@code i} is by {@code customers[purchaseCustomers[i]]}, at {@code times[i]}, of
 * {@code amounts[i]} (when the purchases have amounts). A time is the purchase's key on the options' clock:
 * with a purchase period, the number of that period since the epoch in the options' zone (days since
 * 1970-01-01; weeks since the one starting Monday 1969-12-29; months as {@code 12 * year + month - 1};
 * years as the year; seconds, minutes and hours since the epoch on the zone's standard offset); in
 * continuous time, nanoseconds since the epoch. Purchases at or after the end of the summary were dropped on
 * arrival and are not kept.
 *
 * <p>As JSON, format version {@value #FORMAT_VERSION}:
 * {@code {"formatVersion":1,"options":{...},"currency":"EUR","withAmounts":true,"customers":["a","b"],
 * "purchaseCustomers":[0,1,0],"times":[9862,9870,9875],"amounts":[10.0,5.5,20.0]}}; {@code currency} is absent
 * when the purchases were not {@code Purchase} events, {@code withAmounts} before the first purchase.
 *
 * @param options the options of the summarizer
 * @param currency the currency of the purchases, when they were {@code Purchase} events
 * @param withAmounts whether the purchases have amounts; empty before the first purchase
 * @param customers the customers, each once, in the order they first appeared
 * @param purchaseCustomers per purchase, its customer's position in {@code customers}
 * @param times per purchase, its key on the options' clock
 * @param amounts per purchase, its amount (finite, 0 or more); empty without amounts
 */
@JsonPropertyOrder({"formatVersion", "options", "currency", "withAmounts", "customers", "purchaseCustomers", "times",
        "amounts"})
public record RfmSummaryState(RfmSummaryOptions options, Optional<Currency> currency, Optional<Boolean> withAmounts,
        List<CustomerId> customers, int[] purchaseCustomers, long[] times, double[] amounts)
        implements AccumulatorState {

    /** The current version of the JSON form. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Validates the state (every purchase names a listed customer, every customer has a purchase, every time
     * lies before the end of the summary, amounts are given for all purchases or none) and copies the arrays,
     * so that the record is immutable.
     *
     * @param options the options of the summarizer
     * @param currency the currency of the purchases, when they were {@code Purchase} events
     * @param withAmounts whether the purchases have amounts; empty before the first purchase
     * @param customers the customers, each once, in the order they first appeared
     * @param purchaseCustomers per purchase, its customer's position in {@code customers}
     * @param times per purchase, its key on the options' clock
     * @param amounts per purchase, its amount (finite, 0 or more); empty without amounts
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public RfmSummaryState {
        Checks.present("options", options);
        Checks.present("currency", currency);
        Checks.present("withAmounts", withAmounts);
        customers = List.copyOf(Checks.present("customers", customers));
        purchaseCustomers = Checks.present("purchaseCustomers", purchaseCustomers).clone();
        times = Checks.present("times", times).clone();
        amounts = Checks.present("amounts", amounts).clone();
        Set<CustomerId> distinct = new HashSet<>(customers);
        if (distinct.size() != customers.size()) {
            throw new IllegalArgumentException("customers: " + (customers.size() - distinct.size())
                    + " listed more than once; each customer is listed once");
        }
        int purchases = purchaseCustomers.length;
        if (times.length != purchases) {
            throw new IllegalArgumentException("times: " + times.length + " entries for " + purchases
                    + " purchases; there is one time per purchase");
        }
        boolean amountsGiven = withAmounts.orElse(false);
        if (amounts.length != (amountsGiven ? purchases : 0)) {
            throw new IllegalArgumentException("amounts: " + amounts.length + " entries for " + purchases
                    + " purchases " + (amountsGiven ? "with" : "without") + " amounts; there is one amount per purchase"
                    + " when they have amounts, else none");
        }
        if (withAmounts.isEmpty() && purchases > 0) {
            throw new IllegalArgumentException("withAmounts: absent for " + purchases + " purchases; it says whether"
                    + " they have amounts");
        }
        if (currency.isPresent() && !amountsGiven) {
            throw new IllegalArgumentException("currency: " + currency.get().getCurrencyCode() + " is given for"
                    + " purchases without amounts");
        }
        boolean[] seen = new boolean[customers.size()];
        for (int customer : purchaseCustomers) {
            if (customer < 0 || customer >= seen.length) {
                throw new IllegalArgumentException("purchaseCustomers: " + customer + " is not a position in the "
                        + seen.length + " customers");
            }
            seen[customer] = true;
        }
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                throw new IllegalArgumentException("customers: customer " + customers.get(i) + " has no purchase;"
                        + " a summarizer lists only customers it kept a purchase of");
            }
        }
        PeriodClock clock = options.clock();
        long end = clock.key(options.holdoutEnd().orElse(options.calibrationEnd()));
        boolean compact = clock.compactKeys();
        for (long time : times) {
            if (time >= end || compact && time < Integer.MIN_VALUE) {
                throw new IllegalArgumentException("times: " + time + " is not the key of a purchase before the end"
                        + " of the summary; purchases at or after it are not kept");
            }
        }
        for (double amount : amounts) {
            Checks.nonNegative("amounts", amount);
        }
    }

    /**
     * Reads a state written in any format version up to {@link #FORMAT_VERSION}; Jackson's entry point.
     *
     * @param formatVersion the version of the JSON form
     * @param options the summarizer's options
     * @param currency the purchases' currency, or null
     * @param withAmounts whether the purchases have amounts, or null before the first purchase
     * @param customers the customers
     * @param purchaseCustomers per purchase, its customer's position
     * @param times per purchase, its key
     * @param amounts per purchase, its amount; null or empty without amounts
     * @return the state
     * @throws IllegalArgumentException when the version is unknown or the columns are inconsistent
     */
    @JsonCreator
    static RfmSummaryState fromJson(@JsonProperty("formatVersion") int formatVersion,
            @JsonProperty("options") RfmSummaryOptions options, @JsonProperty("currency") Optional<Currency> currency,
            @JsonProperty("withAmounts") Optional<Boolean> withAmounts,
            @JsonProperty("customers") List<CustomerId> customers,
            @JsonProperty("purchaseCustomers") int[] purchaseCustomers, @JsonProperty("times") long[] times,
            @JsonProperty("amounts") double[] amounts) {
        AccumulatorState.requireReadable("RfmSummaryState", formatVersion, FORMAT_VERSION);
        return new RfmSummaryState(options, currency == null ? Optional.empty() : currency,
                withAmounts == null ? Optional.empty() : withAmounts, customers, purchaseCustomers, times,
                amounts == null ? new double[0] : amounts);
    }

    @Override
    @JsonProperty("formatVersion")
    public int formatVersion() {
        return FORMAT_VERSION;
    }

    /**
     * Returns a copy of the customer position of each purchase.
     *
     * @return the positions
     */
    @Override
    public int[] purchaseCustomers() {
        return purchaseCustomers.clone();
    }

    /**
     * Returns a copy of the time key of each purchase.
     *
     * @return the keys
     */
    @Override
    public long[] times() {
        return times.clone();
    }

    /**
     * Returns a copy of the amount of each purchase; empty without amounts.
     *
     * @return the amounts
     */
    @Override
    public double[] amounts() {
        return amounts.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RfmSummaryState state && options.equals(state.options)
                && currency.equals(state.currency) && withAmounts.equals(state.withAmounts)
                && customers.equals(state.customers) && Arrays.equals(purchaseCustomers, state.purchaseCustomers)
                && Arrays.equals(times, state.times) && Arrays.equals(amounts, state.amounts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(options, currency, withAmounts, customers, Arrays.hashCode(purchaseCustomers),
                Arrays.hashCode(times), Arrays.hashCode(amounts));
    }

    @Override
    public String toString() {
        return "RfmSummaryState[options=" + options + ", currency=" + currency + ", withAmounts=" + withAmounts
                + ", customers=" + customers.size() + ", purchases=" + times.length + "]";
    }
}
