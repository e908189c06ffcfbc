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

    /** Digits, {@code count} of them, at random; the first not 0 when {@code leadingZero} is false. */
    private static String digits(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        return text.toString();
    }

    /** The text in the middle of a larger array, so that a reader must keep to {@code from} and {@code to}. */
    private static char[] padded(String text, Random random) {
        String pad = random(random, "0123456789.-+PTHMS", 3);
        return (pad + text + pad).toCharArray();
    }

    @Test
    void everyPlainDecimalOfAtMostEighteenDigitsTakesTheShortcut() {
        // The documented form: ASCII digits with at most one point between digits, at most 18 digits. Oracle:
        // new BigDecimal(text), value and scale; one digit more (without a point) declines.
        qt().withExamples(5_000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            int count = 1 + random.nextInt(18);
            String text = digits(random, count);
            if (count > 1 && random.nextBoolean()) {
                int point = 1 + random.nextInt(count - 1);
                text = text.substring(0, point) + "." + text.substring(point);
            }
            char[] chars = padded(text, random);
            int from = (chars.length - text.length()) / 2;
            assertThat(CellNumbers.plainDecimal(chars, from, from + text.length())).as(text)
                    .isEqualTo(new BigDecimal(text)).extracting(BigDecimal::scale)
                    .isEqualTo(new BigDecimal(text).scale());
            assertThat(CellNumbers.decimal(text)).as(text).isEqualTo(new BigDecimal(text));
            String nineteen = digits(random, 19);
            assertThat(CellNumbers.plainDecimal(nineteen.toCharArray(), 0, 19)).as(nineteen).isNull();
            assertThat(CellNumbers.decimal(nineteen)).as(nineteen).isEqualTo(new BigDecimal(nineteen));
        });
        // Hand-worked boundaries: 18 digits with a point is 19 characters and reads; a point first or last does not.
        assertThat(CellNumbers.plainDecimal("12345678.9012345678".toCharArray(), 0, 19))
                .isEqualTo(new BigDecimal("12345678.9012345678"));
        assertThat(CellNumbers.plainDecimal(".5".toCharArray(), 0, 2)).isNull();
        assertThat(CellNumbers.plainDecimal("5.".toCharArray(), 0, 2)).isNull();
        assertThat(CellNumbers.plainDecimal("1.2.3".toCharArray(), 0, 5)).isNull();
        assertThat(CellNumbers.plainDecimal("x".toCharArray(), 0, 0)).isNull();
        assertThat(CellNumbers.decimal("1234567890123456789.5")).isEqualTo(new BigDecimal("1234567890123456789.5"));
    }

    @Test
    void everySignedIntegerOfAtMostNineDigitsTakesTheShortcut() {
        // The documented form: an optional sign and one to nine ASCII digits. Oracle: Integer.parseInt; ten
        // digits, a lone sign and an empty text decline.
        qt().withExamples(5_000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            String text = List.of("", "-", "+").get(random.nextInt(3)) + digits(random, 1 + random.nextInt(9));
            char[] chars = padded(text, random);
            int from = (chars.length - text.length()) / 2;
            assertThat(CellNumbers.smallInt(chars, from, from + text.length())).as(text)
                    .isEqualTo(Integer.parseInt(text));
            String ten = digits(random, 10);
            assertThat(CellNumbers.smallInt(ten.toCharArray(), 0, 10)).as(ten).isEqualTo(CellNumbers.NOT_SMALL);
        });
        assertThat(CellNumbers.smallInt("-".toCharArray(), 0, 1)).isEqualTo(CellNumbers.NOT_SMALL);
        assertThat(CellNumbers.smallInt("+".toCharArray(), 0, 1)).isEqualTo(CellNumbers.NOT_SMALL);
        assertThat(CellNumbers.smallInt("7".toCharArray(), 0, 0)).isEqualTo(CellNumbers.NOT_SMALL);
        assertThat(CellNumbers.smallInt("-999999999".toCharArray(), 0, 10)).isEqualTo(-999_999_999);
    }

    @Test
    void wholeUnitsDeclineExactlyWhenTheTextIsNoCountOrTheProductOverflows() {
        // Oracle: the exact BigDecimal product, compared with Long.MAX_VALUE; the text is a count when it is one
        // to nine ASCII digits without a sign.
        List<ChronoUnit> units = List.of(ChronoUnit.NANOS, ChronoUnit.SECONDS, ChronoUnit.DAYS, ChronoUnit.WEEKS,
                ChronoUnit.MONTHS, ChronoUnit.YEARS, ChronoUnit.CENTURIES);
        qt().withExamples(5_000).forAll(longs().all(), integers().between(0, units.size() - 1)).checkAssert((seed, u) -> {
            Random random = new Random(seed);
            String text = digits(random, 1 + random.nextInt(9));
            long unitNanos = units.get(u).getDuration().toNanos();
            BigDecimal product = new BigDecimal(text).multiply(BigDecimal.valueOf(unitNanos));
            char[] chars = padded(text, random);
            int from = (chars.length - text.length()) / 2;
            long expected = product.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? -1 : product.longValueExact();
            assertThat(CellNumbers.wholeUnitsAsNanos(chars, from, from + text.length(), unitNanos)).as(text)
                    .isEqualTo(expected);
        });
        for (String notACount : List.of("", "-1", "+1", "1234567890", "1.5", "1x")) {
            assertThat(CellNumbers.wholeUnitsAsNanos(notACount.toCharArray(), 0, notACount.length(), 1)).as(notACount)
                    .isEqualTo(-1);
        }
        // 2^63 / 3600e9 = 2,562,047.788 hours: 2,562,047 fit, 2,562,048 do not (worked by hand).
        long hour = ChronoUnit.HOURS.getDuration().toNanos();
        assertThat(CellNumbers.wholeUnitsAsNanos("2562047".toCharArray(), 0, 7, hour)).isEqualTo(2_562_047L * hour);
        assertThat(CellNumbers.wholeUnitsAsNanos("2562048".toCharArray(), 0, 7, hour)).isEqualTo(-1);
    }

    @Test
    void everyDurationOfHoursMinutesAndSecondsTakesTheShortcut() {
        // The documented form PT[nH][nM][n[.f]S], each number of one to nine digits, a fraction of one to nine
        // digits, at least one part. Oracle: Duration.parse.
        qt().withExamples(5_000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder("PT");
            int parts = 1 + random.nextInt(7);
            if ((parts & 1) != 0) {
                text.append(digits(random, 1 + random.nextInt(9))).append('H');
            }
            if ((parts & 2) != 0) {
                text.append(digits(random, 1 + random.nextInt(9))).append('M');
            }
            if ((parts & 4) != 0) {
                text.append(digits(random, 1 + random.nextInt(9)));
                if (random.nextBoolean()) {
                    text.append('.').append(digits(random, 1 + random.nextInt(9)));
                }
                text.append('S');
            }
            String duration = text.toString();
            char[] chars = padded(duration, random);
            int from = (chars.length - duration.length()) / 2;
            assertThat(CellNumbers.isoDuration(chars, from, from + duration.length())).as(duration)
                    .isEqualTo(Duration.parse(duration));
        });
        // Hand-worked: ten digits, a fraction of ten digits, units out of order or repeated, no part.
        for (String declined : List.of("PT1234567890S", "PT1.1234567890S", "PT1M1H", "PT1S1S", "PT1H1H", "PT",
                "PT1", "PT1.S", "PT.5S", "PT1.5", "PT1.5M", "PT1S ", "P1D", "pt1s")) {
            assertThat(CellNumbers.isoDuration(declined)).as(declined).isNull();
        }
        assertThat(CellNumbers.isoDuration("PT" + "1".repeat(39))).isNull();
        // Short texts inside a larger array: "PT" and "PTS" are no duration (Duration.parse refuses both).
        assertThat(CellNumbers.isoDuration("xxxxPTxxxx".toCharArray(), 4, 6)).isNull();
        assertThat(CellNumbers.isoDuration("xxxxPTSxxxx".toCharArray(), 4, 7)).isNull();
        assertThat(CellNumbers.isoDuration("xxxxPT1Sxxxx".toCharArray(), 4, 8)).isEqualTo(Duration.ofSeconds(1));
        assertThat(CellNumbers.isoDuration("PT0.000000001S")).isEqualTo(Duration.ofNanos(1));
        // The longest form, 42 characters: the text overload declines beyond 40 (the caller then parses), the
        // characters' overload reads it.
        String longest = "PT999999999H999999999M999999999.999999999S";
        assertThat(CellNumbers.isoDuration(longest)).isNull();
        assertThat(CellNumbers.isoDuration(longest.toCharArray(), 0, longest.length()))
                .isEqualTo(Duration.parse(longest));
        String forty = "PT999999999H999999999M99999999.99999999S";
        String fortyOne = "PT999999999H999999999M999999999.99999999S";
        assertThat(forty).hasSize(40);
        assertThat(fortyOne).hasSize(41);
        assertThat(CellNumbers.isoDuration(forty)).isEqualTo(Duration.parse(forty));
        assertThat(CellNumbers.isoDuration(fortyOne)).isNull();
    }
}
