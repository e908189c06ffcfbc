package dev.cxm.engage.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.ConsentRecord;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Identity;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.engage.profile.internal.ChannelTable;
import dev.cxm.engage.profile.internal.Consents;
import dev.cxm.engage.profile.internal.TouchpointSet;
import dev.cxm.journey.track.StageVisit;
import dev.cxm.metrics.text.SentimentAnalyzer;

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
    private final long[] channelCounts = new long[CHANNELS];
    private final long[] channelLastSecond = new long[CHANNELS];
    private final int[] channelLastNano = new int[CHANNELS];
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
    private Map<String, String> attributes = ImmutableMap.of();
    private Map<String, ConsentRecord> consents = ImmutableMap.of();
    private Set<Identity> identities = ImmutableSet.of();

    ProfileCell(CustomerId customerId) {
        this.customerId = customerId;
    }

    /** Takes the fields of the customer's (new) record, as {@link ProfileBuilder#withRecord} does. */
    void put(Customer customer) {
        Instant at = customer.firstSeen();
        if (!seen || before(at.getEpochSecond(), at.getNano(), firstSeenSecond, firstSeenNano)) {
            setFirstSeen(at.getEpochSecond(), at.getNano());
        }
        attributes = customer.profile();
        consents = Consents.latestPerPurpose(customer);
        identities = customer.identities();
    }

    /** Counts one event, as {@link ProfileBuilder#update} does; the caller checks that it is the customer's. */
    void add(CustomerEvent event, Optional<SentimentAnalyzer> sentiment) {
        Instant at = event.occurredAt();
        long second = at.getEpochSecond();
        int nano = at.getNano();
        if (!seen || before(second, nano, firstSeenSecond, firstSeenNano)) {
            setFirstSeen(second, nano);
        }
        if (eventCount == 0 || before(lastSeenSecond, lastSeenNano, second, nano)) {
            lastSeenSecond = second;
            lastSeenNano = nano;
        }
        eventCount++;
        Optional<Touchpoint> touchpoint = event.atTouchpoint();
        if (touchpoint.isPresent()) {
            int channel = touchpoint.get().channel().ordinal();
            if (channelCounts[channel]++ == 0
                    || before(channelLastSecond[channel], channelLastNano[channel], second, nano)) {
                channelLastSecond[channel] = second;
                channelLastNano[channel] = nano;
            }
            TouchpointSet more = touchpoints.plus(touchpoint.get().id());
            if (more != touchpoints) {
                // A reference is stored only when it changes: storing one into an old cell costs the garbage
                // collector's write barrier and a card to refine, even when it is the same reference.
                touchpoints = more;
            }
        }
        if (event instanceof Purchase purchase) {
            purchaseCount++;
            if (spend == null) {
                spend = new SpendSlot();
            }
            spend.add(purchase.amount());
            if (firstPurchase == null || ProfileBuilder.compare(at, purchase.eventId(), firstPurchase.at,
                    firstPurchase.eventId) < 0) {
                firstPurchase = MarkSlot.set(firstPurchase, purchase);
            }
            if (lastPurchase == null || ProfileBuilder.compare(at, purchase.eventId(), lastPurchase.at,
                    lastPurchase.eventId) > 0) {
                lastPurchase = MarkSlot.set(lastPurchase, purchase);
            }
        } else if (event instanceof FeedbackResponse response) {
            FeedbackScale scale = response.scale();
            if (scale.equals(FeedbackScale.NPS)) {
                if (nps == null) {
                    nps = new AnswerSlot();
                }
                nps.later(response);
            } else if (scale.equals(FeedbackScale.CSAT)) {
                if (csat == null) {
                    csat = new AnswerSlot();
                }
                csat.later(response);
            } else if (scale.equals(FeedbackScale.CES)) {
                if (ces == null) {
                    ces = new AnswerSlot();
                }
                ces.later(response);
            }
            if (sentiment.isPresent() && response.comment().isPresent()) {
                scoredComments++;
                sentimentSum = sentimentSum.add(new BigDecimal(sentiment.get().score(response.comment().get())
                        .compound()));
            }
        }
    }

    private void setFirstSeen(long second, int nano) {
        seen = true;
        firstSeenSecond = second;
        firstSeenNano = nano;
    }

    private static boolean before(long second, int nano, long otherSecond, int otherNano) {
        return second < otherSecond || second == otherSecond && nano < otherNano;
    }

    /** Sets the current journey stage, as the stage tracker reports it. */
    void journeyStage(Optional<StageVisit> stage) {
        this.journeyStage = stage;
    }

    /** Returns the immutable profile of what was counted so far. */
    CustomerProfile snapshot() {
        Instant[] channelLastUsed = new Instant[CHANNELS];
        for (int i = 0; i < CHANNELS; i++) {
            if (channelCounts[i] > 0) {
                channelLastUsed[i] = Instant.ofEpochSecond(channelLastSecond[i], channelLastNano[i]);
            }
        }
        return new CustomerProfile(customerId,
                seen ? Optional.of(Instant.ofEpochSecond(firstSeenSecond, firstSeenNano)) : Optional.empty(),
                eventCount > 0 ? Optional.of(Instant.ofEpochSecond(lastSeenSecond, lastSeenNano)) : Optional.empty(),
                eventCount, ChannelTable.of(channelCounts, channelLastUsed), touchpoints, purchaseCount,
                SpendSlot.totals(spend), MarkSlot.mark(firstPurchase), MarkSlot.mark(lastPurchase),
                AnswerSlot.answer(nps), AnswerSlot.answer(csat), AnswerSlot.answer(ces), scoredComments,
                sentimentSum, journeyStage, Optional.empty(), attributes, consents, identities,
                ImmutableSortedSet.of());
    }

    /**
     * Reads what counting {@code event} reads, for a caller that reads ahead: the cell, its channel columns
     * and the event's instant and touchpoint.
     *
     * @return a sum of what was read, of no use but to keep the loads
     */
    long readAhead(CustomerEvent event) {
        long sink = eventCount + channelCounts[0] + channelLastSecond[0] + channelLastNano[0]
                + event.occurredAt().getNano();
        Optional<Touchpoint> touchpoint = event.atTouchpoint();
        if (touchpoint.isPresent()) {
            sink += touchpoint.get().channel().ordinal() + touchpoints.firstHash();
        }
        if (event instanceof Purchase && spend != null) {
            sink += spend.purchases[0];
        } else if (event instanceof FeedbackResponse && nps != null) {
            sink += nps.score;
        }
        return sink;
    }

    /** A purchase mark: the purchase's own id, instant and amount, replaced in place. */
    private static final class MarkSlot {
        private EventId eventId;
        private Instant at;
        private Money amount;

        static MarkSlot set(MarkSlot slot, Purchase purchase) {
            MarkSlot target = slot == null ? new MarkSlot() : slot;
            target.eventId = purchase.eventId();
            target.at = purchase.occurredAt();
            target.amount = purchase.amount();
            return target;
        }

        static Optional<PurchaseMark> mark(MarkSlot slot) {
            return slot == null ? Optional.empty() : Optional.of(new PurchaseMark(slot.eventId, slot.at, slot.amount));
        }
    }

    /** The latest answer on one scale, replaced in place; empty until the first. */
    private static final class AnswerSlot {
        private EventId eventId;
        private String surveyId;
        private int score;
        private Instant at;

        void later(FeedbackResponse response) {
            if (eventId != null && ProfileBuilder.compare(response.occurredAt(), response.eventId(), at,
                    eventId) <= 0) {
                return;
            }
            eventId = response.eventId();
            surveyId = response.surveyId();
            score = response.score();
            at = response.occurredAt();
        }

        static Optional<LatestAnswer> answer(AnswerSlot slot) {
            return slot == null ? Optional.empty()
                    : Optional.of(new LatestAnswer(slot.eventId, slot.surveyId, slot.score, slot.at));
        }
    }

    /**
     * The purchases and spend per currency, in the order the currencies were first used. A total is kept as an
     * unscaled long and a scale while it fits, so that adding an amount allocates nothing that stays; beyond
     * that, as a {@link BigDecimal}.
     */
    private static final class SpendSlot {
        private Currency[] currencies = new Currency[1];
        private long[] purchases = new long[1];
        private long[] unscaled = new long[1];
        private int[] scales = new int[1];
        private BigDecimal[] exact = new BigDecimal[1];
        private int size;

        void add(Money money) {
            int i = 0;
            while (i < size && !currencies[i].equals(money.currency())) {
                i++;
            }
            if (i == size) {
                if (size == currencies.length) {
                    currencies = java.util.Arrays.copyOf(currencies, size + 1);
                    purchases = java.util.Arrays.copyOf(purchases, size + 1);
                    unscaled = java.util.Arrays.copyOf(unscaled, size + 1);
                    scales = java.util.Arrays.copyOf(scales, size + 1);
                    exact = java.util.Arrays.copyOf(exact, size + 1);
                }
                currencies[i] = money.currency();
                scales[i] = money.amount().scale();
                size++;
            }
            purchases[i]++;
            BigDecimal amount = money.amount();
            if (exact[i] == null && amount.scale() == scales[i] && amount.precision() < 19) {
                long sum = unscaled[i] + amount.unscaledValue().longValue();
                if (sum >= 0) {
                    unscaled[i] = sum;
                    return;
                }
            }
            BigDecimal total = exact[i] != null ? exact[i] : BigDecimal.valueOf(unscaled[i], scales[i]);
            exact[i] = total.add(amount);
        }

        static Map<Currency, SpendTotal> totals(SpendSlot slot) {
            if (slot == null) {
                return ImmutableMap.of();
            }
            ImmutableMap.Builder<Currency, SpendTotal> totals = ImmutableMap.builderWithExpectedSize(slot.size);
            for (int i = 0; i < slot.size; i++) {
                BigDecimal total = slot.exact[i] != null ? slot.exact[i]
                        : BigDecimal.valueOf(slot.unscaled[i], slot.scales[i]);
                totals.put(slot.currencies[i], new SpendTotal(slot.purchases[i], new Money(total, slot.currencies[i])));
            }
            return totals.build();
        }
    }
}
