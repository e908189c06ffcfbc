package dev.cxm.engage.profile;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
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
import dev.cxm.engage.profile.internal.InstantParts;
import dev.cxm.engage.profile.internal.ProfileParts;
import dev.cxm.engage.profile.internal.TouchpointSet;
import dev.cxm.journey.track.StageVisit;

import org.jspecify.annotations.Nullable;

/**
 * The Customer 360 profile: one immutable view of a customer, assembled by a {@link ProfileBuilder} from the
 * customer record and their events, and (through {@link IdentityResolution}) from the records and events of
 * the customers linked to them. A value: two profiles with equal fields are equal.
 *
 * <p>What every event changes (first and last seen, the count, channels and touchpoints) is held here, the two
 * instants as their epoch seconds and nanoseconds (so that an update reads and makes no {@link Instant}; the
 * accessors make one); the rest in parts that an event of another kind leaves alone: {@link PurchaseHistory}
 * (purchases), {@link FeedbackAnswers} (answers and comment sentiment) and {@link RecordFields} (what the
 * customer records say, which no event changes). A profile updated from another shares the parts the event did
 * not touch, and is not validated again: {@link ProfileBuilder#update} makes it from a valid profile and a valid
 * event. The parts' fields are also read here, one accessor each ({@link #purchaseCount()},
 * {@link #latestNps()}, {@link #attributes()}, ...).
 *
 * <p>Every event-derived field is independent of the order the events arrived in: counts and sums add, first
 * and last are the minimum and maximum by instant and then event id, and sums of sentiment are kept exact. So
 * a profile updated event by event equals the profile rebuilt from the store.
 */
public final class CustomerProfile {

    /** In {@link #firstSeenNano} or {@link #lastSeenNano}: no instant (a present one's nanosecond is 0 or more). */
    static final int ABSENT = ProfileParts.ABSENT;

    static {
        ProfileParts.install(new FieldReader());
    }

    private final CustomerId customerId;
    /** The first-seen instant's epoch seconds (0 when absent) and nanoseconds ({@link #ABSENT} when absent). */
    private final long firstSeenSecond;
    private final int firstSeenNano;
    /** The last-seen instant's epoch seconds (0 when absent) and nanoseconds ({@link #ABSENT} when absent). */
    private final long lastSeenSecond;
    private final int lastSeenNano;
    private final long eventCount;
    /**
     * The channels' uses as a {@link ChannelTable}'s two fields ({@link ChannelTable#usedMask()},
     * {@link ChannelTable#uses()}), and the touchpoints as a {@link TouchpointSet}'s array: held here rather than
     * as objects of their own, so that an update reads and makes one object fewer for each. Never written.
     */
    private final int channelsUsed;
    private final long[] channelUses;
    private final TouchpointId[] touchpointIds;
    private final PurchaseHistory purchases;
    private final FeedbackAnswers answers;
    private final RecordFields recordFields;
    private final Optional<StageVisit> journeyStage;
    private final Optional<ClvEstimate> clv;

    /**
     * Validates a profile and freezes its collections (collections already immutable are kept).
     *
     * <p>The parts carry event ids but no customer id, so the constructor cannot tell whether they describe the
     * same customer. The caller guarantees it: every field and part is made from the record and the events of
     * {@code customerId} and of the customers in {@code recordFields.linkedCustomerIds()}, and of no one else
     * (the instants, the event count, the channels and touchpoints from the same events as the purchases and
     * answers). A profile combined from parts of two unlinked customers is accepted and wrong; to combine the
     * profiles of two linked customers, use {@link ProfileBuilder#merge}, and to make a profile from a record and
     * events, {@link ProfileBuilder}. Each part checks its own fields ({@link PurchaseHistory},
     * {@link FeedbackAnswers}, {@link RecordFields}); here only the count and the links are checked.
     *
     * @param customerId the customer (the canonical id of a linked group: the smallest)
     * @param firstSeen the earliest of the record's first-seen instant and the events; empty without either
     * @param lastSeen the instant of the latest event; empty without events
     * @param eventCount the number of events; 0 or more
     * @param channels for each channel on whose touchpoints events happened, their count and latest instant
     * @param touchpoints the touchpoints events happened at
     * @param purchases the purchases: count, spend per currency, first and last
     * @param answers the latest NPS, CSAT and CES answers and the comments' sentiment
     * @param recordFields the record's attributes, consents and identities, and the customers linked
     * @param journeyStage the current journey stage and when it was entered, when a journey map is tracked
     * @param clv the CLV estimate, when the profile was valued with fitted models
     * @throws IllegalArgumentException when the event count is negative or the profile links its own id
     */
    public CustomerProfile(CustomerId customerId, Optional<Instant> firstSeen, Optional<Instant> lastSeen,
            long eventCount, Map<Channel, ChannelUse> channels, Set<TouchpointId> touchpoints,
            PurchaseHistory purchases, FeedbackAnswers answers, RecordFields recordFields,
            Optional<StageVisit> journeyStage, Optional<ClvEstimate> clv) {
        this(Checks.present("customerId", customerId), InstantParts.secondOf(Checks.present("firstSeen", firstSeen)),
                InstantParts.nanoOf(firstSeen, ABSENT), InstantParts.secondOf(Checks.present("lastSeen", lastSeen)),
                InstantParts.nanoOf(lastSeen, ABSENT),
                requireCount("eventCount", eventCount), ChannelTable.copyOf(Checks.present("channels", channels)),
                TouchpointSet.copyOf(Checks.present("touchpoints", touchpoints)).ids(),
                Checks.present("purchases", purchases), Checks.present("answers", answers),
                Checks.present("recordFields", recordFields), Checks.present("journeyStage", journeyStage),
                Checks.present("clv", clv));
        if (recordFields.linkedCustomerIds().contains(customerId)) {
            throw new IllegalArgumentException("recordFields.linkedCustomerIds: holds the profile's own id " + customerId
                    + "; it lists the other customers");
        }
    }

    /** Makes a profile of valid fields and a channel table, as the constructor below. */
    private CustomerProfile(CustomerId customerId, long firstSeenSecond, int firstSeenNano, long lastSeenSecond,
            int lastSeenNano, long eventCount, ChannelTable channels, TouchpointId[] touchpointIds,
            PurchaseHistory purchases, FeedbackAnswers answers, RecordFields recordFields,
            Optional<StageVisit> journeyStage, Optional<ClvEstimate> clv) {
        this(customerId, firstSeenSecond, firstSeenNano, lastSeenSecond, lastSeenNano, eventCount,
                channels.usedMask(), channels.uses(), touchpointIds, purchases, answers, recordFields, journeyStage,
                clv);
    }

    /**
     * Makes a profile of fields already valid, with nothing checked or copied: the path of
     * {@link ProfileBuilder#update} and {@link ProfileCell#snapshot}, whose fields come from a valid profile and a
     * valid event. An absent instant has the seconds 0 and the nanoseconds {@link #ABSENT}; the channels are a
     * {@link ChannelTable}'s mask and uses, the touchpoints a {@link TouchpointSet}'s ids, none written later.
     */
    CustomerProfile(CustomerId customerId, long firstSeenSecond, int firstSeenNano, long lastSeenSecond,
            int lastSeenNano, long eventCount, int channelsUsed, long[] channelUses, TouchpointId[] touchpointIds,
            PurchaseHistory purchases, FeedbackAnswers answers, RecordFields recordFields,
            Optional<StageVisit> journeyStage, Optional<ClvEstimate> clv) {
        this.customerId = customerId;
        this.firstSeenSecond = firstSeenSecond;
        this.firstSeenNano = firstSeenNano;
        this.lastSeenSecond = lastSeenSecond;
        this.lastSeenNano = lastSeenNano;
        this.eventCount = eventCount;
        this.channelsUsed = channelsUsed;
        this.channelUses = channelUses;
        this.touchpointIds = touchpointIds;
        this.purchases = purchases;
        this.answers = answers;
        this.recordFields = recordFields;
        this.journeyStage = journeyStage;
        this.clv = clv;
    }

    private static Optional<Instant> instant(long second, int nano) {
        return nano == ABSENT ? Optional.empty() : Optional.of(Instant.ofEpochSecond(second, nano));
    }

    /**
     * Returns the customer (the canonical id of a linked group: the smallest).
     *
     * @return the id
     */
    public CustomerId customerId() {
        return customerId;
    }

    /**
     * Returns the earliest of the record's first-seen instant and the events' instants.
     *
     * @return the instant (a new object on each call); empty without a record's instant or an event
     */
    public Optional<Instant> firstSeen() {
        return instant(firstSeenSecond, firstSeenNano);
    }

    /**
     * Returns the instant of the latest event.
     *
     * @return the instant (a new object on each call); empty without events
     */
    public Optional<Instant> lastSeen() {
        return instant(lastSeenSecond, lastSeenNano);
    }

    /** Returns whether the profile has a first-seen instant. */
    boolean hasFirstSeen() {
        return firstSeenNano != ABSENT;
    }

    /** Returns the first-seen instant's epoch seconds; 0 when there is none. */
    long firstSeenSecond() {
        return firstSeenSecond;
    }

    /** Returns the first-seen instant's nanoseconds; {@link #ABSENT} when there is none. */
    int firstSeenNano() {
        return firstSeenNano;
    }

    /** Returns whether the profile has a last-seen instant. */
    boolean hasLastSeen() {
        return lastSeenNano != ABSENT;
    }

    /** Returns the last-seen instant's epoch seconds; 0 when there is none. */
    long lastSeenSecond() {
        return lastSeenSecond;
    }

    /** Returns the last-seen instant's nanoseconds; {@link #ABSENT} when there is none. */
    int lastSeenNano() {
        return lastSeenNano;
    }

    /**
     * Returns the number of events.
     *
     * @return the count
     */
    public long eventCount() {
        return eventCount;
    }

    /**
     * Returns for each channel on whose touchpoints events happened, their count and latest instant, in
     * {@link Channel}'s order.
     *
     * @return the channels' uses
     */
    public Map<Channel, ChannelUse> channels() {
        return ChannelTable.view(channelsUsed, channelUses);
    }

    /**
     * Returns the touchpoints events happened at.
     *
     * @return their ids
     */
    public Set<TouchpointId> touchpoints() {
        return TouchpointSet.view(touchpointIds);
    }

    /** Returns the channels as a table. */
    ChannelTable channelTable() {
        return ChannelTable.view(channelsUsed, channelUses);
    }

    /** Returns the bits of the channels used, by ordinal ({@link ChannelTable#usedMask()}). */
    int channelsUsed() {
        return channelsUsed;
    }

    /** Returns the channels' uses ({@link ChannelTable#uses()}); not to be written. */
    long[] channelUses() {
        return channelUses;
    }

    /** Returns the touchpoints as a set. */
    TouchpointSet touchpointSet() {
        return TouchpointSet.view(touchpointIds);
    }

    /** Returns the touchpoints' ids ({@link TouchpointSet#ids()}); not to be written. */
    TouchpointId[] touchpointIds() {
        return touchpointIds;
    }

    /**
     * Returns the purchases: count, spend per currency, first and last.
     *
     * @return the purchases part
     */
    public PurchaseHistory purchases() {
        return purchases;
    }

    /**
     * Returns the latest NPS, CSAT and CES answers and the comments' sentiment.
     *
     * @return the answers part
     */
    public FeedbackAnswers answers() {
        return answers;
    }

    /**
     * Returns the record's attributes, consents and identities, and the customers linked.
     *
     * @return the record part
     */
    public RecordFields recordFields() {
        return recordFields;
    }

    /**
     * Returns the current journey stage and when it was entered, when a journey map is tracked.
     *
     * @return the stage visit; empty without one
     */
    public Optional<StageVisit> journeyStage() {
        return journeyStage;
    }

    /**
     * Returns the CLV estimate, when the profile was valued with fitted models.
     *
     * @return the estimate; empty without one
     */
    public Optional<ClvEstimate> clv() {
        return clv;
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

    static long requireCount(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + ": " + value + " is negative; it must be 0 or more");
        }
        return value;
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
        return Optional.ofNullable(ChannelTable.preferred(channelsUsed, channelUses));
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
     * @throws NullPointerException when {@code purpose} is null
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
        return (channelsUsed >>> Checks.present("channel", channel).ordinal() & 1) != 0;
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
        return new CustomerProfile(customerId, firstSeenSecond, firstSeenNano, lastSeenSecond, lastSeenNano,
                eventCount, channelsUsed, channelUses, touchpointIds, purchases, answers, recordFields,
                Checks.present("stage", stage),
                clv);
    }

    /**
     * Returns this profile with another CLV estimate.
     *
     * @param estimate the estimate; empty for none
     * @return the profile with that estimate
     */
    public CustomerProfile withClv(Optional<ClvEstimate> estimate) {
        return new CustomerProfile(customerId, firstSeenSecond, firstSeenNano, lastSeenSecond, lastSeenNano,
                eventCount, channelsUsed, channelUses, touchpointIds, purchases, answers, recordFields, journeyStage,
                Checks.present("estimate", estimate));
    }

    /** The profiles' fields, read for {@link ProfileParts}. */
    private static final class FieldReader implements ProfileParts.Reader {

        @Override
        public long firstSeenSecond(CustomerProfile profile) {
            return profile.firstSeenSecond;
        }

        @Override
        public int firstSeenNano(CustomerProfile profile) {
            return profile.firstSeenNano;
        }

        @Override
        public long lastSeenSecond(CustomerProfile profile) {
            return profile.lastSeenSecond;
        }

        @Override
        public int lastSeenNano(CustomerProfile profile) {
            return profile.lastSeenNano;
        }

        @Override
        public int channelsUsed(CustomerProfile profile) {
            return profile.channelsUsed;
        }

        @Override
        public long[] channelUses(CustomerProfile profile) {
            return profile.channelUses;
        }

        @Override
        public @Nullable LatestAnswer latestNps(CustomerProfile profile) {
            return profile.answers.npsOrNull();
        }
    }

    /**
     * Returns whether {@code other} is a profile with equal fields: the same customer, instants, count, channels'
     * uses, touchpoints (as a set), parts, journey stage and CLV estimate.
     *
     * @param other the object to compare with
     * @return whether both are the same profile
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof CustomerProfile that && customerId.equals(that.customerId)
                && firstSeenSecond == that.firstSeenSecond && firstSeenNano == that.firstSeenNano
                && lastSeenSecond == that.lastSeenSecond && lastSeenNano == that.lastSeenNano
                && eventCount == that.eventCount && channelsUsed == that.channelsUsed
                && Arrays.equals(channelUses, that.channelUses) && touchpoints().equals(that.touchpoints())
                && purchases.equals(that.purchases)
                && answers.equals(that.answers) && recordFields.equals(that.recordFields)
                && journeyStage.equals(that.journeyStage) && clv.equals(that.clv);
    }

    /**
     * Returns a hash of the fields, consistent with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(customerId, firstSeen(), lastSeen(), eventCount, channels(), touchpoints(), purchases,
                answers, recordFields, journeyStage, clv);
    }

    /**
     * Returns the fields as a record would, such as {@code CustomerProfile[customerId=c1, firstSeen=Optional[...],
     * ...]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "CustomerProfile[customerId=" + customerId + ", firstSeen=" + firstSeen() + ", lastSeen=" + lastSeen()
                + ", eventCount=" + eventCount + ", channels=" + channels() + ", touchpoints=" + touchpoints()
                + ", purchases=" + purchases + ", answers=" + answers + ", recordFields=" + recordFields
                + ", journeyStage=" + journeyStage + ", clv=" + clv + "]";
    }
}
