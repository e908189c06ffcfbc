package dev.cxm.metrics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.StringReader;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * {@link SurvivalCsv} reads cells in place; its oracle is the reading it replaced, kept in this test: Jackson's
 * {@code CsvParser} (through its data binding: a list of strings per row, each stripped), the same checks in
 * the same order, and numbers by
 * {@link Double#parseDouble} once a regular expression written from the rule (an optional sign, ASCII digits
 * with at most one point, an optional exponent) has accepted the text. Random files of random separators,
 * quoting, blanks, blank lines, groups, covariates, flags and numbers (some malformed, some with too many
 * cells, some with an unclosed quote) give the same subjects, or the same refusal, both ways.
 */
class SurvivalCsvOracleTest {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    /** What a reading gave: the subjects, or the refusal's message ("unreadable" for text that is not CSV). */
    private record Outcome(Optional<SurvivalData> data, String refusal) {}

    @Test
    void readsRandomFilesAsTheStringPerCellReaderDid() {
        AtomicInteger read = new AtomicInteger();
        AtomicInteger unreadable = new AtomicInteger();
        qt().withExamples(3_000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            char separator = ",;\t|".charAt(random.nextInt(4));
            boolean grouped = random.nextBoolean();
            List<String> covariates = random.nextBoolean() ? List.of() : List.of("x", "y").subList(0,
                    1 + random.nextInt(2));
            String csv = randomFile(random, separator, grouped, covariates);
            SurvivalCsv.Builder reader = SurvivalCsv.custom(ChronoUnit.DAYS).separator(separator)
                    .covariates(covariates.toArray(String[]::new));
            if (grouped) {
                reader.groupColumn("plan");
            }
            Outcome actual = read(reader.build(), csv);
            Outcome expected = oracle(csv, separator, grouped, covariates);
            assertThat(actual.refusal()).as(csv).isEqualTo(expected.refusal());
            if (expected.data().isPresent()) {
                assertSame(actual.data().orElseThrow(), expected.data().get(), csv);
                read.incrementAndGet();
            }
            if (expected.refusal().equals("unreadable")) {
                unreadable.incrementAndGet();
            }
        });
        // The files are drawn so that both outcomes are common: a test that only ever refused would prove little.
        assertThat(read.get()).isGreaterThan(300);
        assertThat(unreadable.get()).isGreaterThan(10);
    }

    @Test
    void refusesWhatJavaParsesBeyondPlainDecimals() {
        // Each of these Double.parseDouble takes; none is a plain decimal in ASCII digits.
        SurvivalCsv reader = SurvivalCsv.custom(ChronoUnit.DAYS).covariates("x").build();
        for (String cell : List.of("0x1p3", "1d", "2f", "NaN", "Infinity", "-Infinity", "\u0967\u0968", "1e999")) {
            assertThatThrownBy(() -> reader.read(new StringReader("duration,event,x\n3,1,0\n" + cell + ",0,1\n")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("row 2: column duration is not a number");
            assertThatThrownBy(() -> reader.read(new StringReader("duration,event,x\n3,1," + cell + "\n")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("row 1: column x is not a number");
        }
        assertThatThrownBy(() -> reader.read(new StringReader("duration,event,x\n3,1,0\n4,\"1,0\n5,0,1\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("line 3: the text cannot be read"
                        + " as CSV from here on (a quoted value is not closed");
    }

    private static Outcome read(SurvivalCsv reader, String csv) {
        try {
            return new Outcome(Optional.of(reader.read(new StringReader(csv))), "");
        } catch (IllegalArgumentException refused) {
            return new Outcome(Optional.empty(), refused.getMessage().startsWith("line ") ? "unreadable"
                    : refused.getMessage());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertSame(SurvivalData actual, SurvivalData expected, String csv) {
        assertThat(actual.size()).as(csv).isEqualTo(expected.size());
        assertThat(actual.groups()).as(csv).isEqualTo(expected.groups());
        assertThat(actual.covariateNames()).isEqualTo(expected.covariateNames());
        for (int row = 1; row <= expected.size(); row++) {
            assertThat(Double.doubleToRawLongBits(actual.duration(row))).as(csv)
                    .isEqualTo(Double.doubleToRawLongBits(expected.duration(row)));
            assertThat(actual.observed(row)).as(csv).isEqualTo(expected.observed(row));
            assertThat(actual.group(row)).as(csv).isEqualTo(expected.group(row));
            for (String name : expected.covariateNames()) {
                assertThat(actual.covariate(row, name)).as(csv).isEqualTo(expected.covariate(row, name));
            }
        }
    }

    private static String randomFile(Random random, char separator, boolean grouped, List<String> covariates) {
        List<String> columns = new ArrayList<>(List.of("duration", "event"));
        if (grouped) {
            columns.add("plan");
        }
        columns.addAll(covariates);
        Collections.shuffle(columns, random);
        StringBuilder csv = new StringBuilder();
        if (random.nextInt(10) == 0) {
            csv.append('\uFEFF');
        }
        appendRow(csv, random, separator, new ArrayList<>(columns));
        int rows = random.nextInt(8);
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(6) == 0) {
                csv.append(random.nextBoolean() ? "\n" : "  \r\n");
            }
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                cells.add(switch (column) {
                    case "duration" -> number(random, false);
                    case "event" -> random.nextInt(15) == 0 ? pick(random, "yes", "", "1.0", "2")
                            : pick(random, "0", "1", "true", "FALSE", " True ");
                    case "plan" -> random.nextInt(15) == 0 ? "" : pick(random, "a", "b", " a ", "c d", "\u00e9t\u00e9",
                            "x\"y");
                    default -> number(random, true);
                });
            }
            if (random.nextInt(25) == 0) {
                cells.add("7");
            }
            appendRow(csv, random, separator, cells);
        }
        if (random.nextInt(30) == 0) {
            csv.append("\"unclosed").append(separator).append("1\n");
        }
        return csv.toString();
    }

    private static void appendRow(StringBuilder csv, Random random, char separator, List<String> cells) {
        for (int j = 0; j < cells.size(); j++) {
            if (j > 0) {
                csv.append(separator);
            }
            String cell = cells.get(j);
            if (random.nextInt(4) == 0 || cell.indexOf('"') >= 0) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
        }
        csv.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
    }

    private static String number(Random random, boolean signed) {
        return switch (random.nextInt(40)) {
            case 0 -> pick(random, "NaN", "Infinity", "0x1p3", "1d", "2f", "\u0967", "abc", "", "1e999", "1,5", ".");
            case 1 -> (random.nextBoolean() ? "-" : "+") + random.nextInt(1000);
            case 2, 3, 4 -> random.nextInt(100) + "e" + (random.nextInt(40) - 20);
            case 5, 6, 7 -> "." + random.nextInt(1000);
            case 8, 9, 10 -> " " + random.nextInt(1000) + " ";
            case 11, 12, 13 -> Double.toString(random.nextDouble() * 1e6);
            case 14, 15 -> Long.toString(random.nextLong() & Long.MAX_VALUE) + "123";
            default -> (signed && random.nextBoolean() ? "-" : "") + random.nextInt(2000)
                    + (random.nextBoolean() ? "." + random.nextInt(100) : "");
        };
    }

    private static String pick(Random random, String... texts) {
        return texts[random.nextInt(texts.length)];
    }

    /** The reading SurvivalCsv did before it read in place, numbers checked against the plain form. */
    private static Outcome oracle(String csv, char separator, boolean grouped, List<String> covariates) {
        // The byte-order mark is dropped before Jackson reads, as the tokenizer's own test does: the reader it
        // replaced dropped it from the first header cell only, which missed a quoted first name.
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (MappingIterator<List<String>> parser = CSV.readerForListOf(String.class)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator)).readValues(new StringReader(text))) {
            List<String> header = nextRow(parser).orElseThrow();
            int duration = header.indexOf("duration");
            int event = header.indexOf("event");
            int group = grouped ? header.indexOf("plan") : -1;
            SurvivalData.Builder builder = SurvivalData.builder(ChronoUnit.DAYS, covariates);
            double[] values = new double[covariates.size()];
            long row = 0;
            for (Optional<List<String>> cells = nextRow(parser); cells.isPresent(); cells = nextRow(parser)) {
                row++;
                List<String> line = cells.get();
                if (line.size() != header.size()) {
                    return new Outcome(Optional.empty(), "row " + row + ": " + line.size() + " columns, the header has "
                            + header.size() + "; every row must have exactly the header's columns");
                }
                for (int j = 0; j < values.length; j++) {
                    values[j] = number(line.get(header.indexOf(covariates.get(j))));
                    if (Double.isNaN(values[j])) {
                        return new Outcome(Optional.empty(), "row " + row + ": column " + covariates.get(j)
                                + " is not a number");
                    }
                }
                boolean observed;
                try {
                    observed = SurvivalData.parseEventFlag(line.get(event));
                } catch (IllegalArgumentException e) {
                    return new Outcome(Optional.empty(), "row " + row + ": " + e.getMessage());
                }
                double time = number(line.get(duration));
                if (Double.isNaN(time)) {
                    return new Outcome(Optional.empty(), "row " + row + ": column duration is not a number");
                }
                builder.add(time, observed, group < 0 ? SurvivalData.DEFAULT_GROUP : line.get(group).strip(), values);
            }
            return new Outcome(Optional.of(builder.build()), "");
        } catch (JsonProcessingException | RuntimeJsonMappingException unreadable) {
            return new Outcome(Optional.empty(), "unreadable");
        } catch (IllegalArgumentException refused) {
            return new Outcome(Optional.empty(), refused.getMessage());
        } catch (RuntimeException wrapped) {
            // The iterator wraps the parser's complaint about text that is not CSV.
            if (wrapped.getCause() instanceof JsonProcessingException) {
                return new Outcome(Optional.empty(), "unreadable");
            }
            throw wrapped;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static double number(String text) {
        String cell = text.strip();
        if (!PLAIN_DECIMAL.matcher(cell).matches()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(cell);
        return Double.isFinite(value) ? value : Double.NaN;
    }

    /** Returns the next row's cells, stripped, as Jackson's data binding reads a row into a list. */
    private static Optional<List<String>> nextRow(MappingIterator<List<String>> rows) {
        if (!rows.hasNext()) {
            return Optional.empty();
        }
        return Optional.of(rows.next().stream().map(String::strip).toList());
    }
}
