package dev.cxm.engage.profile;

import java.util.Currency;
import java.util.Map;
import java.util.Optional;

import com.google.common.collect.ImmutableMap;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.Purchase;
import dev.cxm.engage.profile.internal.EventOrder;
import dev.cxm.engage.profile.internal.Frozen;

/**
 * The purchases part of a {@link CustomerProfile}: how many, the spend per currency, the first and the last. A
 * profile update that is not a purchase keeps this part as it is, shared with the profile before.
 *
 * @param count the number of purchases
 * @param spend per currency, the number of purchases and their total, in the order the currencies were first used
 * @param first the earliest purchase
 * @param last the latest purchase
 */
public record PurchaseHistory(long count, Map<Currency, SpendTotal> spend, Optional<PurchaseMark> first,
        Optional<PurchaseMark> last) {

    /** The history without purchases. */
    static final PurchaseHistory NONE = new PurchaseHistory(0, ImmutableMap.of(), Optional.empty(),
            Optional.empty());

    /**
     * Validates the history and freezes the spend (a map already immutable is kept).
     *
     * @param count the number of purchases; 0 or more
     * @param spend the spend per currency
     * @param first the earliest purchase
     * @param last the latest purchase
     * @throws IllegalArgumentException when the count is negative
     */
    public PurchaseHistory {
        CustomerProfile.requireCount("count", count);
        spend = Frozen.map(Checks.present("spend", spend));
        Checks.present("first", first);
        Checks.present("last", last);
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
     * Returns this history with one more purchase; a mark is made only when the purchase is the first or the last
     * so far.
     *
     * @param purchase the purchase
     * @param second its instant's epoch seconds
     * @param nano its instant's nanoseconds
     * @return the history with it
     */
    PurchaseHistory plus(Purchase purchase, long second, int nano) {
        Optional<PurchaseMark> earliest = first;
        if (earliest.isEmpty() || EventOrder.compare(second, nano, purchase.eventId(), earliest.get().at(),
                earliest.get().eventId()) < 0) {
            earliest = Optional.of(PurchaseMark.of(purchase));
        }
        Optional<PurchaseMark> latest = last;
        if (latest.isEmpty() || EventOrder.compare(second, nano, purchase.eventId(), latest.get().at(),
                latest.get().eventId()) > 0) {
            latest = Optional.of(PurchaseMark.of(purchase));
        }
        return new PurchaseHistory(count + 1, withPurchase(spend, purchase), earliest, latest);
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
