package dev.cxm.metrics.text;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.quicktheories.core.Gen;

import dev.cxm.test.accumulate.AccumulatorLaws;

/**
 * The accumulator laws for the sentiment summary, over scores with any compound in [-1, 1] (edges and
 * thresholds included), blank and truncated ones among them. The oracle of each law is the same scores added to
 * one accumulator; results compare exactly, since the state holds whole numbers.
 */
class SentimentAccumulatorLawsTest
        extends AccumulatorLaws<SentimentScore, SentimentTally, SentimentResult, SentimentAccumulator> {

    private static final double[] EDGES = {-1, -0.5, -0.05, 0, 0.05, 1, 0.12345};

    @Override
    protected SentimentAccumulator newAccumulator() {
        return SentimentSummary.ofDefaults().accumulator();
    }

    @Override
    protected SentimentAccumulator restore(SentimentTally state) {
        return SentimentSummary.ofDefaults().accumulator(state);
    }

    @Override
    protected Gen<SentimentScore> values() {
        return integers().between(0, 11).zip(doubles().between(-1, 1), (kind, any) -> {
            if (kind < EDGES.length) {
                return Texts.score(EDGES[kind], kind % 2 == 0);
            }
            return kind == EDGES.length ? SentimentScore.ofBlankText() : Texts.score(any, false);
        });
    }

    @Override
    protected Class<SentimentTally> stateType() {
        return SentimentTally.class;
    }
}
