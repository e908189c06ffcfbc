package dev.cxm.engage.profile;

import java.math.BigDecimal;
import java.math.MathContext;
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
import dev.cxm.engage.profile.internal.ConsentTable;
import dev.cxm.engage.profile.internal.Frozen;
import dev.cxm.engage.profile.internal.TouchpointSet;
import dev.cxm.journey.track.StageVisit;

/**
 * The Customer 360 profile: one immutable view of a customer, assembled by a {@link ProfileBuilder} from the
 * customer record and their events, and (through {@link IdentityResolution}) from the records and events of
 * the customers linked to them.
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
 * @param purchaseCount the number of purchases
 * @param spend per currency, the number of purchases and their total
 * @param firstPurchase the earliest purchase
 * @param lastPurchase the latest purchase
 * @param latestNps the latest answer on the NPS scale ({@code FeedbackScale.NPS})
 * @param latestCsat the latest answer on the CSAT scale
 * @param latestCes the latest answer on the CES scale
 * @param scoredComments the number of comments scored for sentiment (zero without an analyzer)
 * @param sentimentSum the exact sum of their compound sentiment scores
 * @param journeyStage the current journey stage and when it was entered, when a journey map is tracked
 * @param clv the CLV estimate, when the profile was valued with fitted models
 * @param attributes the customer record's profile attributes
 * @param consents per purpose, the latest consent decision recorded
 * @param identities the identities of the customer (and of the customers linked to them)
 * @param linkedCustomerIds the other customers linked to this one by a shared identity, in id order
 */
public record CustomerProfile(
        CustomerId customerId,
        Optional<Instant> firstSeen,
        Optional<Instant> lastSeen,
        long eventCount,
        Map<Channel, ChannelUse> channels,
        Set<TouchpointId> touchpoints,
        long purchaseCount,
        Map<Currency, SpendTotal> spend,
        Optional<PurchaseMark> firstPurchase,
        Optional<PurchaseMark> lastPurchase,
        Optional<LatestAnswer> latestNps,
        Optional<LatestAnswer> latestCsat,
        Optional<LatestAnswer> latestCes,
        long scoredComments,
        BigDecimal sentimentSum,
        Optional<StageVisit> journeyStage,
        Optional<ClvEstimate> clv,
        Map<String, String> attributes,
        Map<String, ConsentRecord> consents,
        Set<Identity> identities,
        Set<CustomerId> linkedCustomerIds) {

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
     * @param purchaseCount the number of purchases; 0 or more
     * @param spend the spend per currency
     * @param firstPurchase the earliest purchase
     * @param lastPurchase the latest purchase
     * @param latestNps the latest NPS answer
     * @param latestCsat the latest CSAT answer
     * @param latestCes the latest CES answer
     * @param scoredComments the number of comments scored; 0 or more
     * @param sentimentSum the sum of their compound scores
     * @param journeyStage the current journey stage
     * @param clv the CLV estimate
     * @param attributes the record's profile attributes
     * @param consents the latest consent per purpose, keyed by the purpose
     * @param identities the identities
     * @param linkedCustomerIds the other customers linked to this one; never this one
     * @throws IllegalArgumentException when a count is negative, a consent is filed under another purpose, or
     *     the profile links its own id
     */
    public CustomerProfile {
        Checks.present("customerId", customerId);
        Checks.present("firstSeen", firstSeen);
        Checks.present("lastSeen", lastSeen);
        requireCount("eventCount", eventCount);
        channels = ChannelTable.copyOf(Checks.present("channels", channels));
        touchpoints = TouchpointSet.copyOf(Checks.present("touchpoints", touchpoints));
        requireCount("purchaseCount", purchaseCount);
        spend = Frozen.map(Checks.present("spend", spend));
        Checks.present("firstPurchase", firstPurchase);
        Checks.present("lastPurchase", lastPurchase);
        Checks.present("latestNps", latestNps);
        Checks.present("latestCsat", latestCsat);
        Checks.present("latestCes", latestCes);
        requireCount("scoredComments", scoredComments);
        Checks.present("sentimentSum", sentimentSum);
        Checks.present("journeyStage", journeyStage);
        Checks.present("clv", clv);
        attributes = Frozen.map(Checks.present("attributes", attributes));
        // Checked once, when the table is made: a profile updated from another keeps its table.
        consents = ConsentTable.copyOf(Checks.present("consents", consents));
        identities = Frozen.set(Checks.present("identities", identities));
        linkedCustomerIds = Frozen.sortedSet(Checks.present("linkedCustomerIds", linkedCustomerIds));
        if (linkedCustomerIds.contains(customerId)) {
            throw new IllegalArgumentException("linkedCustomerIds: holds the profile's own id " + customerId
                    + "; it lists the other customers");
        }
    }

    private static void requireCount(String field, long value) {
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
        return latestNps.map(answer -> NpsCategory.of(answer.score()));
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
        return scoredComments == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(sentimentSum.divide(BigDecimal.valueOf(scoredComments), MathContext.DECIMAL64)
                        .doubleValue());
    }

    /**
     * Returns the total spend per currency.
     *
     * @return each currency's total
     */
    public Map<Currency, Money> totalSpend() {
        ImmutableMap.Builder<Currency, Money> totals = ImmutableMap.builder();
        spend.forEach((currency, total) -> totals.put(currency, total.total()));
        return totals.build();
    }

    /**
     * Returns whether the latest decision recorded for {@code purpose} grants it.
     *
     * @param purpose the purpose, such as {@code marketing-email}
     * @return true when granted; false when denied, revoked or never asked
     */
    public boolean hasConsented(String purpose) {
        return ((ConsentTable) consents).grants(purpose);
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
        return new CustomerProfile(customerId, firstSeen, lastSeen, eventCount, channels, touchpoints, purchaseCount,
                spend, firstPurchase, lastPurchase, latestNps, latestCsat, latestCes, scoredComments, sentimentSum,
                stage, clv, attributes, consents, identities, linkedCustomerIds);
    }

    /**
     * Returns this profile with another CLV estimate.
     *
     * @param estimate the estimate; empty for none
     * @return the profile with that estimate
     */
    public CustomerProfile withClv(Optional<ClvEstimate> estimate) {
        return new CustomerProfile(customerId, firstSeen, lastSeen, eventCount, channels, touchpoints, purchaseCount,
                spend, firstPurchase, lastPurchase, latestNps, latestCsat, latestCes, scoredComments, sentimentSum,
                journeyStage, estimate, attributes, consents, identities, linkedCustomerIds);
    }
}
