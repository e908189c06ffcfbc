package dev.cxm.engage.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.TouchpointId;
import dev.cxm.engage.EngageLogs;
import dev.cxm.journey.track.StageVisit;
import dev.cxm.metrics.text.VaderSentiment;

/**
 * {@link CustomerProfile} is a value like the record of its eleven fields it used to be: the oracle is a Java
 * record with the same components ({@link Plain}), whose {@code equals} and {@code toString} the JDK generates.
 * Two profiles (drawn alike, independently, or one field apart) are equal exactly when their records are, equal profiles hash alike, a profile prints as its
 * record does, and the accessors give back the fields it was made of; a profile folded by
 * {@link ProfileBuilder#update} (made without checks) equals the one the checking constructor makes of its
 * fields. {@link PurchaseHistory} and {@link FeedbackAnswers} are checked the same way against records of their
 * fields. The constructors' rules are checked on hand-made bad values.
 */
class CustomerProfileTest {

    private static final Instant A = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final Instant B = Instant.parse("1969-12-31T23:59:59.999999Z");
    private static final PurchaseHistory ONE_PURCHASE = new PurchaseHistory(1,
            Map.of(Currency.getInstance("EUR"), new SpendTotal(1, Money.of("12.50", "EUR"))),
            Optional.of(new PurchaseMark(EventId.of("p1"), A, Money.of("12.50", "EUR"))),
            Optional.of(new PurchaseMark(EventId.of("p1"), A, Money.of("12.50", "EUR"))));
    private static final FeedbackAnswers ONE_ANSWER = new FeedbackAnswers(
            Optional.of(new LatestAnswer(EventId.of("f1"), "relationship", 9, B)), Optional.empty(), Optional.empty(),
            0, BigDecimal.ZERO);
    private static final RecordFields ONE_RECORD = new RecordFields(Map.of("tier", "gold"), Map.of(), Set.of(),
            Set.of(CustomerId.of("c9")));
    private static final ClvEstimate ONE_ESTIMATE = new ClvEstimate(A, "BG/NBD", 0.5, Duration.ofDays(365), 2.0,
            OptionalDouble.empty(), Optional.empty());

    /** The fields of a profile, as the record {@code CustomerProfile} was. */
    private record Plain(CustomerId customerId, Optional<Instant> firstSeen, Optional<Instant> lastSeen,
            long eventCount, Map<Channel, ChannelUse> channels, Set<TouchpointId> touchpoints,
            PurchaseHistory purchases, FeedbackAnswers answers, RecordFields recordFields,
            Optional<StageVisit> journeyStage, Optional<ClvEstimate> clv) {

        CustomerProfile profile() {
            return new CustomerProfile(customerId, firstSeen, lastSeen, eventCount, channels, touchpoints, purchases,
                    answers, recordFields, journeyStage, clv);
        }

        static Plain of(CustomerProfile profile) {
            return new Plain(profile.customerId(), profile.firstSeen(), profile.lastSeen(), profile.eventCount(),
                    profile.channels(), profile.touchpoints(), profile.purchases(), profile.answers(),
                    profile.recordFields(), profile.journeyStage(), profile.clv());
        }
    }

    @Test
    void aProfileIsTheValueOfTheRecordOfItsFields() {
        qt().withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Plain a = plain(random);
            int draw = random.nextInt(4);
            Plain b = draw == 0 ? a : draw == 1 ? plain(random) : withOneFieldRedrawn(a, random);
            CustomerProfile first = a.profile();
            CustomerProfile second = b.profile();
            assertThat(first.equals(second)).isEqualTo(a.equals(b));
            assertThat(second.equals(first)).isEqualTo(a.equals(b));
            if (a.equals(b)) {
                assertThat(first.hashCode()).isEqualTo(second.hashCode());
            }
            assertThat(first.toString()).isEqualTo("CustomerProfile" + a.toString().substring("Plain".length()));
            assertThat(Plain.of(first)).isEqualTo(a);
            assertThat(first.withJourneyStage(b.journeyStage()).withClv(b.clv()))
                    .isEqualTo(new Plain(a.customerId(), a.firstSeen(), a.lastSeen(), a.eventCount(), a.channels(),
                            a.touchpoints(), a.purchases(), a.answers(), a.recordFields(), b.journeyStage(), b.clv())
                            .profile());
        });
    }

    /** The fields of a purchase history, as the record {@code PurchaseHistory} was. */
    private record PlainPurchases(long count, Map<Currency, SpendTotal> spend, Optional<PurchaseMark> first,
            Optional<PurchaseMark> last) {

        PurchaseHistory history() {
            return new PurchaseHistory(count, spend, first, last);
        }
    }

    /** The fields of the answers, as the record {@code FeedbackAnswers} was. */
    private record PlainAnswers(Optional<LatestAnswer> latestNps, Optional<LatestAnswer> latestCsat,
            Optional<LatestAnswer> latestCes, long scoredComments, BigDecimal sentimentSum) {

        FeedbackAnswers answers() {
            return new FeedbackAnswers(latestNps, latestCsat, latestCes, scoredComments, sentimentSum);
        }
    }

    @Test
    void thePurchasesAndAnswersPartsAreTheValuesOfTheRecordsOfTheirFields() {
        qt().withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            PlainPurchases p = purchases(random);
            PlainPurchases q = random.nextInt(3) == 0 ? p : purchases(random);
            assertThat(p.history().equals(q.history())).isEqualTo(p.equals(q));
            if (p.equals(q)) {
                assertThat(p.history().hashCode()).isEqualTo(q.history().hashCode());
            }
            assertThat(p.history().toString())
                    .isEqualTo("PurchaseHistory" + p.toString().substring("PlainPurchases".length()));
            PurchaseHistory history = p.history();
            assertThat(new PlainPurchases(history.count(), history.spend(), history.first(), history.last()))
                    .isEqualTo(p);
            PlainAnswers a = answers(random);
            PlainAnswers b = random.nextInt(3) == 0 ? a : answers(random);
            assertThat(a.answers().equals(b.answers())).isEqualTo(a.equals(b));
            if (a.equals(b)) {
                assertThat(a.answers().hashCode()).isEqualTo(b.answers().hashCode());
            }
            assertThat(a.answers().toString())
                    .isEqualTo("FeedbackAnswers" + a.toString().substring("PlainAnswers".length()));
            FeedbackAnswers answers = a.answers();
            assertThat(new PlainAnswers(answers.latestNps(), answers.latestCsat(), answers.latestCes(),
                    answers.scoredComments(), answers.sentimentSum())).isEqualTo(a);
            assertThat(answers.npsCategory()).isEqualTo(a.latestNps().map(nps -> NpsCategory.of(nps.score())));
        });
    }

    @Test
    void thePartsRefuseANegativeCount() {
        assertThatThrownBy(() -> new PurchaseHistory(-1, Map.of(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count: -1 is negative; it must be 0 or more");
        assertThatThrownBy(() -> new FeedbackAnswers(Optional.empty(), Optional.empty(), Optional.empty(), -2,
                BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scoredComments: -2 is negative; it must be 0 or more");
    }

    /**
     * A history drawn from a few that meet the constructor's rules (count 0 exactly without spend and marks, the
     * first not after the last, totals that include the marks), often equal to each other; each draw differs
     * from another in one field or several.
     */
    private static PlainPurchases purchases(Random random) {
        Optional<PurchaseMark> p1 = Optional.of(new PurchaseMark(EventId.of("p1"), A, Money.of("12.50", "EUR")));
        Optional<PurchaseMark> p2 = Optional.of(new PurchaseMark(EventId.of("p2"), B, Money.of("3", "EUR")));
        Currency eur = Currency.getInstance("EUR");
        return switch (random.nextInt(6)) {
            case 0 -> new PlainPurchases(0, Map.of(), Optional.empty(), Optional.empty());
            case 1 -> new PlainPurchases(1, Map.of(eur, new SpendTotal(1, Money.of("12.50", "EUR"))), p1, p1);
            case 2 -> new PlainPurchases(1, Map.of(eur, new SpendTotal(1, Money.of("3", "EUR"))), p2, p2);
            case 3 -> new PlainPurchases(2, Map.of(eur, new SpendTotal(2, Money.of("15.50", "EUR"))), p2, p1);
            case 4 -> new PlainPurchases(3, Map.of(eur, new SpendTotal(3, Money.of("15.50", "EUR"))), p2, p1);
            default -> new PlainPurchases(2, Map.of(eur, new SpendTotal(2, Money.of("25", "EUR"))), p1, p1);
        };
    }

    private static PlainAnswers answers(Random random) {
        List<Optional<LatestAnswer>> latest = List.of(Optional.empty(),
                Optional.of(new LatestAnswer(EventId.of("f1"), "relationship", 9, B)),
                Optional.of(new LatestAnswer(EventId.of("f2"), "relationship", 3, A)));
        return new PlainAnswers(latest.get(random.nextInt(3)), latest.get(random.nextInt(3)),
                latest.get(random.nextInt(3)), random.nextInt(2),
                random.nextBoolean() ? BigDecimal.ZERO : new BigDecimal("0.25"));
    }

    @Test
    void aFoldedProfileEqualsTheCheckedProfileOfItsFields() {
        ProfileBuilder builder = ProfileBuilder.custom().sentiment(VaderSentiment.ofDefaults()).build();
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            CustomerProfile folded = random.nextBoolean() ? builder.empty(CustomerId.of("c0"))
                    : builder.of(EngageLogs.record(random, "c0"));
            for (CustomerEvent event : EngageLogs.random(random, 1, 30, random.nextBoolean())) {
                folded = builder.update(folded, event);
                PurchaseHistory purchases = folded.purchases();
                FeedbackAnswers answers = folded.answers();
                CustomerProfile checked = new Plain(folded.customerId(), folded.firstSeen(), folded.lastSeen(),
                        folded.eventCount(), folded.channels(), folded.touchpoints(),
                        new PurchaseHistory(purchases.count(), purchases.spend(), purchases.first(), purchases.last()),
                        new FeedbackAnswers(answers.latestNps(), answers.latestCsat(), answers.latestCes(),
                                answers.scoredComments(), answers.sentimentSum()),
                        folded.recordFields(), folded.journeyStage(), folded.clv()).profile();
                assertThat(checked).isEqualTo(folded).hasSameHashCodeAs(folded);
                assertThat(folded).isEqualTo(checked);
                assertThat(checked.toString()).isEqualTo(folded.toString());
            }
        });
    }

    @Test
    void theConstructorRefusesANegativeCountAndALinkToItself() {
        Plain valid = new Plain(CustomerId.of("c9"), Optional.empty(), Optional.empty(), 0, Map.of(), Set.of(),
                PurchaseHistory.none(), FeedbackAnswers.none(), RecordFields.none(), Optional.empty(),
                Optional.empty());
        assertThat(valid.profile().firstSeen()).isEmpty();
        assertThatThrownBy(() -> new Plain(valid.customerId(), valid.firstSeen(), valid.lastSeen(), -1,
                valid.channels(), valid.touchpoints(), valid.purchases(), valid.answers(), valid.recordFields(),
                valid.journeyStage(), valid.clv()).profile()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("eventCount: -1 is negative; it must be 0 or more");
        assertThatThrownBy(() -> new Plain(valid.customerId(), valid.firstSeen(), valid.lastSeen(), 0,
                valid.channels(), valid.touchpoints(), valid.purchases(), valid.answers(), ONE_RECORD,
                valid.journeyStage(), valid.clv()).profile()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recordFields.linkedCustomerIds: holds the profile's own id c9; it lists the other customers");
    }

    /** A plain record of fields each drawn from two or three values, so that two draws are often equal. */
    private static Plain plain(Random random) {
        return new Plain(CustomerId.of(random.nextBoolean() ? "c1" : "c2"), instant(random), instant(random),
                random.nextInt(2), channels(random), touchpoints(random),
                random.nextBoolean() ? PurchaseHistory.none() : ONE_PURCHASE,
                random.nextBoolean() ? FeedbackAnswers.none() : ONE_ANSWER,
                random.nextBoolean() ? RecordFields.none() : ONE_RECORD,
                random.nextBoolean() ? Optional.empty()
                        : Optional.of(new StageVisit(random.nextBoolean() ? "buy" : "use", A)),
                random.nextBoolean() ? Optional.empty() : Optional.of(ONE_ESTIMATE));
    }

    /** Returns {@code a} with one of its fields, chosen at random, drawn again (often to another value). */
    private static Plain withOneFieldRedrawn(Plain a, Random random) {
        Plain other = plain(random);
        int field = random.nextInt(11);
        return new Plain(field == 0 ? other.customerId() : a.customerId(),
                field == 1 ? other.firstSeen() : a.firstSeen(), field == 2 ? other.lastSeen() : a.lastSeen(), field == 3 ? other.eventCount() : a.eventCount(),
                field == 4 ? other.channels() : a.channels(), field == 5 ? other.touchpoints() : a.touchpoints(),
                field == 6 ? other.purchases() : a.purchases(), field == 7 ? other.answers() : a.answers(),
                field == 8 ? other.recordFields() : a.recordFields(),
                field == 9 ? other.journeyStage() : a.journeyStage(), field == 10 ? other.clv() : a.clv());
    }

    private static Optional<Instant> instant(Random random) {
        return List.of(Optional.<Instant>empty(), Optional.of(A), Optional.of(B), Optional.of(Instant.EPOCH))
                .get(random.nextInt(4));
    }

    private static Map<Channel, ChannelUse> channels(Random random) {
        Map<Channel, ChannelUse> channels = new EnumMap<>(Channel.class);
        for (Channel channel : List.of(Channel.WEB, Channel.EMAIL, Channel.STORE)) {
            if (random.nextBoolean()) {
                channels.put(channel, new ChannelUse(1 + random.nextInt(2), random.nextBoolean() ? A : B));
            }
        }
        return random.nextBoolean() ? channels : ImmutableMap.copyOf(channels);
    }

    private static Set<TouchpointId> touchpoints(Random random) {
        Set<TouchpointId> touchpoints = new LinkedHashSet<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            touchpoints.add(TouchpointId.of("t" + random.nextInt(3)));
        }
        return random.nextBoolean() ? touchpoints : ImmutableSet.copyOf(touchpoints);
    }
}
