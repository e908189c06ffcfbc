package dev.cxm.engage.profile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.google.common.collect.ImmutableSet;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.internal.EventTimeParts;
import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.Identity;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.model.TouchpointId;
import dev.cxm.core.store.CustomerStore;
import dev.cxm.core.store.EventStore;
import dev.cxm.engage.profile.internal.ChannelTable;
import dev.cxm.engage.profile.internal.Consents;
import dev.cxm.engage.profile.internal.EventOrder;
import dev.cxm.engage.profile.internal.TouchpointSet;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.track.CustomerJourney;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.journey.track.StageTracking;
import dev.cxm.journey.track.StageVisit;
import dev.cxm.metrics.text.SentimentAnalyzer;

/**
 * Builds {@link CustomerProfile}s: from a customer record, one event at a time ({@link #update}, in constant
 * time), or all at once from the stores ({@link #rebuild}); the two give the same profile whatever the order of
 * the events. A configuration with value {@code equals}: which voice-of-the-customer analyzer scores comments,
 * which journey map places events in stages, and which fitted CLV models value a profile.
 *
 * <pre>{@code
 * ProfileBuilder builder = ProfileBuilder.custom().sentiment(VaderSentiment.ofDefaults()).journey(map).build();
 * CustomerProfile profile = builder.of(customer);
 * for (CustomerEvent event : events) {
 *     profile = builder.update(profile, event);
 * }
 * }</pre>
 *
 * <p>{@link #update} does not move the journey stage, which needs the customer's stage history: the
 * {@link CustomerProfiles} that keeps profiles live tracks stages with a {@link StageTracker}, and
 * {@link #rebuild} replays the events through a tracker of its own. Nor does it value the profile, which
 * depends on the instant asked about: {@link #valued} does.
 */
public final class ProfileBuilder {

    private static final ProfileBuilder DEFAULTS = new ProfileBuilder(Optional.empty(), Optional.empty(),
            Optional.empty());

    private final Optional<SentimentAnalyzer> sentiment;
    private final Optional<JourneyMap> journey;
    private final Optional<ClvValuation> valuation;

    private ProfileBuilder(Optional<SentimentAnalyzer> sentiment, Optional<JourneyMap> journey,
            Optional<ClvValuation> valuation) {
        this.sentiment = sentiment;
        this.journey = journey;
        this.valuation = valuation;
    }

    /**
     * Returns the defaults: no sentiment, no journey map, no CLV valuation.
     *
     * @return the default builder
     */
    public static ProfileBuilder ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Starts a configuration from the defaults.
     *
     * @return the configuration builder
     */
    public static Builder custom() {
        return new Builder(DEFAULTS);
    }

    /**
     * Starts a configuration from {@code base}.
     *
     * @param base the configuration to change
     * @return the configuration builder
     */
    public static Builder from(ProfileBuilder base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Returns the analyzer that scores comments, when one is set.
     *
     * @return the analyzer
     */
    public Optional<SentimentAnalyzer> sentiment() {
        return sentiment;
    }

    /**
     * Returns the journey map whose stages the profiles carry, when one is set.
     *
     * @return the map
     */
    public Optional<JourneyMap> journey() {
        return journey;
    }

    /**
     * Returns the CLV valuation, when one is set.
     *
     * @return the valuation
     */
    public Optional<ClvValuation> valuation() {
        return valuation;
    }

    /**
     * Returns the profile of a customer of whom nothing is known yet.
     *
     * @param customerId the customer
     * @return a profile without events or record
     */
    public CustomerProfile empty(CustomerId customerId) {
        return new CustomerProfile(Checks.present("customerId", customerId), 0, CustomerProfile.ABSENT, 0,
                CustomerProfile.ABSENT, 0, 0, ChannelTable.empty().uses(), TouchpointSet.empty().ids(),
                PurchaseHistory.NONE, FeedbackAnswers.NONE, RecordFields.NONE, Optional.empty(), Optional.empty());
    }

    /**
     * Returns the profile of a customer record, before any event.
     *
     * @param customer the record
     * @return its profile
     */
    public CustomerProfile of(Customer customer) {
        return withRecord(empty(Checks.present("customer", customer).id()), customer);
    }

    /**
     * Returns {@code profile} with the fields of the customer record replaced by those of {@code customer}:
     * attributes, the latest consent per purpose and identities; the record's first-seen instant only ever moves
     * first-seen earlier.
     *
     * @param profile the profile
     * @param customer the customer's (new) record
     * @return the profile with the record
     * @throws IllegalArgumentException when the record is of another customer
     */
    public CustomerProfile withRecord(CustomerProfile profile, Customer customer) {
        Checks.present("profile", profile);
        Checks.present("customer", customer);
        if (!customer.id().equals(profile.customerId())) {
            throw new IllegalArgumentException("customer: the record of " + customer.id()
                    + " cannot go into the profile of " + profile.customerId());
        }
        return new CustomerProfile(profile.customerId(), earlier(profile.firstSeen(), customer.firstSeen()),
                profile.lastSeen(), profile.eventCount(), profile.channelTable(), profile.touchpointSet(),
                profile.purchases(), profile.answers(), new RecordFields(customer.profile(),
                        Consents.latestPerPurpose(customer), customer.identities(), profile.linkedCustomerIds()),
                profile.journeyStage(), profile.clv());
    }

    /**
     * Returns {@code profile} updated with one more event, in constant time. The event is counted as given: feed
     * each event once (a store's {@code append} says whether it was new), or use {@link CustomerProfiles}.
     *
     * @param profile the profile so far
     * @param event an event of the profile's customer or of a customer linked to them
     * @return the updated profile
     * @throws IllegalArgumentException when the event is of another customer
     */
    public CustomerProfile update(CustomerProfile profile, CustomerEvent event) {
        Checks.present("profile", profile);
        Checks.present("event", event);
        if (!event.customerId().equals(profile.customerId())
                && !profile.linkedCustomerIds().contains(event.customerId())) {
            throw new IllegalArgumentException("event: " + event.eventId() + " is of customer " + event.customerId()
                    + ", not of the profile of " + profile.customerId());
        }
        // The rules of ProfileFold, applied to the next immutable profile without a fold object: C2 does not
        // inline the fold's dispatch here ("already compiled into a big method"), so an object holding the
        // next profile's parts would be allocated per event (84 bytes more per event, measured). A part that
        // the event does not touch is shared with the profile before, and the profile is made through the
        // constructor that checks nothing: every field comes from a valid profile or a valid event.
        long second = EventTimeParts.epochSecond(event);
        int nano = EventTimeParts.nano(event);
        int channelsUsed = profile.channelsUsed();
        long[] channelUses = profile.channelUses();
        TouchpointId[] touchpoints = profile.touchpointIds();
        Touchpoint touchpoint = ProfileFold.touchpointOf(event);
        if (touchpoint != null) {
            int channel = touchpoint.channel().ordinal();
            channelUses = ChannelTable.withUse(channelsUsed, channelUses, channel, 1, second, nano);
            channelsUsed |= 1 << channel;
            touchpoints = TouchpointSet.plus(touchpoints, touchpoint.id());
        }
        PurchaseHistory purchases = profile.purchases();
        FeedbackAnswers answers = profile.answers();
        if (event instanceof Purchase purchase) {
            purchases = purchases.plus(purchase, second, nano);
        } else if (event instanceof FeedbackResponse response) {
            boolean scored = sentiment.isPresent() && response.comment().isPresent();
            answers = answers.plus(response, ProfileFold.scaleOf(response), second, nano, scored,
                    scored ? ProfileFold.compound(sentiment.get(), response) : 0);
        }
        long firstSecond = profile.firstSeenSecond();
        int firstNano = profile.firstSeenNano();
        if (!profile.hasFirstSeen() || EventOrder.before(second, nano, firstSecond, firstNano)) {
            firstSecond = second;
            firstNano = nano;
        }
        long lastSecond = profile.lastSeenSecond();
        int lastNano = profile.lastSeenNano();
        if (!profile.hasLastSeen() || EventOrder.before(lastSecond, lastNano, second, nano)) {
            lastSecond = second;
            lastNano = nano;
        }
        return new CustomerProfile(profile.customerId(), firstSecond, firstNano, lastSecond, lastNano,
                profile.eventCount() + 1, channelsUsed, channelUses, touchpoints, purchases, answers,
                profile.recordFields(), profile.journeyStage(), profile.clv());
    }

    /**
     * Rebuilds a customer's profile from a record and every event, tracking journey stages (when a map is set)
     * with a tracker that accepts any order.
     *
     * @param customerId the customer
     * @param record the customer's record, when there is one
     * @param events every event of the customer, in any order, each once
     * @return the profile
     * @throws IllegalArgumentException when the record or an event is of another customer
     */
    public CustomerProfile rebuild(CustomerId customerId, Optional<Customer> record,
            Iterable<? extends CustomerEvent> events) {
        Checks.present("record", record);
        Checks.present("events", events);
        Checks.present("customerId", customerId);
        if (record.isPresent() && !record.get().id().equals(customerId)) {
            throw new IllegalArgumentException("record: is of customer " + record.get().id() + ", not " + customerId);
        }
        ProfileCell cell = new ProfileCell(customerId);
        record.ifPresent(cell::put);
        StageTracker tracker = journey.map(ProfileBuilder::anyOrderTracker).orElse(null);
        for (CustomerEvent event : events) {
            requireOwn(customerId, event);
            cell.add(event, sentiment);
            if (tracker != null) {
                tracker.track(event);
            }
        }
        if (tracker != null) {
            cell.journeyStage(tracker.journeyOf(customerId).map(CustomerJourney::currentVisit));
        }
        return cell.snapshot();
    }

    /**
     * Rebuilds a customer's profile from the stores: the record in {@code customers} and every event in
     * {@code events}.
     *
     * @param customerId the customer
     * @param customers where the record is kept
     * @param events where the events are kept
     * @return the profile
     */
    public CustomerProfile rebuild(CustomerId customerId, CustomerStore customers, EventStore events) {
        Checks.present("customerId", customerId);
        return rebuild(customerId, Checks.present("customers", customers).get(customerId),
                Checks.present("events", events).eventsOf(customerId));
    }

    /** Refuses an event of another customer than {@code customerId}, naming ids only. */
    static void requireOwn(CustomerId customerId, CustomerEvent event) {
        if (!event.customerId().equals(customerId)) {
            throw new IllegalArgumentException("event: " + event.eventId() + " is of customer " + event.customerId()
                    + ", not of the profile of " + customerId);
        }
    }

    /**
     * Returns a tracker of {@code map} that accepts events in any order (tolerance without end).
     *
     * @param map the journey map
     * @return the tracker
     */
    static StageTracker anyOrderTracker(JourneyMap map) {
        return StageTracking.custom(map).tolerance(ChronoUnit.FOREVER.getDuration()).build().tracker();
    }

    /**
     * Returns the profile of two linked customers as one: counts and sums added, first and last over both,
     * attributes of {@code canonical} over those of {@code other}, per purpose the later consent decision (of
     * two at one instant, the one that does not grant), and the later-entered journey stage. The CLV estimate is
     * dropped; value the merged profile anew.
     *
     * @param canonical the profile whose id the merged profile keeps
     * @param other the profile of a customer linked to it
     * @return the merged profile
     * @throws IllegalArgumentException when both are of the same customer
     */
    public CustomerProfile merge(CustomerProfile canonical, CustomerProfile other) {
        Checks.present("canonical", canonical);
        Checks.present("other", other);
        if (canonical.customerId().equals(other.customerId())) {
            throw new IllegalArgumentException("other: is a profile of " + other.customerId()
                    + " too; merge the profiles of two different customers");
        }
        ChannelTable channels = canonical.channelTable().plus(other.channelTable());
        Map<Currency, SpendTotal> spend = new LinkedHashMap<>(canonical.spend());
        other.spend().forEach((currency, total) -> spend.merge(currency, total, SpendTotal::plus));
        Map<String, String> attributes = new HashMap<>(other.attributes());
        attributes.putAll(canonical.attributes());
        Set<CustomerId> linked = new TreeSet<>(canonical.linkedCustomerIds());
        linked.addAll(other.linkedCustomerIds());
        linked.add(other.customerId());
        linked.remove(canonical.customerId());
        Optional<StageVisit> stage = canonical.journeyStage();
        if (other.journeyStage().isPresent() && (stage.isEmpty()
                || other.journeyStage().get().enteredAt().isAfter(stage.get().enteredAt()))) {
            stage = other.journeyStage();
        }
        Optional<Instant> firstSeen = other.firstSeen().isPresent()
                ? earlier(canonical.firstSeen(), other.firstSeen().get()) : canonical.firstSeen();
        Optional<Instant> lastSeen = other.lastSeen().isPresent() && (canonical.lastSeen().isEmpty()
                || other.lastSeen().get().isAfter(canonical.lastSeen().get())) ? other.lastSeen() : canonical.lastSeen();
        PurchaseHistory purchases = new PurchaseHistory(canonical.purchaseCount() + other.purchaseCount(), spend,
                pick(canonical.firstPurchase(), other.firstPurchase(), false),
                pick(canonical.lastPurchase(), other.lastPurchase(), true));
        FeedbackAnswers answers = new FeedbackAnswers(laterOf(canonical.latestNps(), other.latestNps()),
                laterOf(canonical.latestCsat(), other.latestCsat()), laterOf(canonical.latestCes(), other.latestCes()),
                canonical.scoredComments() + other.scoredComments(), canonical.sentimentSum().add(other.sentimentSum()));
        RecordFields record = new RecordFields(attributes, Consents.merge(canonical.consents(), other.consents()),
                ImmutableSet.<Identity>builder().addAll(canonical.identities()).addAll(other.identities()).build(),
                linked);
        return new CustomerProfile(canonical.customerId(), firstSeen, lastSeen,
                canonical.eventCount() + other.eventCount(), channels,
                canonical.touchpointSet().plus(other.touchpointSet()), purchases, answers,
                record, stage, Optional.empty());
    }

    /**
     * Returns {@code profile} valued at {@code asOf} by the configured CLV models; without a valuation, or for a
     * customer without purchases, the profile without an estimate.
     *
     * @param profile the profile
     * @param asOf the instant of the estimate
     * @return the profile with its estimate
     */
    public CustomerProfile valued(CustomerProfile profile, Instant asOf) {
        Checks.present("profile", profile);
        Checks.present("asOf", asOf);
        return profile.withClv(valuation.flatMap(models -> models.estimate(profile, asOf)));
    }

    private static Optional<Instant> earlier(Optional<Instant> current, Instant candidate) {
        return current.isPresent() && !candidate.isBefore(current.get()) ? current : Optional.of(candidate);
    }

    private static Optional<PurchaseMark> min(Optional<PurchaseMark> current, PurchaseMark candidate) {
        return current.isPresent() && PurchaseMark.ORDER.compare(current.get(), candidate) <= 0 ? current
                : Optional.of(candidate);
    }

    private static Optional<PurchaseMark> max(Optional<PurchaseMark> current, PurchaseMark candidate) {
        return current.isPresent() && PurchaseMark.ORDER.compare(current.get(), candidate) >= 0 ? current
                : Optional.of(candidate);
    }

    private static Optional<PurchaseMark> pick(Optional<PurchaseMark> a, Optional<PurchaseMark> b, boolean latest) {
        if (b.isEmpty()) {
            return a;
        }
        return latest ? max(a, b.get()) : min(a, b.get());
    }

    private static Optional<LatestAnswer> later(Optional<LatestAnswer> current, LatestAnswer candidate) {
        return current.isPresent() && LatestAnswer.ORDER.compare(current.get(), candidate) >= 0 ? current
                : Optional.of(candidate);
    }

    private static Optional<LatestAnswer> laterOf(Optional<LatestAnswer> a, Optional<LatestAnswer> b) {
        return b.isEmpty() ? a : later(a, b.get());
    }

    /**
     * Returns whether {@code other} is configured alike: the same analyzer instance, map and valuation.
     *
     * @param other the object to compare with
     * @return whether both are configured alike
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ProfileBuilder that && sentiment.equals(that.sentiment) && journey.equals(that.journey)
                && valuation.equals(that.valuation);
    }

    /**
     * Returns a hash of the configuration.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(sentiment, journey, valuation);
    }

    /**
     * Returns the configuration, such as {@code ProfileBuilder[sentiment none, journey none, valuation none]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "ProfileBuilder[sentiment " + sentiment.map(Object::toString).orElse("none") + ", journey "
                + journey.map(map -> map.stageNames().toString()).orElse("none") + ", valuation "
                + valuation.map(models -> models.purchases().name()).orElse("none") + "]";
    }

    /** Builds a {@link ProfileBuilder}. */
    public static final class Builder {
        private Optional<SentimentAnalyzer> sentiment;
        private Optional<JourneyMap> journey;
        private Optional<ClvValuation> valuation;

        private Builder(ProfileBuilder base) {
            this.sentiment = base.sentiment;
            this.journey = base.journey;
            this.valuation = base.valuation;
        }

        /**
         * Scores every feedback comment with {@code analyzer}, for the mean comment sentiment.
         *
         * @param analyzer the analyzer, such as {@code VaderSentiment.ofDefaults()}
         * @return this builder
         */
        public Builder sentiment(SentimentAnalyzer analyzer) {
            this.sentiment = Optional.of(Checks.present("analyzer", analyzer));
            return this;
        }

        /**
         * Places events in the stages of {@code map}, for the current journey stage.
         *
         * @param map the journey map
         * @return this builder
         */
        public Builder journey(JourneyMap map) {
            this.journey = Optional.of(Checks.present("map", map));
            return this;
        }

        /**
         * Values profiles with fitted CLV models.
         *
         * @param value the valuation
         * @return this builder
         */
        public Builder valuation(ClvValuation value) {
            this.valuation = Optional.of(Checks.present("valuation", value));
            return this;
        }

        /**
         * Returns the configuration.
         *
         * @return the profile builder
         */
        public ProfileBuilder build() {
            return new ProfileBuilder(sentiment, journey, valuation);
        }
    }
}
