package dev.cxm.metrics.clv.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

/**
 * The RFM options' and holdout records' validation guards that no other test tries, each at its bound: a
 * holdout that ends when calibration ends (not after it), a holdout end inside a purchase period, and holdout
 * figures that no purchases can have. Expected values are the documented rules; the days are the calendar's.
 */
class RfmRecordsEdgeCasesTest {

    private static final Instant CALIBRATION_END = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aHoldoutMustEndAfterCalibrationNotWhenItEnds() {
        assertThatThrownBy(() -> RfmSummaryOptions.custom(CALIBRATION_END, ChronoUnit.DAYS).holdoutEnd(CALIBRATION_END)
                .build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("holdoutEnd: 2026-01-01T00:00:00Z is not after calibrationEnd 2026-01-01T00:00:00Z; the"
                        + " holdout period follows calibration");
        assertThatThrownBy(() -> RfmSummaryOptions.custom(CALIBRATION_END, ChronoUnit.DAYS)
                .holdoutEnd(Instant.parse("2025-12-31T00:00:00Z")).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("holdoutEnd: 2025-12-31T00:00:00Z is not after calibrationEnd");
        // One day later is the shortest holdout of daily periods.
        RfmSummaryOptions oneDay = RfmSummaryOptions.custom(CALIBRATION_END, ChronoUnit.DAYS)
                .holdoutEnd(Instant.parse("2026-01-02T00:00:00Z")).build();
        assertThat(oneDay.lastHoldoutDay()).contains(LocalDate.parse("2026-01-01"));
    }

    @Test
    void aHoldoutEndInsideAPurchasePeriodIsRefused() {
        // 2026-01-05 is a Monday, the start of an ISO week; the 7th is inside that week.
        assertThatThrownBy(() -> RfmSummaryOptions.custom(LocalDate.parse("2026-01-04"), ZoneOffset.UTC,
                ChronoUnit.WEEKS).purchasePeriod(ChronoUnit.WEEKS).holdoutEnd(Instant.parse("2026-01-07T00:00:00Z"))
                .build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holdoutEnd: 2026-01-07T00:00:00Z is not at the start of a Weeks period");
    }

    @Test
    void holdoutFiguresNeedHoldoutPurchasesAndNonNegativeAmounts() {
        assertThatThrownBy(() -> new HoldoutSummary(0, OptionalDouble.of(12.5), OptionalDouble.of(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("holdout monetaryValue: 12.5 is given without holdout purchases");
        assertThatThrownBy(() -> new HoldoutSummary(1, OptionalDouble.of(-1), OptionalDouble.of(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("holdout monetaryValue: -1.0 is negative; it must be 0 or more");
        assertThatThrownBy(() -> new HoldoutSummary(1, OptionalDouble.empty(), OptionalDouble.of(-2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("holdout totalSpend: -2.0 is negative; it must be 0 or more");
        assertThatThrownBy(() -> new HoldoutSummary(-1, OptionalDouble.empty(), OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("holdout frequency: -1 is negative; it must be 0 or more");
        assertThat(new HoldoutSummary(0, OptionalDouble.empty(), OptionalDouble.of(0)).frequency()).isZero();
        assertThat(new HoldoutSummary(2, OptionalDouble.of(0), OptionalDouble.of(0)).monetaryValue()).hasValue(0);
    }
}
