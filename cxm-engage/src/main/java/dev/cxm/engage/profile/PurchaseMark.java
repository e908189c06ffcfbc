package dev.cxm.engage.profile;

import java.time.Instant;
import java.util.Comparator;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;

/**
 * One purchase a profile remembers (the first or the last): its event id, instant and amount.
 *
 * @param eventId the purchase event's id
 * @param at when it was placed
 * @param amount what it was worth
 */
public record PurchaseMark(EventId eventId, Instant at, Money amount) {

    /** Orders marks by instant, then event id: the order in which "first" and "last" are decided. */
    static final Comparator<PurchaseMark> ORDER = Comparator.comparing(PurchaseMark::at)
            .thenComparing(PurchaseMark::eventId);

    /**
     * Validates the mark.
     *
     * @param eventId the purchase event's id
     * @param at when it was placed
     * @param amount what it was worth
     */
    public PurchaseMark {
        Checks.present("eventId", eventId);
        Checks.present("at", at);
        Checks.present("amount", amount);
    }

    /**
     * Returns the mark of a purchase.
     *
     * @param purchase the purchase
     * @return its mark
     */
    static PurchaseMark of(Purchase purchase) {
        return new PurchaseMark(purchase.eventId(), purchase.occurredAt(), purchase.amount());
    }
}
