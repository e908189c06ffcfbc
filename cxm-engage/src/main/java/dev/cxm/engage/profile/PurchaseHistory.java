package dev.cxm.engage.profile;

import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.google.common.collect.ImmutableMap;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.EventTimeParts;
import dev.cxm.core.model.Purchase;
import dev.cxm.engage.profile.internal.Frozen;

import org.jspecify.annotations.Nullable;

/**
 * The purchases part of a {@link CustomerProfile}: how many, the spend per currency, the first and the last. A
 * profile update that is not a purchase keeps this part as it is, shared with the profile before. A value (a
 * final class with value {@code equals}, as a record): the first and last purchase are held without an
 * {@code Optional} around them, which an update would read and make, and their instants also as seconds and
 * nanoseconds, so that an update compares a purchase with them without reading the marks.
 */
public final class PurchaseHistory {

    /** The history without purchases. */
    static final PurchaseHistory NONE = new PurchaseHistory(0, ImmutableMap.of(), null, 0, 0, null, 0, 0);

    private final long count;
    private final Map<Currency, SpendTotal> spend;
    private final @Nullable PurchaseMark first;
    private final @Nullable PurchaseMark last;
    /** The instants of {@link #first} and {@link #last} (0 when there is none), read by {@link #plus}. */
    private final long firstSecond;
    private final int firstNano;
    private final long lastSecond;
    private final int lastNano;

    /**
     * Validates the history and freezes the spend (a map already immutable is kept).
     *
     * @param count the number of purchases; 0 or more
     * @param spend per currency, the number of purchases and their total, in the order the currencies were first
     *     used
     * @param first the earliest purchase
     * @param last the latest purchase
     * @throws IllegalArgumentException when the count is negative
     */
    public PurchaseHistory(long count, Map<Currency, SpendTotal> spend, Optional<PurchaseMark> first,
            Optional<PurchaseMark> last) {
        this(CustomerProfile.requireCount("count", count), Frozen.map(Checks.present("spend", spend)),
                Checks.present("first", first).orElse(null), first.map(mark -> mark.at().getEpochSecond()).orElse(0L),
                first.map(mark -> mark.at().getNano()).orElse(0), Checks.present("last", last).orElse(null),
                last.map(mark -> mark.at().getEpochSecond()).orElse(0L),
                last.map(mark -> mark.at().getNano()).orElse(0));
    }

    /**
     * Makes a history of valid fields, unchecked: the path of {@link #plus}, from a valid history and purchase.
     * Each mark comes with its instant's seconds and nanoseconds (0 without the mark).
     */
    private PurchaseHistory(long count, Map<Currency, SpendTotal> spend, @Nullable PurchaseMark first,
            long firstSecond, int firstNano, @Nullable PurchaseMark last, long lastSecond, int lastNano) {
        this.count = count;
        this.spend = spend;
        this.first = first;
        this.firstSecond = firstSecond;
        this.firstNano = firstNano;
        this.last = last;
        this.lastSecond = lastSecond;
        this.lastNano = lastNano;
    }

    /**
     * Returns the history without purchases.
     *
     * @return the empty history
     */
    public static PurchaseHistory none() {
        return NONE;
    }

    /**
     * Returns the number of purchases.
     *
     * @return the count
     */
    public long count() {
        return count;
    }

    /**
     * Returns per currency the number of purchases and their total, in the order the currencies were first used.
     *
     * @return the spend per currency
     */
    public Map<Currency, SpendTotal> spend() {
        return spend;
    }

    /**
     * Returns the earliest purchase.
     *
     * @return its mark; empty without purchases
     */
    public Optional<PurchaseMark> first() {
        return Optional.ofNullable(first);
    }

    /**
     * Returns the latest purchase.
     *
     * @return its mark; empty without purchases
     */
    public Optional<PurchaseMark> last() {
        return Optional.ofNullable(last);
    }

    /**
     * Returns this history with one more purchase; a mark is made only when the purchase is the first or the last
     * so far.
     *
     * @param purchase the purchase
     * @param second its instant's epoch seconds
     * @param nano its instant's nanoseconds
     * @return the history with it
     */
    PurchaseHistory plus(Purchase purchase, long second, int nano) {
        PurchaseMark mark = null;
        PurchaseMark earliest = first;
        long earliestSecond = firstSecond;
        int earliestNano = firstNano;
        // By instant first: the marks (their event ids) are read only for a purchase at the same instant.
        int toFirst = EventTimeParts.compare(second, nano, firstSecond, firstNano);
        if (earliest == null || toFirst < 0 || toFirst == 0 && purchase.eventId().compareTo(earliest.eventId()) < 0) {
            mark = PurchaseMark.of(purchase);
            earliest = mark;
            earliestSecond = second;
            earliestNano = nano;
        }
        PurchaseMark latest = last;
        long latestSecond = lastSecond;
        int latestNano = lastNano;
        int toLast = EventTimeParts.compare(second, nano, lastSecond, lastNano);
        if (latest == null || toLast > 0 || toLast == 0 && purchase.eventId().compareTo(latest.eventId()) > 0) {
            latest = mark != null ? mark : PurchaseMark.of(purchase);
            latestSecond = second;
            latestNano = nano;
        }
        return new PurchaseHistory(count + 1, withPurchase(spend, purchase), earliest, earliestSecond, earliestNano,
                latest, latestSecond, latestNano);
    }

    /**
     * Returns whether {@code other} is a history with equal fields.
     *
     * @param other the object to compare with
     * @return whether both are the same history
     */
    @Override
    public boolean equals(@Nullable Object other) {
        return this == other || other instanceof PurchaseHistory that && count == that.count
                && spend.equals(that.spend) && Objects.equals(first, that.first) && Objects.equals(last, that.last);
    }

    /**
     * Returns a hash of the fields, consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(count, spend, first(), last());
    }

    /**
     * Returns the fields as a record would, such as {@code PurchaseHistory[count=0, spend={}, first=Optional.empty,
     * last=Optional.empty]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "PurchaseHistory[count=" + count + ", spend=" + spend + ", first=" + first() + ", last=" + last() + "]";
    }

    private static Map<Currency, SpendTotal> withPurchase(Map<Currency, SpendTotal> spend,
            Purchase purchase) {
        Currency currency = purchase.amount().currency();
        SpendTotal total = spend.get(currency);
        SpendTotal updated = total == null ? new SpendTotal(1, purchase.amount()) : total.plus(purchase.amount());
        if (spend.isEmpty() || spend.size() == 1 && total != null) {
            return ImmutableMap.of(currency, updated);
        }
        // In the order the currencies were first used, this one replaced or added last.
        ImmutableMap.Builder<Currency, SpendTotal> copy = ImmutableMap.builderWithExpectedSize(spend.size() + 1);
        spend.forEach((each, sum) -> copy.put(each, each.equals(currency) ? updated : sum));
        if (total == null) {
            copy.put(currency, updated);
        }
        return copy.build();
    }
}
