package dev.cxm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.cxm.core.internal.AsciiNumbers;

/**
 * The shortcuts of {@link CellNumbers} against the parsers they stand in for, which are the oracles:
 * {@link AsciiNumbers#parseDecimal} (and so {@code new BigDecimal}), {@link AsciiNumbers#parseInt},
 * {@link Duration#parse}, and the exact {@link BigDecimal} product of a count and a unit. For random texts in
 * and around the forms the shortcuts take, a shortcut either declines or gives exactly the oracle's value
 * (for decimals: the same unscaled value and scale); and on the forms exports write, it never declines.
 */
class CellNumbersTest {

    private static String random(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void plainDecimalsAreExactlyWhatBigDecimalReads() {
        qt().withExamples(20_000).forAll(longs().all()).checkAssert(seed -> {
            String text = random(new Random(seed), "0123456789012345678901234567890123456789.+-e\u0661", 22);
            BigDecimal shortcut = CellNumbers.plainDecimal(text.toCharArray(), 0, text.length());
            BigDecimal oracle;
            try {
                oracle = AsciiNumbers.parseDecimal(text);
            } catch (NumberFormatException refused) {
                assertThat(shortcut).as(text).isNull();
                assertThatThrownBy(() -> CellNumbers.decimal(text)).isInstanceOf(NumberFormatException.class);
                return;
            }
            if (shortcut != null) {
                assertThat(shortcut).as(text).isEqualTo(oracle).extracting(BigDecimal::scale).isEqualTo(oracle.scale());
            }
            assertThat(CellNumbers.decimal(text)).as(text).isEqualTo(oracle);
        });
    }

    @Test
    void smallIntegersAreExactlyWhatParseIntReads() {
        qt().withExamples(20_000).forAll(longs().all()).checkAssert(seed -> {
            String text = random(new Random(seed), "0123456789+-x", 11);
            long shortcut = CellNumbers.smallInt(text.toCharArray(), 0, text.length());
            try {
                int oracle = AsciiNumbers.parseInt(text);
                assertThat(shortcut).as(text).isIn(CellNumbers.NOT_SMALL, (long) oracle);
            } catch (NumberFormatException refused) {
                assertThat(shortcut).as(text).isEqualTo(CellNumbers.NOT_SMALL);
            }
        });
    }

    @Test
    void isoDurationsAreExactlyWhatDurationParseReads() {
        qt().withExamples(20_000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            String text = random.nextBoolean() ? "PT" + random(random, "0123456789012345678901234567890HMS.", 16)
                    : random(random, "PTpt0123456789HMSD.-,", 12);
            Duration shortcut = CellNumbers.isoDuration(text);
            try {
                Duration oracle = Duration.parse(text);
                assertThat(shortcut).as(text).isIn(null, oracle);
            } catch (DateTimeParseException refused) {
                assertThat(shortcut).as(text).isNull();
            }
        });
    }

    @Test
    void everyDurationWrittenAsDurationWritesItIsReadByTheShortcut() {
        // Duration.toString of non-negative durations below 31 years: the form cxm's JSON carries.
        qt().withExamples(20_000).forAll(longs().between(0, 999_999_999L), integers().between(0, 999_999_999))
                .checkAssert((seconds, nanos) -> {
                    Duration duration = Duration.ofSeconds(seconds, nanos);
                    assertThat(CellNumbers.isoDuration(duration.toString())).as(duration.toString())
                            .isEqualTo(duration);
                });
    }

    @Test
    void wholeUnitsAreTheExactProductOfTheCountAndTheUnit() {
        List<ChronoUnit> units = List.of(ChronoUnit.NANOS, ChronoUnit.MICROS, ChronoUnit.MILLIS, ChronoUnit.SECONDS,
                ChronoUnit.MINUTES, ChronoUnit.HOURS, ChronoUnit.HALF_DAYS);
        qt().withExamples(20_000).forAll(longs().all(), integers().between(0, units.size() - 1)).checkAssert((seed, u) -> {
            String text = random(new Random(seed), "0123456789999+-.", 11);
            long unitNanos = units.get(u).getDuration().toNanos();
            long shortcut = CellNumbers.wholeUnitsAsNanos(text.toCharArray(), 0, text.length(), unitNanos);
            if (shortcut >= 0) {
                assertThat(BigDecimal.valueOf(shortcut)).as(text)
                        .isEqualTo(new BigDecimal(text).multiply(BigDecimal.valueOf(unitNanos)));
            }
        });
    }

    @Test
    void theFormsExportsWriteTakeTheShortcut() {
        // Without this, a shortcut that always declined would pass every test above.
        for (String text : List.of("19.99", "0.5", "7", "000123.450", "999999999999999999")) {
            assertThat(CellNumbers.plainDecimal(text.toCharArray(), 0, text.length())).as(text)
                    .isEqualTo(new BigDecimal(text));
        }
        assertThat(CellNumbers.smallInt("-3".toCharArray(), 0, 2)).isEqualTo(-3);
        assertThat(CellNumbers.smallInt("999999999".toCharArray(), 0, 9)).isEqualTo(999_999_999);
        assertThat(CellNumbers.wholeUnitsAsNanos("312".toCharArray(), 0, 3, 1_000_000_000L)).isEqualTo(312_000_000_000L);
        assertThat(CellNumbers.isoDuration("PT1H2M3.5S")).isEqualTo(Duration.ofSeconds(3_723, 500_000_000));
    }
}
