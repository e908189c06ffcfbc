package dev.cxm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@link AsciiNumbers#parseDouble} against its oracle: a text of the plain decimal form (checked by a regular
 * expression written here from the rule: optional sign, ASCII digits with at most one point and at least one
 * digit, optional exponent of ASCII digits) gives exactly what {@link Double#parseDouble} gives, to the bit;
 * every other text gives NaN, including the texts {@code parseDouble} takes beyond the form.
 */
class AsciiNumbersTest {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private static double parse(String text) {
        return AsciiNumbers.parseDouble(text.toCharArray(), 0, text.length());
    }

    private static void assertAsOracle(String text) {
        double parsed = parse(text);
        if (PLAIN_DECIMAL.matcher(text).matches()) {
            assertThat(Double.doubleToRawLongBits(parsed)).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        } else {
            assertThat(parsed).as(text).isNaN();
        }
    }

    @Test
    void plainDecimalsAreExactlyWhatParseDoubleReads() {
        qt().withExamples(50_000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            // Mostly numbers near the form, with long mantissas, leading zeros and large exponents among them.
            String alphabet = random.nextInt(4) == 0 ? "0123456789.+-eExpPdDfFNaIny\u0967\u0661 _," : "0123456789";
            StringBuilder text = new StringBuilder();
            if (random.nextInt(4) == 0) {
                text.append(random.nextBoolean() ? '-' : '+');
            }
            int digits = random.nextInt(random.nextInt(10) == 0 ? 30 : 12);
            for (int i = 0; i < digits; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextBoolean()) {
                text.insert(random.nextInt(text.length() + 1), '.');
            }
            if (random.nextInt(3) == 0) {
                text.append(random.nextBoolean() ? 'e' : 'E');
                if (random.nextBoolean()) {
                    text.append(random.nextBoolean() ? '-' : '+');
                }
                text.append(random.nextInt(random.nextBoolean() ? 30 : 400));
            }
            assertAsOracle(text.toString());
        });
    }

    @Test
    void refusesWhatParseDoubleTakesBeyondThePlainForm() {
        // Each of these Double.parseDouble accepts (or trims into something it accepts); none is a plain decimal.
        for (String text : List.of("0x1p3", "0X10P0", "1d", "2f", "3D", "4.5F", "NaN", "-NaN", "Infinity", "+Infinity",
                "-Infinity", " 1", "1 ", "\u0967", "\u0661\u0662", "1e", "1e+", ".", "+", "-", "", "e5", ".e1", "1..2",
                "1.2.3", "--1", "+-1", "1e5.5", "1_000")) {
            assertThat(parse(text)).as(text).isNaN();
        }
        assertThat(parse("1e400")).isInfinite();
        assertThat(parse("-1e400")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Double.doubleToRawLongBits(parse("-0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(parse("1e-400")).isZero();
        for (String text : List.of("7.", ".5", "-.5", "+3", "1E+05", "0.1", "123456789012345678901234567890",
                "4.9e-324", "1.7976931348623157e308", "9007199254740993", "0.30000000000000004")) {
            assertAsOracle(text);
            assertThat(parse(text)).as(text).isNotNaN();
        }
    }

    @Test
    void zerosAfterTheFirstDigitCountAsSignificant() {
        // Oracle as above. Numbers of one or two non-zero digits and up to 30 zeros between them: 16 or more digits
        // must take Double.parseDouble's path, as a long mantissa past 2^53 (or past a long) is not exact.
        for (int zeros = 0; zeros <= 30; zeros++) {
            String ones = "1" + "0".repeat(zeros);
            assertAsOracle(ones);
            assertAsOracle(ones + "5");
            assertAsOracle(ones + ".5");
            assertAsOracle("0.0" + ones + "7");
            assertAsOracle(ones + "3e-7");
        }
    }

    @Test
    void leadingZerosAfterThePointAndAnExponentGiveTheNumbersOwnPower() {
        // Oracle as above. Zeros between the point and the first digit lower the power (0 to 130 of them,
        // so the power reaches -131) and the exponent raises it back (0 to 9, 24, 99, 130, signed): the sum
        // decides between the exact path and Double.parseDouble's, so each exponent digit must count as its value.
        for (int zeros = 0; zeros <= 130; zeros++) {
            String small = "0." + "0".repeat(zeros) + "37";
            for (String exponent : List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "24", "99", "130",
                    "+7", "-3")) {
                assertAsOracle(small + "e" + exponent);
                assertAsOracle("-" + small + "E" + exponent);
            }
        }
    }

    @Test
    void aNumberInsideALargerArrayIsReadAsItsOwnText() {
        // Oracle: Double.parseDouble of the number's own text; the characters around it are digits and an
        // exponent, which would change the number if they were read.
        for (String number : List.of("1", "-2.5", "12345678901234567890", "1e30", "4.9e-324", "0.1e-40",
                "123456789012345678.25", "9007199254740993")) {
            String around = "98e7" + number + "e17";
            double parsed = AsciiNumbers.parseDouble(around.toCharArray(), 4, 4 + number.length());
            assertThat(Double.doubleToRawLongBits(parsed)).as(number)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(number)));
        }
    }

    @Test
    void integersAreReadAsIntegerParseIntReadsTheirAsciiForm() {
        // Oracle: Integer.parseInt for optionally signed ASCII digits (its own bounds included); every other text,
        // also the non-ASCII digits Integer.parseInt would take, is a NumberFormatException.
        for (String text : List.of("0", "9", "7", "+0", "-0", "+5", "-9", "0123", "2147483647", "-2147483648")) {
            assertThat(AsciiNumbers.parseInt(text)).as(text).isEqualTo(Integer.parseInt(text));
        }
        for (String text : List.of("", "+", "-", "/", ":", "1/", "1:", "+-1", "1a", " 1", "1.0", "\u0661\u0662",
                "2147483648", "-2147483649")) {
            assertThatThrownBy(() -> AsciiNumbers.parseInt(text)).as(text).isInstanceOf(NumberFormatException.class);
        }
        assertThatThrownBy(() -> AsciiNumbers.parseDecimal("1/")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> AsciiNumbers.parseDecimal(":1")).isInstanceOf(NumberFormatException.class);
        assertThat(AsciiNumbers.parseDecimal("09.90")).isEqualTo(new java.math.BigDecimal("09.90"));
    }

    @Test
    void aDecimalOfAtMostMaxDecimalLengthCharactersIsRead() {
        // Oracle: BigDecimal's own constructor on the same text; MAX_DECIMAL_LENGTH is 100.
        String longest = "1." + "2".repeat(AsciiNumbers.MAX_DECIMAL_LENGTH - 2);
        assertThat(AsciiNumbers.parseDecimal(longest)).isEqualTo(new java.math.BigDecimal(longest));
        assertThatThrownBy(() -> AsciiNumbers.parseDecimal(longest + "3")).isInstanceOf(NumberFormatException.class)
                .hasMessage("longer than 100 characters");
    }
}
