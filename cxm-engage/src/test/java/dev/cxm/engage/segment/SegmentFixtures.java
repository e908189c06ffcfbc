package dev.cxm.engage.segment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.ConsentRecord;
import dev.cxm.core.model.ConsentStatus;
import dev.cxm.engage.profile.CustomerProfile;

/**
 * Segments of every condition kind, each with its brute-force twin: the same rule written as plain Java over the
 * profile's record components, without the condition classes.
 */
final class SegmentFixtures {

    private SegmentFixtures() {}

    static final Map<Segment, BiPredicate<CustomerProfile, Instant>> SEGMENTS = Map.of(
            Segment.of("detractors", Condition.category(CategoryField.NPS_CATEGORY, "detractor")),
            (p, now) -> p.latestNps().isPresent() && p.latestNps().get().score() <= 6,
            Segment.of("buyers", Condition.number(NumberField.PURCHASE_COUNT, Comparison.AT_LEAST, 2)),
            (p, now) -> p.purchaseCount() >= 2,
            Segment.of("phone-or-store", Condition.anyOf(Condition.channelUsed(Channel.PHONE),
                    Condition.channelUsed(Channel.STORE))),
            (p, now) -> p.channels().containsKey(Channel.PHONE) || p.channels().containsKey(Channel.STORE),
            Segment.of("quiet-for-an-hour", Condition.since(TimeField.LAST_SEEN, Comparison.GREATER,
                    Duration.ofHours(1))),
            (p, now) -> p.lastSeen().isPresent() && p.lastSeen().get().plus(Duration.ofHours(1)).isBefore(now),
            Segment.of("not-buying", Condition.not(Condition.stage("purchase"))),
            (p, now) -> !(p.journeyStage().isPresent() && p.journeyStage().get().stage().equals("purchase")),
            Segment.of("gold-mailable", Condition.allOf(Condition.attribute("tier", "gold"),
                    Condition.consent("marketing-email"))),
            (p, now) -> "gold".equals(p.attributes().get("tier")) && granted(p.consents().get("marketing-email")),
            Segment.of("happy-raters", Condition.number(NumberField.LATEST_CSAT, Comparison.AT_LEAST, 4)
                    .or(Condition.number(NumberField.MEAN_SENTIMENT, Comparison.GREATER, 0.3))),
            (p, now) -> p.latestCsat().map(a -> a.score() >= 4).orElse(false)
                    || p.meanSentiment().isPresent() && p.meanSentiment().getAsDouble() > 0.3);

    static List<Segment> segments() {
        return SEGMENTS.keySet().stream().sorted(java.util.Comparator.comparing(Segment::name)).toList();
    }

    private static boolean granted(ConsentRecord consent) {
        return consent != null && consent.status() == ConsentStatus.GRANTED;
    }
}
