package dev.cxm.examples.simulate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * The hand-written formats agree with their references: instants and durations with {@code java.time}'s
 * {@code toString}, fixed-point numbers with {@code BigDecimal}, CSV cells with Jackson's CSV reader, JSON
 * strings with Jackson's JSON reader.
 */
class TimesAndAsciiTest {

    @Test
    void instantsAreWrittenAsInstantToStringWritesWholeSeconds() {
        // years 0001 to 9999
        qt().withExamples(20_000).forAll(longs().between(-62_135_596_800L, 253_402_300_799L)).checkAssert(second -> {
            Ascii out = new Ascii(8);
            Times.appendInstant(out, second);
            assertThat(out.toString()).isEqualTo(Instant.ofEpochSecond(second).toString());
        });
    }

    @Test
    void durationsAreWrittenAsDurationToStringWritesWholeSeconds() {
        qt().withExamples(20_000).forAll(longs().between(0, 10_000_000L)).checkAssert(seconds -> {
            Ascii out = new Ascii(8);
            Times.appendDuration(out, seconds);
            assertThat(out.toString()).isEqualTo(Duration.ofSeconds(seconds).toString());
        });
    }

    @Test
    void numbersAreWrittenAsTheirDecimalText() {
        qt().withExamples(10_000).forAll(longs().between(0, Long.MAX_VALUE / 10), integers().between(1, 6))
                .checkAssert((units, decimals) -> {
                    assertThat(new Ascii(4).appendFixed(units, decimals).toString())
                            .isEqualTo(BigDecimal.valueOf(units, decimals).toPlainString());
                    assertThat(new Ascii(4).append(units).toString()).isEqualTo(Long.toString(units));
                    assertThat(new Ascii(4).append(-units).toString()).isEqualTo(Long.toString(-units));
                    assertThat(new Ascii(4).appendPadded(units % 1000, 7).toString())
                            .isEqualTo(String.format("%07d", units % 1000));
                });
    }

    @Test
    void csvCellsAndJsonStringsReadBackAsTheirText() {
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        ObjectMapper json = new ObjectMapper();
        qt().withExamples(5_000).forAll(strings().ascii().ofLengthBetween(0, 40)).checkAssert(text -> {
            Ascii row = new Ascii(4).append("a,").appendCsvCell(text).append(",b\n");
            try {
                List<List<String>> rows = new ArrayList<>();
                csv.readerFor(List.class).readValues(new StringReader(row.toString()))
                        .forEachRemaining(value -> rows.add(castRow(value)));
                assertThat(rows).containsExactly(List.of("a", text, "b"));
                assertThat(json.readValue(new Ascii(4).appendJsonString(text).toString(), String.class))
                        .isEqualTo(text);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> castRow(Object value) {
        return (List<String>) value;
    }
}
