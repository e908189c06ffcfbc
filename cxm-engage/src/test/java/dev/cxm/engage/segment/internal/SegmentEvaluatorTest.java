package dev.cxm.engage.segment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.engage.EngageLogs;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.CustomerProfiles;
import dev.cxm.engage.profile.ProfileBuilder;
import dev.cxm.engage.segment.CategoryField;
import dev.cxm.engage.segment.Comparison;
import dev.cxm.engage.segment.Condition;
import dev.cxm.engage.segment.NumberField;
import dev.cxm.engage.segment.Segment;
import dev.cxm.engage.segment.TimeField;
import dev.cxm.metrics.text.VaderSentiment;

/**
 * The compiled evaluator against the plain path: on random profiles (records, events of every kind, journey
 * stages, comment sentiment) and random segments of every condition kind, nested and sharing conditions, every
 * membership equals {@link Segment#contains} (the oracle: each condition record's own {@code test}), for blocks
 * of every size up to {@link SegmentEvaluator#BLOCK}, and the bit masks equal the memberships.
 */
class SegmentEvaluatorTest {

    private static final ProfileBuilder BUILDER = ProfileBuilder.custom().sentiment(VaderSentiment.ofDefaults())
            .journey(EngageLogs.MAP).build();

    @Test
    void everyMembershipEqualsThePlainConditionsTest() {
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            List<CustomerProfile> profiles = profiles(random);
            List<Condition> pool = new ArrayList<>();
            List<Segment> segments = new ArrayList<>();
            int n = 1 + random.nextInt(random.nextBoolean() ? 12 : 70);
            for (int s = 0; s < n; s++) {
                Condition condition = !pool.isEmpty() && random.nextInt(4) == 0 ? pool.get(random.nextInt(pool.size()))
                        : condition(random, pool, 3);
                segments.add(Segment.of("s" + s, condition));
            }
            Instant now = EngageLogs.minute(random.nextInt(600));
            SegmentEvaluator evaluator = SegmentEvaluator.of(segments);
            CustomerProfile[] block = new CustomerProfile[SegmentEvaluator.BLOCK];
            long[] masks = new long[SegmentEvaluator.BLOCK];
            int from = 0;
            while (from < profiles.size()) {
                int size = Math.min(profiles.size() - from, 1 + random.nextInt(SegmentEvaluator.BLOCK));
                for (int p = 0; p < size; p++) {
                    block[p] = profiles.get(from + p);
                }
                evaluator.evaluate(block, size, now);
                if (n <= Long.SIZE) {
                    evaluator.masks(size, masks);
                }
                for (int p = 0; p < size; p++) {
                    for (int s = 0; s < n; s++) {
                        boolean expected = segments.get(s).contains(block[p], now);
                        assertThat(evaluator.member(s, p)).as("segment %s, profile %s", segments.get(s), block[p])
                                .isEqualTo(expected);
                        if (n <= Long.SIZE) {
                            assertThat((masks[p] >>> s & 1) == 1).isEqualTo(expected);
                        }
                    }
                }
                from += size;
            }
        });
    }

    private static List<CustomerProfile> profiles(Random random) {
        CustomerProfiles live = CustomerProfiles.custom(BUILDER).anyOrder().build();
        List<CustomerEvent> events = EngageLogs.random(random, 150, 8, random.nextBoolean());
        for (CustomerEvent event : events) {
            if (random.nextInt(3) == 0 && live.get(event.customerId()).isEmpty()) {
                live.put(EngageLogs.record(random, event.customerId().value()));
            }
            live.record(event);
        }
        live.put(EngageLogs.record(random, "record-only"));
        return live.all();
    }

    private static Condition condition(Random random, List<Condition> pool, int depth) {
        int kind = random.nextInt(depth > 0 ? 11 : 8);
        Condition made = switch (kind) {
            case 0 -> Condition.number(pick(random, NumberField.values()), pick(random, Comparison.values()),
                    random.nextInt(5) == 0 ? random.nextDouble() * 2 - 1 : random.nextInt(13) - 1);
            case 1 -> Condition.since(pick(random, TimeField.values()), pick(random, Comparison.values()),
                    Duration.ofMinutes(random.nextInt(500)).plusSeconds(random.nextInt(3) == 0 ? 0 : 30));
            case 2 -> Condition.category(CategoryField.NPS_CATEGORY, some(random, "promoter", "passive", "detractor",
                    "other"));
            case 3 -> Condition.category(pick(random, CategoryField.values()), some(random, "web", "phone", "store",
                    "mobile_app", "awareness", "purchase", "service", "detractor"));
            case 4 -> Condition.stage(pick(random, new String[] {"awareness", "consideration", "purchase", "service",
                "gone"}));
            case 5 -> Condition.channelUsed(pick(random, Channel.values()));
            case 6 -> Condition.attribute(random.nextInt(5) == 0 ? "region" : "tier",
                    pick(random, new String[] {"gold", "silver", "bronze", "none"}));
            case 7 -> Condition.consent(pick(random, new String[] {"marketing-email", "marketing-sms", "research"}));
            case 8 -> Condition.allOf(children(random, pool, depth));
            case 9 -> Condition.anyOf(children(random, pool, depth));
            default -> Condition.not(condition(random, pool, depth - 1));
        };
        pool.add(made);
        return made;
    }

    private static Condition[] children(Random random, List<Condition> pool, int depth) {
        Condition[] children = new Condition[1 + random.nextInt(3)];
        for (int i = 0; i < children.length; i++) {
            children[i] = !pool.isEmpty() && random.nextInt(5) == 0 ? pool.get(random.nextInt(pool.size()))
                    : condition(random, pool, depth - 1);
        }
        return children;
    }

    private static String[] some(Random random, String... values) {
        List<String> chosen = new ArrayList<>();
        for (String value : values) {
            if (random.nextInt(3) == 0) {
                chosen.add(value);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(pick(random, values));
        }
        return chosen.toArray(new String[0]);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
