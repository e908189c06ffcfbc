package dev.cxm.metrics.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.stats.CriticalValues;
import dev.cxm.metrics.stats.Estimate;
import dev.cxm.metrics.stats.NetScoreMethod;

/**
 * Invariants of every feedback metric over generated responses (QuickTheories): merging is associative
 * and commutative and equals adding everything to one accumulator, the result does not depend on the
 * order of the responses, NPS stays within [-100, 100], intervals contain their estimates, and intervals
 * narrow as the same mix of responses grows. The oracle is the invariant itself; the bounds and the
 * containment hold by construction (the code clips and widens), so two more properties compare the
 * results with a brute-force computation of the definitions from the list of responses. Weights are multiples of
 * 0.5 so that their sums are exact in floating point and states can be compared for equality.
 */
class FeedbackPropertiesTest {

    private static final NetPromoterScore NPS = NetPromoterScore.ofDefaults();
    private static final NetPromoterScore NPS_WALD = NetPromoterScore.custom().method(NetScoreMethod.WALD).build();

    /** One response: a score 0..10 and a weight of 0, 0.5, ..., 3. */
    private record Scored(int score, double weight) {}

    private static final Gen<Scored> RESPONSE = integers().between(0, 10)
            .zip(integers().between(0, 6), (score, halves) -> new Scored(score, halves / 2.0));
    private static final Gen<List<Scored>> RESPONSES = lists().of(RESPONSE).ofSizeBetween(0, 40);

    @Test
    void mergeIsAssociative() {
        qt().withExamples(300).forAll(RESPONSES, RESPONSES, RESPONSES).checkAssert((a, b, c) -> {
            ScoreDistribution left = accumulate(a).merge(accumulate(b)).merge(accumulate(c)).state();
            ScoreDistribution right = accumulate(a).merge(accumulate(b).merge(accumulate(c))).state();
            assertThat(left).isEqualTo(right);
            assertThat(accumulate(a).state().merge(accumulate(b).state()).merge(accumulate(c).state()))
                    .isEqualTo(accumulate(a).state().merge(accumulate(b).state().merge(accumulate(c).state())));
        });
    }

    @Test
    void mergeIsCommutative() {
        qt().withExamples(300).forAll(RESPONSES, RESPONSES).checkAssert((a, b) -> {
            assertThat(accumulate(a).merge(accumulate(b)).state()).isEqualTo(accumulate(b).merge(accumulate(a)).state());
            assertThat(accumulate(a).merge(accumulate(b)).result()).isEqualTo(accumulate(b).merge(accumulate(a)).result());
        });
    }

    @Test
    void mergeEqualsAddingEverythingToOneAccumulator() {
        qt().withExamples(300).forAll(RESPONSES, RESPONSES).checkAssert((a, b) -> {
            List<Scored> both = new ArrayList<>(a);
            both.addAll(b);
            assertThat(accumulate(a).merge(accumulate(b)).state()).isEqualTo(accumulate(both).state());
        });
    }

    @Test
    void resultDoesNotDependOnTheOrderOfResponses() {
        qt().withExamples(300).forAll(RESPONSES, longs().all()).checkAssert((responses, seed) -> {
            List<Scored> shuffled = new ArrayList<>(responses);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(accumulate(shuffled).result()).isEqualTo(accumulate(responses).result());
            assertThat(accumulate(shuffled, RatingScore.custom(NPS.scale()).report(RatingMeasure.MEAN).build()).result())
                    .isEqualTo(accumulate(responses, RatingScore.custom(NPS.scale()).report(RatingMeasure.MEAN).build())
                            .result());
        });
    }

    @Test
    void npsStaysWithinTheScaleAndItsIntervalsContainIt() {
        qt().withExamples(500).forAll(RESPONSES, doubles().between(0.5, 0.999)).checkAssert((responses, level) -> {
            for (NetPromoterScore metric : List.of(NetPromoterScore.custom().level(level).build(),
                    NetPromoterScore.from(NPS_WALD).level(level).build())) {
                NpsResult result = accumulate(responses, metric).result();
                result.score().ifPresent(score -> {
                    assertThat(score).isBetween(-100.0, 100.0);
                    ConfidenceInterval interval = result.interval().orElseThrow();
                    assertThat(interval.lower()).isGreaterThanOrEqualTo(-100.0);
                    assertThat(interval.upper()).isLessThanOrEqualTo(100.0);
                    assertThat(interval.contains(score)).as("%s contains %s", interval, score).isTrue();
                });
            }
        });
    }

    @Test
    void npsAndItsIntervalEqualABruteForceComputationOfTheDefinitions() {
        // A property that can fail (the two above hold by the clamps): the score, the shares, Kish's n_eff
        // and Rocks' adjusted Wald bounds, each computed here straight from the list of responses, without
        // the accumulator and before any clipping; the result must equal them, with the bounds clipped to
        // [-100, 100] and widened to the observed score only where the raw bound misses it.
        qt().withExamples(500).forAll(RESPONSES, doubles().between(0.5, 0.999)).checkAssert((responses, level) -> {
            double total = 0;
            double squares = 0;
            double promoters = 0;
            double detractors = 0;
            for (Scored r : responses) {
                total += r.weight();
                squares += r.weight() * r.weight();
                promoters += r.score() >= 9 ? r.weight() : 0;
                detractors += r.score() <= 6 ? r.weight() : 0;
            }
            NpsResult result = accumulate(responses, NetPromoterScore.custom().level(level).build()).result();
            assertThat(result.n()).isEqualTo(responses.size());
            if (total == 0) {
                assertThat(result.score()).isEmpty();
                assertThat(result.interval()).isEmpty();
                return;
            }
            double observed = 100 * (promoters - detractors) / total;
            double nEff = total * total / squares;
            double size = nEff + 3;
            double pPlus = (promoters / total * nEff + 0.75) / size;
            double pMinus = (detractors / total * nEff + 0.75) / size;
            double half = CriticalValues.z(level) * Math.sqrt((pPlus + pMinus - (pPlus - pMinus) * (pPlus - pMinus)) / size);
            double rawLower = 100 * (pPlus - pMinus - half);
            double rawUpper = 100 * (pPlus - pMinus + half);
            ConfidenceInterval interval = result.interval().orElseThrow();

            assertThat(result.score().getAsDouble()).isCloseTo(observed, within(1e-9));
            assertThat(result.promoterShare().getAsDouble()).isCloseTo(promoters / total, within(1e-12));
            assertThat(result.effectiveN()).isCloseTo(nEff, within(1e-9 * nEff));
            assertThat(interval.lower()).isCloseTo(Math.min(observed, Math.max(-100, rawLower)), within(1e-7));
            assertThat(interval.upper()).isCloseTo(Math.max(observed, Math.min(100, rawUpper)), within(1e-7));
            boolean missed = observed < Math.max(-100, rawLower) - 1e-7 || observed > Math.min(100, rawUpper) + 1e-7;
            if (missed) {
                assertThat(interval.method()).isEqualTo("adjusted-wald-widened");
            }
        });
    }

    @Test
    void ratingSharesAndMeanEqualABruteForceComputation() {
        // Another property that can fail: the weighted good share and mean, computed here from the list.
        RatingScore ratings = RatingScore.custom(NPS.scale()).good(9, 10).bad(0, 6).build();
        qt().withExamples(500).forAll(RESPONSES).checkAssert(responses -> {
            double total = 0;
            double good = 0;
            double sum = 0;
            for (Scored r : responses) {
                total += r.weight();
                good += r.score() >= 9 ? r.weight() : 0;
                sum += r.weight() * r.score();
            }
            RatingResult result = accumulate(responses, ratings).result();
            if (total == 0) {
                assertThat(result.goodShare()).isEmpty();
                assertThat(result.mean()).isEmpty();
                return;
            }
            assertThat(result.goodShare().orElseThrow().value()).isCloseTo(good / total, within(1e-12));
            assertThat(result.score().getAsDouble()).isCloseTo(100 * good / total, within(1e-10));
            assertThat(result.mean().orElseThrow().value()).isCloseTo(sum / total, within(1e-12));
        });
    }

    @Test
    void ratingIntervalsContainTheirEstimates() {
        RatingScore ratings = RatingScore.custom(NPS.scale()).good(9, 10).bad(0, 6).build();
        qt().withExamples(500).forAll(RESPONSES).checkAssert(responses -> {
            RatingResult result = accumulate(responses, ratings).result();
            for (Estimate estimate : List.of(result.goodShare(), result.badShare(), result.mean()).stream()
                    .flatMap(java.util.Optional::stream).toList()) {
                estimate.interval().ifPresent(interval -> assertThat(interval.contains(estimate.value()))
                        .as("%s contains %s", interval, estimate.value()).isTrue());
            }
            result.goodShare().ifPresent(share -> assertThat(share.value()).isBetween(0.0, 1.0));
        });
    }

    @Test
    void intervalsNarrowAsTheSameMixGrows() {
        // Repeating every response k times keeps the mix and multiplies n by k.
        Gen<List<Scored>> unweighted = lists().of(integers().between(0, 10).map(s -> new Scored(s, 1)))
                .ofSizeBetween(1, 30);
        RatingScore ratings = RatingScore.custom(NPS.scale()).good(9, 10).build();
        qt().withExamples(200).forAll(unweighted, integers().between(1, 20)).checkAssert((responses, k) -> {
            List<Scored> smaller = repeat(responses, k);
            List<Scored> larger = repeat(responses, k + 1);
            assertNarrower(smaller, larger, list -> accumulate(list).result().interval());
            assertNarrower(smaller, larger, list -> accumulate(list, NPS_WALD).result().interval());
            assertNarrower(smaller, larger, list -> accumulate(list, ratings).result().goodShare()
                    .flatMap(Estimate::interval));
            assertNarrower(smaller, larger, list -> accumulate(list, ratings).result().mean().flatMap(Estimate::interval));
        });
    }

    private static void assertNarrower(List<Scored> smaller, List<Scored> larger,
            Function<List<Scored>, java.util.Optional<ConfidenceInterval>> interval) {
        java.util.Optional<ConfidenceInterval> before = interval.apply(smaller);
        java.util.Optional<ConfidenceInterval> after = interval.apply(larger);
        if (before.isPresent()) {
            assertThat(after.orElseThrow().width()).as("%s then %s", before.get(), after.get())
                    .isLessThanOrEqualTo(before.get().width() + 1e-9);
        }
    }

    private static List<Scored> repeat(List<Scored> responses, int times) {
        List<Scored> repeated = new ArrayList<>(responses.size() * times);
        for (int i = 0; i < times; i++) {
            repeated.addAll(responses);
        }
        return repeated;
    }

    private static FeedbackAccumulator<NpsResult> accumulate(List<Scored> responses) {
        return accumulate(responses, NPS);
    }

    private static <R extends FeedbackResult> FeedbackAccumulator<R> accumulate(List<Scored> responses,
            FeedbackMetric<R> metric) {
        FeedbackAccumulator<R> accumulator = metric.accumulator();
        for (Scored response : responses) {
            if (response.weight() == 1) {
                accumulator.add(response.score());
            } else {
                accumulator.add(response.score(), response.weight());
            }
        }
        return accumulator;
    }
}
