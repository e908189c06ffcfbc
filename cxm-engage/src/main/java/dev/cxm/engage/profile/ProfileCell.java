package dev.cxm.engage.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;

import dev.cxm.core.internal.EventTimeParts;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.engage.profile.internal.ChannelTable;
import dev.cxm.engage.profile.internal.Consents;
import dev.cxm.engage.profile.internal.EventOrder;
import dev.cxm.engage.profile.internal.TouchpointSet;
import dev.cxm.journey.track.StageVisit;
import dev.cxm.metrics.text.SentimentAnalyzer;

import org.jspecify.annotations.Nullable;

/**
 * One customer's profile as mutable state, updated in place: what {@link CustomerProfiles} keeps per customer
 * and {@link ProfileBuilder#rebuild} folds events into, so that counting an event allocates nothing that
 * outlives it (an immutable profile per event would live until the customer's next event, and the garbage
 * collector would copy every one of them). {@link #snapshot} makes the immutable {@link CustomerProfile}; it
 * equals the profile {@link ProfileBuilder#update} folds from the same record and events, in any order. Marks
 * and answers keep the event's own id, instant and amount. Not thread-safe: its owner locks.
 */
final class ProfileCell {

    private static final int CHANNELS = Channel.values().length;

    private final CustomerId customerId;
    // Each instant updated per event is kept as seconds and nanoseconds, not as a reference to the event's
    // instant: a comparison then reads no other object, and an update stores no reference (which would cost the
    // garbage collector's write barrier and card scanning once the cell is old).
    private boolean seen;
    private long firstSeenSecond;
    private int firstSeenNano;
    private long lastSeenSecond;
    private int lastSeenNano;
    private long eventCount;
    /**
     * Per channel c, its count at [3c], its last use's seconds at [3c + 1] and nanoseconds at [3c + 2]: one
     * array, so that counting an event on a channel reads one line of memory, not one in each of three arrays.
     */
    private final long[] channels = new long[3 * CHANNELS];
    private TouchpointSet touchpoints = TouchpointSet.empty();
    private long purchaseCount;
    private SpendSlot spend;
    private MarkSlot firstPurchase;
    private MarkSlot lastPurchase;
    private AnswerSlot nps;
    private AnswerSlot csat;
    private AnswerSlot ces;
    private long scoredComments;
    private BigDecimal sentimentSum = BigDecimal.ZERO;
    private Optional<StageVisit> journeyStage = Optional.empty();
    /** The record's part, made when the record is put: every snapshot shares it until the next record. */
    private RecordFields record = RecordFields.NONE;

    ProfileCell(CustomerId customerId) {
        this.customerId = customerId;
    }

    /** Takes the fields of the customer's (new) record, as {@link ProfileBuilder#withRecord} does. */
    void put(Customer customer) {
        Instant at = customer.firstSeen();
        if (!seen || EventOrder.before(at.getEpochSecond(), at.getNano(), firstSeenSecond, firstSeenNano)) {
            setFirstSeen(at.getEpochSecond(), at.getNano());
        }
        // Its consents a table, made once here: every snapshot's profile takes it as it is.
        record = new RecordFields(customer.profile(), Consents.latestPerPurpose(customer), customer.identities(),
                ImmutableSortedSet.of());
    }

    /**
     * Folds one event in; the caller checks that it is the customer's.
     *
     * @param event the event
     * @param sentiment the analyzer that scores comments, when there is one
     */
    void add(CustomerEvent event, Optional<SentimentAnalyzer> sentiment) {
        long second = EventTimeParts.epochSecond(event);
        int nano = EventTimeParts.nano(event);
        seen(second, nano);
        Touchpoint touchpoint = ProfileFold.touchpointOf(event);
        if (touchpoint != null) {
            touched(touchpoint, second, nano);
        }
        if (event instanceof Purchase purchase) {
            purchased(purchase, second, nano);
        } else if (event instanceof FeedbackResponse response) {
            int scale = ProfileFold.scaleOf(response);
            if (scale >= 0) {
                answered(scale, response, second, nano);
            }
            if (sentiment.isPresent() && response.comment().isPresent()) {
                commented(ProfileFold.compound(sentiment.get(), response));
            }
        }
    }

    /** Counts an event: the event count, first and last seen. */
    private void seen(long second, int nano) {
        if (!seen || EventOrder.before(second, nano, firstSeenSecond, firstSeenNano)) {
            setFirstSeen(second, nano);
        }
        if (eventCount == 0 || EventOrder.before(lastSeenSecond, lastSeenNano, second, nano)) {
            lastSeenSecond = second;
            lastSeenNano = nano;
        }
        eventCount++;
    }

    /** Counts a use of a touchpoint (and its channel). */
    private void touched(Touchpoint touchpoint, long second, int nano) {
        int c = 3 * touchpoint.channel().ordinal();
        if (channels[c]++ == 0 || EventOrder.before(channels[c + 1], channels[c + 2], second, nano)) {
            channels[c + 1] = second;
            channels[c + 2] = nano;
        }
        TouchpointSet more = touchpoints.plus(touchpoint.id());
        if (more != touchpoints) {
            // A reference is stored only when it changes: storing one into an old cell costs the garbage
            // collector's write barrier and a card to refine, even when it is the same reference.
            touchpoints = more;
        }
    }

    /** Counts a purchase: the count, the spend, the first and last purchase. */
    private void purchased(Purchase purchase, long second, int nano) {
        purchaseCount++;
        Money amount = purchase.amount();
        if (spend == null) {
            spend = new SpendSlot(amount.currency(), amount.amount().scale());
        }
        spend.add(amount);
        if (firstPurchase == null || firstPurchase.compareTo(second, nano, purchase.eventId()) > 0) {
            firstPurchase = MarkSlot.set(firstPurchase, purchase, second, nano);
        }
        if (lastPurchase == null || lastPurchase.compareTo(second, nano, purchase.eventId()) < 0) {
            lastPurchase = MarkSlot.set(lastPurchase, purchase, second, nano);
        }
    }

    /** Keeps an answer on scale NPS, CSAT or CES when it is the latest. */
    private void answered(int scale, FeedbackResponse response, long second, int nano) {
        if (scale == ProfileFold.NPS) {
            nps = AnswerSlot.later(nps, response, second, nano);
        } else if (scale == ProfileFold.CSAT) {
            csat = AnswerSlot.later(csat, response, second, nano);
        } else {
            ces = AnswerSlot.later(ces, response, second, nano);
        }
    }

    /** Adds a scored comment's compound sentiment. */
    private void commented(double compound) {
        scoredComments++;
        sentimentSum = sentimentSum.add(new BigDecimal(compound));
    }

    private void setFirstSeen(long second, int nano) {
        seen = true;
        firstSeenSecond = second;
        firstSeenNano = nano;
    }

    /** Sets the current journey stage, as the stage tracker reports it. */
    void journeyStage(Optional<StageVisit> stage) {
        this.journeyStage = stage;
    }

    /** Returns the immutable profile of what was counted so far. */
    CustomerProfile snapshot() {
        ChannelTable table = ChannelTable.of(channels);
        return new CustomerProfile(customerId, seen ? firstSeenSecond : 0, seen ? firstSeenNano : CustomerProfile.ABSENT,
                eventCount > 0 ? lastSeenSecond : 0, eventCount > 0 ? lastSeenNano : CustomerProfile.ABSENT,
                eventCount, table.usedMask(), table.uses(), touchpoints.ids(), purchases(), answers(), record,
                journeyStage, Optional.empty());
    }

    private PurchaseHistory purchases() {
        return purchaseCount == 0 ? PurchaseHistory.NONE : new PurchaseHistory(purchaseCount,
                SpendSlot.totals(spend), MarkSlot.mark(firstPurchase), MarkSlot.mark(lastPurchase));
    }

    private FeedbackAnswers answers() {
        return nps == null && csat == null && ces == null && scoredComments == 0 ? FeedbackAnswers.NONE
                : new FeedbackAnswers(AnswerSlot.answer(nps), AnswerSlot.answer(csat), AnswerSlot.answer(ces),
                        scoredComments, sentimentSum);
    }

    /**
     * Reads what counting {@code event} reads, for a caller that reads ahead: the cell, its channel columns
     * and the event's instant and touchpoint.
     *
     * @return a sum of what was read, of no use but to keep the loads
     */
    long readAhead(CustomerEvent event) {
        // The event's own fields are read by touchpointOf below; its instant is not made here (add makes it).
        long sink = eventCount;
        Touchpoint touchpoint = ProfileFold.touchpointOf(event);
        if (touchpoint != null) {
            sink += channels[3 * touchpoint.channel().ordinal()] + touchpoints.firstHash();
        }
        if (event instanceof Purchase) {
            if (spend != null) {
                sink += spend.purchases;
            }
            if (firstPurchase != null) {
                sink += firstPurchase.second + lastPurchase.second;
            }
        } else if (event instanceof FeedbackResponse && nps != null) {
            sink += nps.second;
        }
        return sink;
    }

    /** A purchase mark: the purchase's own id, instant and amount, replaced in place. */
    private static final class MarkSlot {
        // The instant also as seconds and nanoseconds, so that a comparison reads no other object.
        private long second;
        private int nano;
        private EventId eventId;
        private Instant at;
        private Money amount;

        static MarkSlot set(@Nullable MarkSlot slot, Purchase purchase, long second, int nano) {
            MarkSlot target = slot == null ? new MarkSlot() : slot;
            target.second = second;
            target.nano = nano;
            target.eventId = purchase.eventId();
            target.at = purchase.occurredAt();
            target.amount = purchase.amount();
            return target;
        }

        /** Orders this mark's purchase before, at or after the given instant and event id. */
        int compareTo(long otherSecond, int otherNano, EventId otherEventId) {
            return EventOrder.compare(second, nano, eventId, otherSecond, otherNano, otherEventId);
        }

        static Optional<PurchaseMark> mark(MarkSlot slot) {
            return slot == null ? Optional.empty() : Optional.of(new PurchaseMark(slot.eventId, slot.at, slot.amount));
        }
    }

    /** The latest answer on one scale, replaced in place; empty until the first. */
    private static final class AnswerSlot {
        private long second;
        private int nano;
        private @Nullable EventId eventId;
        private String surveyId;
        private int score;
        private Instant at;

        /** Returns the slot holding the later of its answer and {@code response}: {@code slot}, or a new one. */
        static AnswerSlot later(@Nullable AnswerSlot slot, FeedbackResponse response, long second, int nano) {
            AnswerSlot target = slot == null ? new AnswerSlot() : slot;
            if (target.eventId != null
                    && EventOrder.compare(second, nano, response.eventId(), target.second, target.nano,
                            target.eventId) <= 0) {
                return target;
            }
            target.second = second;
            target.nano = nano;
            target.eventId = response.eventId();
            target.surveyId = response.surveyId();
            target.score = response.score();
            target.at = response.occurredAt();
            return target;
        }

        static Optional<LatestAnswer> answer(AnswerSlot slot) {
            return slot == null ? Optional.empty()
                    : Optional.of(new LatestAnswer(slot.eventId, slot.surveyId, slot.score, slot.at));
        }
    }

    /**
     * The purchases and spend in one currency, with a link to the next currency's, in the order the currencies
     * were first used: a customer's usual one currency is one object. A total is kept as an unscaled long and a
     * scale while it fits, so that adding an amount allocates nothing that stays; beyond that, as a
     * {@link BigDecimal}.
     */
    private static final class SpendSlot {
        private final Currency currency;
        private final int scale;
        private long purchases;
        private long unscaled;
        private @Nullable BigDecimal exact;
        private @Nullable SpendSlot next;

        SpendSlot(Currency currency, int scale) {
            this.currency = currency;
            this.scale = scale;
        }

        void add(Money money) {
            SpendSlot slot = this;
            while (!slot.currency.equals(money.currency())) {
                if (slot.next == null) {
                    slot.next = new SpendSlot(money.currency(), money.amount().scale());
                }
                slot = slot.next;
            }
            slot.purchases++;
            BigDecimal amount = money.amount();
            if (slot.exact == null && amount.scale() == slot.scale && amount.precision() < 19) {
                long sum = slot.unscaled + amount.unscaledValue().longValue();
                if (sum >= 0) {
                    slot.unscaled = sum;
                    return;
                }
            }
            BigDecimal total = slot.exact != null ? slot.exact : BigDecimal.valueOf(slot.unscaled, slot.scale);
            slot.exact = total.add(amount);
        }

        static Map<Currency, SpendTotal> totals(@Nullable SpendSlot first) {
            if (first == null) {
                return ImmutableMap.of();
            }
            ImmutableMap.Builder<Currency, SpendTotal> totals = ImmutableMap.builder();
            for (SpendSlot slot = first; slot != null; slot = slot.next) {
                BigDecimal total = slot.exact != null ? slot.exact : BigDecimal.valueOf(slot.unscaled, slot.scale);
                totals.put(slot.currency, new SpendTotal(slot.purchases, new Money(total, slot.currency)));
            }
            return totals.build();
        }
    }
}
