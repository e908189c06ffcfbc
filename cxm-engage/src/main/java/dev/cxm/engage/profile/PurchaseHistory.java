package dev.cxm.engage.profile;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.google.common.collect.ImmutableMap;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.EventTimeParts;
import dev.cxm.core.model.Purchase;
import dev.cxm.engage.profile.internal.Frozen;
import dev.cxm.engage.profile.internal.InstantParts;

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
     * @param first the earliest purchase (by instant, then event id); present exactly when the count is above 0
     * @param last the latest purchase (by instant, then event id); present exactly when the count is above 0
     * @throws IllegalArgumentException when the count is negative, or the fields do not fit together: a count of
     *     0 with a spend or a mark, a count above 0 without a first or last purchase, a spend whose purchases do
     *     not add up to the count, a first purchase after the last, or a first or last purchase that its
     *     currency's total cannot include (two distinct ones in one currency: both)
     */
    public PurchaseHistory(long count, Map<Currency, SpendTotal> spend, Optional<PurchaseMark> first,
            Optional<PurchaseMark> last) {
        this(CustomerProfile.requireCount("count", count), Frozen.map(Checks.present("spend", spend)),
                Checks.present("first", first).orElse(null), InstantParts.secondOf(first.map(PurchaseMark::at)),
                InstantParts.nanoOf(first.map(PurchaseMark::at), 0), Checks.present("last", last).orElse(null),
                InstantParts.secondOf(last.map(PurchaseMark::at)), InstantParts.nanoOf(last.map(PurchaseMark::at), 0));
        requireConsistent();
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
     * Throws unless the fields fit together as every history of purchases does: the marks are there exactly when
     * there are purchases, the spend counts each purchase once, the first is not after the last, and the totals
     * include the marks (amounts are never negative). Rules a history folded from purchases always meets; what
     * the fields cannot tell (whether the marks are the extremes of the purchases counted) is not checked.
     */
    private void requireConsistent() {
        if (count == 0) {
            if (!spend.isEmpty()) {
                throw new IllegalArgumentException("spend: holds " + spend.size() + " currencies while count is 0; a"
                        + " history without purchases has no spend");
            }
            requireNoMark("first", first);
            requireNoMark("last", last);
            return;
        }
        PurchaseMark earliest = requireMark("first", first);
        PurchaseMark latest = requireMark("last", last);
        long counted = 0;
        for (SpendTotal total : spend.values()) {
            counted += total.purchases();
        }
        if (counted != count) {
            throw new IllegalArgumentException("spend: counts " + counted + " purchases over its currencies while count"
                    + " is " + count + "; each purchase is counted in its one currency");
        }
        if (PurchaseMark.ORDER.compare(earliest, latest) > 0) {
            throw new IllegalArgumentException("first: purchase " + earliest.eventId() + " comes after the last"
                    + " purchase " + latest.eventId() + " (by instant, then event id); the first is the earliest");
        }
        SpendTotal firstTotal = requireIncluded("first", earliest);
        requireIncluded("last", latest);
        if (!earliest.eventId().equals(latest.eventId()) && earliest.amount().currency()
                .equals(latest.amount().currency())) {
            BigDecimal both = earliest.amount().amount().add(latest.amount().amount());
            if (firstTotal.purchases() < 2 || firstTotal.total().amount().compareTo(both) < 0) {
                String currency = earliest.amount().currency().getCurrencyCode();
                throw new IllegalArgumentException("spend: the total in " + currency + " (" + firstTotal.purchases()
                        + " purchases, " + firstTotal.total() + ") cannot include both the first purchase "
                        + earliest.eventId() + " and the last purchase " + latest.eventId() + " ("
                        + both.toPlainString() + " " + currency + " together); the total includes both");
            }
        }
    }

    private void requireNoMark(String field, @Nullable PurchaseMark mark) {
        if (mark != null) {
            throw new IllegalArgumentException(field + ": is purchase " + mark.eventId() + " while count is 0; a"
                    + " history without purchases has no first or last purchase");
        }
    }

    private PurchaseMark requireMark(String field, @Nullable PurchaseMark mark) {
        if (mark == null) {
            throw new IllegalArgumentException(field + ": is empty while count is " + count + "; a history with"
                    + " purchases has a first and a last purchase");
        }
        return mark;
    }

    /** Returns the total of the mark's currency, which must count the mark's amount. */
    private SpendTotal requireIncluded(String field, PurchaseMark mark) {
        Currency currency = mark.amount().currency();
        SpendTotal total = spend.get(currency);
        if (total == null) {
            throw new IllegalArgumentException(field + ": purchase " + mark.eventId() + " is in "
                    + currency.getCurrencyCode() + ", in which the spend counts no purchase; the spend counts every"
                    + " purchase");
        }
        if (total.total().amount().compareTo(mark.amount().amount()) < 0) {
            throw new IllegalArgumentException(field + ": purchase " + mark.eventId() + " of " + mark.amount()
                    + " exceeds the spend's total of " + total.total() + " in " + currency.getCurrencyCode()
                    + "; the total includes it");
        }
        return total;
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
