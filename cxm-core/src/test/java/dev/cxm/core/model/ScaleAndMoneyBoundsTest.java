package dev.cxm.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/**
 * Feedback scales and amounts of money at the closed ends of their documented bounds. Oracle: the constants'
 * Javadoc applied by hand: a scale has at most {@link FeedbackScale#MAX_POINTS} (1,001) points, counted as
 * {@code max - min + 1} without overflow; {@code name:min..max} needs a name before the colon; an amount is below
 * 10^{@value Money#MAX_INTEGER_DIGITS} and has at most {@value Money#MAX_SCALE} decimal places once trailing zeros
 * are dropped.
 */
class ScaleAndMoneyBoundsTest {

    @Test
    void aScaleHasAtMostMaxPointsCountedWithoutOverflow() {
        assertThat(FeedbackScale.custom("wide", 0, 1_000).max()).isEqualTo(1_000);
        assertThat(FeedbackScale.custom("signed", -500, 500).min()).isEqualTo(-500);
        assertThatThrownBy(() -> FeedbackScale.custom("wide", 0, 1_001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale: has more than 1001 points");
        assertThatThrownBy(() -> FeedbackScale.custom("all", Integer.MIN_VALUE, Integer.MAX_VALUE))
                .hasMessage("scale: has more than 1001 points");
        assertThatThrownBy(() -> FeedbackScale.custom("edge", Integer.MAX_VALUE - 2_000, Integer.MAX_VALUE))
                .hasMessage("scale: has more than 1001 points");
    }

    @Test
    void aCustomScaleTextNeedsANameBeforeItsColon() {
        assertThat(FeedbackScale.parse("s:1..5")).isEqualTo(FeedbackScale.custom("s", 1, 5));
        assertThat(FeedbackScale.parse(" stars : 1 .. 10 ")).isEqualTo(FeedbackScale.custom("stars", 1, 10));
        assertThatThrownBy(() -> FeedbackScale.parse(":1..5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale: is not a scale; expected nps, csat, ces or name:min..max such as stars:1..10");
    }

    @Test
    void anAmountHasAtMost18IntegerDigitsAnd18DecimalPlaces() {
        BigDecimal largest = new BigDecimal("999999999999999999");
        assertThat(Money.of(largest.toPlainString(), "EUR").amount()).isEqualByComparingTo(largest);
        assertThatThrownBy(() -> Money.of("1000000000000000000", "EUR")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount: is 10^18 or more; an amount must be less than 10^18");

        assertThat(Money.of("0.000000000000000001", "EUR").amount()).isEqualByComparingTo(BigDecimal.ONE.movePointLeft(18));
        assertThat(Money.of("0.0000000000000000010000", "EUR").amount().scale()).isEqualTo(18);
        assertThatThrownBy(() -> Money.of("0.0000000000000000001", "EUR")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount: has more than 18 decimal places; an amount has at most 18");
    }
}
