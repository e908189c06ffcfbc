package dev.cxm.engage.profile;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import com.google.common.collect.ImmutableMap;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.ConsentRecord;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Identity;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.TouchpointId;
import dev.cxm.engage.profile.internal.ChannelTable;
import dev.cxm.engage.profile.internal.TouchpointSet;
import dev.cxm.journey.track.StageVisit;

/**
 * The Customer 360 profile: one immutable view of a customer, assembled by a {@link ProfileBuilder} from the
 * customer record and their events, and (through {@link IdentityResolution}) from the records and events of
 * the customers linked to them.
 *
 * <p>What every event changes (first and last seen, the count, channels and touchpoints) is held here; the rest
 * in parts that an event of another kind leaves alone: {@link PurchaseHistory} (purchases), {@link FeedbackAnswers}
 * (answers and comment sentiment) and {@link RecordFields} (what the customer records say, which no event
 * changes). A profile updated from another shares the parts the event did not touch. The parts' fields are
 * also read here, one accessor each ({@link #purchaseCount()}, {@link #latestNps()}, {@link #attributes()},
 * ...).
 *
 * <p>Every event-derived field is independent of the order the events arrived in: counts and sums add, first
 * and last are the minimum and maximum by instant and then event id, and sums of sentiment are kept exact. So
 * a profile updated event by event equals the profile rebuilt from the store.
 *
 * @param customerId the customer (the canonical id of a linked group: the smallest)
 * @param firstSeen the earliest of the record's first-seen instant and the events; empty without either
 * @param lastSeen the instant of the latest event; empty without events
 * @param eventCount the number of events
 * @param channels for each channel on whose touchpoints events happened, their count and latest instant
 * @param touchpoints the touchpoints events happened at
 * @param purchases the purchases: count, spend per currency, first and last
 * @param answers the latest NPS, CSAT and CES answers and the comments' sentiment
 * @param recordFields the record's attributes, consents and identities, and the customers linked
 * @param journeyStage the current journey stage and when it was entered, when a journey map is tracked
 * @param clv the CLV estimate, when the profile was valued with fitted models
 */
public record CustomerProfile(
        CustomerId customerId,
        Optional<Instant> firstSeen,
        Optional<Instant> lastSeen,
        long eventCount,
        Map<Channel, ChannelUse> channels,
        Set<TouchpointId> touchpoints,
        PurchaseHistory purchases,
        FeedbackAnswers answers,
        RecordFields recordFields,
        Optional<StageVisit> journeyStage,
        Optional<ClvEstimate> clv) {

    /**
     * Validates the profile and freezes its collections (collections already immutable are kept, so that an
     * update costs constant time).
     *
     * @param customerId the customer
     * @param firstSeen the earliest instant seen
     * @param lastSeen the latest event's instant
     * @param eventCount the number of events; 0 or more
     * @param channels the use of each channel
     * @param touchpoints the touchpoints used
     * @param purchases the purchases
     * @param answers the answers
     * @param recordFields the record's fields and the customers linked
     * @param journeyStage the current journey stage
     * @param clv the CLV estimate
     * @throws IllegalArgumentException when the event count is negative or the profile links its own id
     */
    public CustomerProfile {
        Checks.present("customerId", customerId);
        Checks.present("firstSeen", firstSeen);
        Checks.present("lastSeen", lastSeen);
        requireCount("eventCount", eventCount);
        channels = ChannelTable.copyOf(Checks.present("channels", channels));
        touchpoints = TouchpointSet.copyOf(Checks.present("touchpoints", touchpoints));
        Checks.present("purchases", purchases);
        Checks.present("answers", answers);
        Checks.present("recordFields", recordFields);
        Checks.present("journeyStage", journeyStage);
        Checks.present("clv", clv);
        if (recordFields.linkedCustomerIds().contains(customerId)) {
            throw new IllegalArgumentException("recordFields.linkedCustomerIds: holds the profile's own id " + customerId
                    + "; it lists the other customers");
        }
    }

    /**
     * Returns the number of purchases.
     *
     * @return the count
     */
    public long purchaseCount() {
        return purchases.count();
    }

    /**
     * Returns per currency the number of purchases and their total, in the order the currencies were first used.
     *
     * @return the spend per currency
     */
    public Map<Currency, SpendTotal> spend() {
        return purchases.spend();
    }

    /**
     * Returns the earliest purchase.
     *
     * @return its mark; empty without purchases
     */
    public Optional<PurchaseMark> firstPurchase() {
        return purchases.first();
    }

    /**
     * Returns the latest purchase.
     *
     * @return its mark; empty without purchases
     */
    public Optional<PurchaseMark> lastPurchase() {
        return purchases.last();
    }

    /**
     * Returns the latest answer on the NPS scale ({@code FeedbackScale.NPS}).
     *
     * @return the answer; empty without one
     */
    public Optional<LatestAnswer> latestNps() {
        return answers.latestNps();
    }

    /**
     * Returns the latest answer on the CSAT scale.
     *
     * @return the answer; empty without one
     */
    public Optional<LatestAnswer> latestCsat() {
        return answers.latestCsat();
    }

    /**
     * Returns the latest answer on the CES scale.
     *
     * @return the answer; empty without one
     */
    public Optional<LatestAnswer> latestCes() {
        return answers.latestCes();
    }

    /**
     * Returns the number of comments scored for sentiment (zero without an analyzer).
     *
     * @return the count
     */
    public long scoredComments() {
        return answers.scoredComments();
    }

    /**
     * Returns the exact sum of the scored comments' compound sentiment.
     *
     * @return the sum
     */
    public BigDecimal sentimentSum() {
        return answers.sentimentSum();
    }

    /**
     * Returns the customer record's profile attributes.
     *
     * @return the attributes
     */
    public Map<String, String> attributes() {
        return recordFields.attributes();
    }

    /**
     * Returns per purpose the latest consent decision recorded.
     *
     * @return the decisions keyed by purpose
     */
    public Map<String, ConsentRecord> consents() {
        return recordFields.consents();
    }

    /**
     * Returns the identities of the customer (and of the customers linked to them).
     *
     * @return the identities
     */
    public Set<Identity> identities() {
        return recordFields.identities();
    }

    /**
     * Returns the other customers linked to this one by a shared identity, in id order.
     *
     * @return their ids
     */
    public Set<CustomerId> linkedCustomerIds() {
        return recordFields.linkedCustomerIds();
    }

    static void requireCount(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + ": " + value + " is negative; it must be 0 or more");
        }
    }

    /**
     * Returns the NPS category of the latest NPS answer.
     *
     * @return promoter, passive or detractor; empty without an NPS answer
     */
    public Optional<NpsCategory> npsCategory() {
        return answers.npsCategory();
    }

    /**
     * Returns the channel the customer used most; of channels used equally often, the one used last, then the
     * first in {@link Channel}'s order.
     *
     * @return the preferred channel; empty when no event had a touchpoint
     */
    public Optional<Channel> preferredChannel() {
        return Optional.ofNullable(((ChannelTable) channels).preferred());
    }

    /**
     * Returns the mean compound sentiment of the customer's scored comments.
     *
     * @return the mean, -1 to 1; empty when no comment was scored
     */
    public OptionalDouble meanSentiment() {
        return answers.meanSentiment();
    }

    /**
     * Returns the total spend per currency.
     *
     * @return each currency's total
     */
    public Map<Currency, Money> totalSpend() {
        ImmutableMap.Builder<Currency, Money> totals = ImmutableMap.builder();
        purchases.spend().forEach((currency, total) -> totals.put(currency, total.total()));
        return totals.build();
    }

    /**
     * Returns whether the latest decision recorded for {@code purpose} grants it.
     *
     * @param purpose the purpose, such as {@code marketing-email}
     * @return true when granted; false when denied, revoked or never asked
     */
    public boolean hasConsented(String purpose) {
        return recordFields.hasConsented(purpose);
    }

    /**
     * Returns whether an event of the customer happened on {@code channel}.
     *
     * @param channel the channel
     * @return whether the customer used it
     */
    public boolean usedChannel(Channel channel) {
        return channels.containsKey(channel);
    }

    /**
     * Returns how long the customer has been in their current journey stage at {@code now}.
     *
     * @param now the instant asked about
     * @return the time since the stage was entered (negative when {@code now} is before that); empty without a
     *     journey stage
     */
    public Optional<Duration> timeInStage(Instant now) {
        Checks.present("now", now);
        return journeyStage.map(visit -> Duration.between(visit.enteredAt(), now));
    }

    /**
     * Returns this profile in another journey stage.
     *
     * @param stage the current stage and when it was entered; empty when the customer is in none
     * @return the profile with that stage
     */
    public CustomerProfile withJourneyStage(Optional<StageVisit> stage) {
        return new CustomerProfile(customerId, firstSeen, lastSeen, eventCount, channels, touchpoints, purchases,
                answers, recordFields, stage, clv);
    }

    /**
     * Returns this profile with another CLV estimate.
     *
     * @param estimate the estimate; empty for none
     * @return the profile with that estimate
     */
    public CustomerProfile withClv(Optional<ClvEstimate> estimate) {
        return new CustomerProfile(customerId, firstSeen, lastSeen, eventCount, channels, touchpoints, purchases,
                answers, recordFields, journeyStage, estimate);
    }
}
