package dev.cxm.metrics.clv.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;

/**
 * Reads summary CSVs written in every way RFC 4180 and the exporters allow.
 *
 * <p>Oracle: the values the test draws itself. Each file is written from drawn rows with randomly chosen
 * formatting that keeps their meaning (column order, header aliases, an unnamed id column, quoting, padding,
 * number forms, line endings, blank lines, a byte-order mark, omitted trailing cells, files larger than the
 * reader's buffer and rows longer than its first row array), so reading it must give back exactly the drawn
 * values; a file with one bad row must be refused naming that row's physical line, counted by the test as it
 * writes (line breaks inside quoted ids included).
 */
class SummaryCsvFormattingPropertyTest {

    private static final List<List<String>> ALIASES = List.of(
            List.of("ID", "id", "customer_id", "CustomerID", "cust"),
            List.of("frequency", "x", "frequency_cal"),
            List.of("recency", "t_x", "t.x", "recency_cal"),
            List.of("T", "T_cal", "T.cal", "periods", "n.cal", "n_cal"),
            List.of("monetary_value", "m.x", "m_x", "zbar", "monetary_value_cal"),
            List.of("weights", "weight", "custs"));
    private static final int ID = 0;
    private static final int FREQUENCY = 1;
    private static final int RECENCY = 2;
    private static final int AGE = 3;
    private static final int MONETARY = 4;
    private static final int WEIGHT = 5;
    private static final char[] SEPARATORS = {',', ';', '\t', '|'};
    private static final String ID_LETTERS = "abcXYZ0189_-.é日";

    private record Row(String id, int frequency, double recency, double age, OptionalDouble spend, double weight) {
    }

    /** A file written by {@link Writer}, with the physical line each data row starts on. */
    private record File(byte[] bytes, char separator, List<Integer> columns, List<Row> rows, List<Integer> lines,
            List<String> headerNames) {
    }

    @Test
    void everyFormattingOfTheDrawnRowsReadsBackTheSameValues() {
        qt().withExamples(60).forAll(longs().all(), integers().between(0, 2_500)).checkAssert((seed, size) -> {
            File file = new Writer(new Random(seed)).write(size, Optional.empty());
            RfmCells cells = read(file);
            assertThat(cells.size()).isEqualTo(file.rows().size());
            boolean withIds = file.columns().contains(ID);
            boolean withWeights = file.columns().contains(WEIGHT);
            for (int i = 0; i < file.rows().size(); i++) {
                Row row = file.rows().get(i);
                assertThat(cells.customerId(i)).isEqualTo(withIds ? Optional.of(CustomerId.of(row.id()))
                        : Optional.empty());
                assertThat(cells.frequency(i)).isEqualTo(row.frequency());
                assertThat(cells.recency(i)).isEqualTo(row.recency());
                assertThat(cells.age(i)).isEqualTo(row.age());
                assertThat(cells.monetaryValue(i)).isEqualTo(row.spend());
                assertThat(cells.weight(i)).isEqualTo(withWeights ? row.weight() : 1.0);
            }
        });
    }

    @Test
    void aBadRowIsRefusedNamingItsPhysicalLine() {
        qt().withExamples(60).forAll(longs().all(), integers().between(1, 1_500)).checkAssert((seed, size) -> {
            Random random = new Random(seed);
            int bad = random.nextInt(size);
            BadRow kind = BadRow.values()[random.nextInt(BadRow.values().length)];
            File file = new Writer(random).write(size, Optional.of(new Fault(bad, kind)));
            int line = file.lines().get(bad);
            String expected = switch (kind) {
                case EXTRA_CELL -> "line " + line + ": " + (file.columns().size() + 1) + " cells but the header has "
                        + file.columns().size() + " columns";
                case NEGATIVE_AGE -> "line " + line + ", column " + file.headerNames().get(AGE) + ": negative";
                case RECENCY_ABOVE_AGE -> "line " + line + ", column " + file.headerNames().get(RECENCY)
                        + ": greater than T";
                case FRACTIONAL_FREQUENCY -> "line " + line + ", column " + file.headerNames().get(FREQUENCY)
                        + ": not a whole number";
            };
            assertThatThrownBy(() -> read(file)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(expected);
        });
    }

    private static RfmCells read(File file) {
        SummaryCsvReader reader = SummaryCsvReader.custom(ChronoUnit.WEEKS).separator(file.separator()).build();
        try (InputStream in = new ByteArrayInputStream(file.bytes())) {
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private enum BadRow { EXTRA_CELL, NEGATIVE_AGE, RECENCY_ABOVE_AGE, FRACTIONAL_FREQUENCY }

    private record Fault(int row, BadRow kind) {
    }

    /** Writes drawn rows as a summary CSV, drawing every formatting choice from one random source. */
    private static final class Writer {
        private final Random random;
        private final char separator;
        private final StringBuilder out = new StringBuilder();
        private int line = 1;

        Writer(Random random) {
            this.random = random;
            this.separator = SEPARATORS[random.nextInt(SEPARATORS.length)];
        }

        File write(int size, Optional<Fault> fault) {
            List<Integer> columns = new ArrayList<>(List.of(FREQUENCY, RECENCY, AGE));
            boolean withIds = random.nextInt(5) > 0;
            if (random.nextBoolean()) {
                columns.add(MONETARY);
            }
            if (random.nextBoolean()) {
                columns.add(WEIGHT);
            }
            Collections.shuffle(columns, random);
            if (withIds) {
                columns.add(random.nextInt(3) == 0 ? 0 : random.nextInt(columns.size() + 1), ID);
            }
            List<String> headerNames = new ArrayList<>(Collections.nCopies(ALIASES.size(), ""));
            for (int column : columns) {
                List<String> names = ALIASES.get(column);
                headerNames.set(column, names.get(random.nextInt(names.size())));
            }
            if (random.nextBoolean()) {
                out.append('\uFEFF');
            }
            List<String> header = new ArrayList<>();
            for (int column : columns) {
                // R's write.csv leaves the column of row names unnamed.
                boolean unnamed = column == ID && columns.get(0) == ID && random.nextInt(3) == 0;
                header.add(unnamed ? "" : headerNames.get(column));
            }
            writeCells(header, header.size());
            List<Row> rows = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                lineBreak();
                while (random.nextInt(8) == 0) {
                    lineBreak();
                }
                Row row = drawRow(columns);
                rows.add(row);
                lines.add(line);
                int index = i;
                Optional<BadRow> badHere = fault.filter(f -> f.row() == index).map(Fault::kind);
                List<String> cells = new ArrayList<>();
                for (int column : columns) {
                    cells.add(cell(row, column, badHere));
                }
                int written = cells.size();
                // An exporter may leave out empty trailing cells.
                while (written > 0 && cells.get(written - 1).isEmpty() && random.nextBoolean()) {
                    written--;
                }
                if (fault.isPresent() && fault.get().row() == i && fault.get().kind() == BadRow.EXTRA_CELL) {
                    cells.add("1");
                    written = cells.size();
                }
                writeCells(cells, written);
            }
            if (random.nextBoolean()) {
                lineBreak();
            }
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            return new File(bytes, separator, columns, rows, lines, headerNames);
        }

        private Row drawRow(List<Integer> columns) {
            int frequency = random.nextInt(4) == 0 ? 0 : random.nextInt(60);
            double age = random.nextInt(4_000) / 8.0;
            double recency = frequency == 0 ? 0 : random.nextInt((int) (age * 8) + 1) / 8.0;
            OptionalDouble spend = OptionalDouble.empty();
            if (columns.contains(MONETARY) && frequency > 0 && random.nextInt(6) > 0) {
                spend = OptionalDouble.of(random.nextInt(100_000) / 100.0);
            }
            double weight = (1 + random.nextInt(1_000)) / 4.0;
            return new Row(drawId(), frequency, recency, age, spend, weight);
        }

        private String drawId() {
            int length = random.nextInt(20) == 0 ? 100 + random.nextInt(150) : 1 + random.nextInt(12);
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < length; i++) {
                int pick = i == 0 || i == length - 1 ? 39 : random.nextInt(40);
                if (pick == 0) {
                    id.append(separator);
                } else if (pick == 1) {
                    id.append('"');
                } else if (pick == 2) {
                    id.append(random.nextBoolean() ? "\n" : "\r\n");
                } else if (pick == 3) {
                    id.append(' ');
                } else {
                    id.append(ID_LETTERS.charAt(random.nextInt(ID_LETTERS.length())));
                }
            }
            if (id.length() > 250) {
                // A drawn "\r\n" counts two characters: stay within an id's 256.
                id.setLength(250);
                id.append(ID_LETTERS.charAt(0));
            }
            return id.toString();
        }

        private String cell(Row row, int column, Optional<BadRow> fault) {
            return switch (column) {
                case ID -> row.id();
                case FREQUENCY -> fault.filter(f -> f == BadRow.FRACTIONAL_FREQUENCY).isPresent()
                        ? row.frequency() + ".5" : wholeNumber(row.frequency());
                case RECENCY -> fault.filter(f -> f == BadRow.RECENCY_ABOVE_AGE).isPresent()
                        ? number(row.age() + 1) : number(row.recency());
                case AGE -> fault.filter(f -> f == BadRow.NEGATIVE_AGE).isPresent()
                        ? "-" + number(row.age() + 1) : number(row.age());
                case MONETARY -> row.spend().isPresent() ? number(row.spend().getAsDouble())
                        : row.frequency() == 0 && random.nextBoolean() ? "0" : "";
                case WEIGHT -> number(row.weight());
                default -> throw new IllegalStateException("column " + column);
            };
        }

        private String wholeNumber(int value) {
            return switch (random.nextInt(4)) {
                case 0 -> value + ".0";
                case 1 -> value + "e0";
                default -> Integer.toString(value);
            };
        }

        private String number(double value) {
            String text = switch (random.nextInt(5)) {
                case 0 -> Double.toString(value);
                case 1 -> BigDecimal.valueOf(value).toPlainString();
                case 2 -> String.format(Locale.ROOT, "%.7e", value);
                case 3 -> value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
                default -> BigDecimal.valueOf(value).movePointRight(3).toPlainString() + "E-3";
            };
            return random.nextBoolean() ? text : text.toUpperCase(Locale.ROOT);
        }

        private void writeCells(List<String> cells, int count) {
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    out.append(separator);
                }
                writeCell(cells.get(i));
            }
        }

        private void writeCell(String text) {
            boolean mustQuote = text.indexOf(separator) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                    || text.indexOf('\r') >= 0;
            if (mustQuote || random.nextInt(5) == 0) {
                pad();
                out.append('"');
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    out.append(c);
                    if (c == '"') {
                        out.append('"');
                    } else if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                        line++;
                    }
                }
                out.append('"');
                pad();
            } else {
                pad();
                out.append(text);
                pad();
            }
        }

        private void pad() {
            int spaces = random.nextInt(6) == 0 ? 1 + random.nextInt(3) : 0;
            for (int i = 0; i < spaces; i++) {
                out.append(separator != '\t' && random.nextBoolean() ? '\t' : ' ');
            }
        }

        private void lineBreak() {
            // A "\r" break followed by a "\n" one would read as one "\r\n" break.
            boolean afterReturn = out.length() > 0 && out.charAt(out.length() - 1) == '\r';
            out.append(switch (random.nextInt(afterReturn ? 2 : 3)) {
                case 0 -> "\r\n";
                case 1 -> "\r";
                default -> "\n";
            });
            line++;
        }
    }
}
