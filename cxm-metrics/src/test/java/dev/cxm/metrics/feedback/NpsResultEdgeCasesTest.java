package dev.cxm.metrics.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

/**
 * An NPS result's score lies in -100..100 by definition (100 times a difference of two shares); the bounds
 * themselves are scores, anything beyond is refused naming the value and the rule.
 */
class NpsResultEdgeCasesTest {

    private static NpsResult twoPromotersScoring(double score) {
        return new NpsResult(OptionalDouble.of(score), Optional.empty(), 2, 2, 0, 0, OptionalDouble.of(1),
                OptionalDouble.of(0), OptionalDouble.of(0), 2, 2);
    }

    @Test
    void aScoreOutsideTheNpsRangeIsRefused() {
        assertThat(twoPromotersScoring(100).score()).hasValue(100);
        assertThat(twoPromotersScoring(-100).score()).hasValue(-100);
        assertThatThrownBy(() -> twoPromotersScoring(150)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score: 150.0 is outside -100..100");
        assertThatThrownBy(() -> twoPromotersScoring(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score: NaN is outside -100..100");
    }
}
