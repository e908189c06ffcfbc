package dev.cxm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.EventId;
import dev.cxm.jdbc.JdbcStoreException;

/**
 * {@link BinaryCopyReader} reads the rows of PostgreSQL's binary COPY format however the driver's messages cut
 * them. The bytes come from {@link BinaryCopyWriter}; the oracle is the list of values written (the format
 * itself is checked against PostgreSQL in {@code PostgresCopyTest}).
 */
class BinaryCopyReaderTest {

    private record Row(String text, int number, long big, Instant at, String nullable) {}

    private static final List<Row> ROWS = List.of(
            new Row("e1", 7, -1L, Instant.parse("2026-01-01T00:00:00.000001Z"), "x"),
            new Row("ä€😀", -42, Long.MAX_VALUE, Instant.parse("0001-01-01T00:00:00Z"), null),
            new Row("", Integer.MIN_VALUE, 0L, Instant.parse("1969-12-31T23:59:59.999999Z"), "tab\tnew\nline"),
            new Row("x".repeat(5_000), 0, 1L << 40, Instant.parse("9999-12-31T23:59:59.999999Z"), null));

    private static byte[] written() {
        BinaryCopyWriter writer = new BinaryCopyWriter(16);
        for (Row row : ROWS) {
            writer.row(5);
            writer.text(row.text());
            writer.integer(row.number());
            writer.bigint(row.big());
            writer.timestamp(row.at());
            writer.text(row.nullable());
        }
        writer.end();
        return Arrays.copyOf(writer.bytes(), writer.size());
    }

    private static List<Row> read(List<byte[]> messages) throws SQLException {
        Iterator<byte[]> source = messages.iterator();
        BinaryCopyReader reader = new BinaryCopyReader(() -> source.hasNext() ? source.next() : null, 5);
        List<Row> rows = new ArrayList<>();
        while (reader.next()) {
            rows.add(new Row(reader.requiredText(1), reader.int32(2), reader.int64(3), reader.instant(4, EventId.of("e1")),
                    reader.text(5)));
        }
        assertThat(source.hasNext()).as("every message read, up to the end").isFalse();
        return rows;
    }

    /** Cuts {@code bytes} at the given offsets (taken modulo the length, sorted, repeated ones giving empty parts). */
    private static List<byte[]> cut(byte[] bytes, List<Integer> cuts) {
        int[] at = cuts.stream().mapToInt(c -> Math.floorMod(c, bytes.length + 1)).sorted().toArray();
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (int to : at) {
            parts.add(Arrays.copyOfRange(bytes, from, to));
            from = to;
        }
        parts.add(Arrays.copyOfRange(bytes, from, bytes.length));
        return parts;
    }

    @Test
    void rowsReadTheSameInOneMessageAndCutAnywhere() throws SQLException {
        byte[] bytes = written();
        assertThat(read(List.of(bytes))).isEqualTo(ROWS);
        // Every single cut: through the header, inside a length, inside a value, between rows.
        for (int at = 0; at <= bytes.length; at += at < 200 ? 1 : 97) {
            assertThat(read(cut(bytes, List.of(at)))).as("cut at %d", at).isEqualTo(ROWS);
        }
        qt().forAll(lists().of(integers().all()).ofSizeBetween(0, 40))
                .checkAssert(cuts -> {
                    try {
                        assertThat(read(cut(bytes, cuts))).isEqualTo(ROWS);
                    } catch (SQLException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void aTruncatedCopyOrAnotherFormatIsRefused() {
        byte[] bytes = written();
        assertThatThrownBy(() -> read(List.of(Arrays.copyOf(bytes, bytes.length - 2))))
                .isInstanceOf(SQLException.class).hasMessageContaining("without its trailer");
        assertThatThrownBy(() -> read(List.of(Arrays.copyOf(bytes, bytes.length - 10))))
                .isInstanceOf(SQLException.class).hasMessageContaining("inside a row");
        assertThatThrownBy(() -> read(List.of("1\tx\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                new byte[30]))).isInstanceOf(SQLException.class).hasMessageContaining("binary format");
    }

    @Test
    void postgresInfiniteTimestampsAreRefusedByTheEventsId() throws SQLException {
        // PostgreSQL sends 'infinity' and '-infinity' as the largest and smallest 64-bit counts (its
        // DT_NOEND and DT_NOBEGIN), which a BIGINT field of 8 bytes writes alike; a count one inside either is an
        // instant (the oracle: 2000-01-01 plus that many microseconds).
        for (long micros : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1}) {
            BinaryCopyWriter writer = new BinaryCopyWriter(16);
            writer.row(1);
            writer.bigint(micros);
            writer.end();
            byte[] bytes = Arrays.copyOf(writer.bytes(), writer.size());
            Iterator<byte[]> source = List.of(bytes).iterator();
            BinaryCopyReader reader = new BinaryCopyReader(() -> source.hasNext() ? source.next() : null, 1);
            assertThat(reader.next()).isTrue();
            if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
                String name = micros == Long.MAX_VALUE ? "infinity" : "-infinity";
                assertThatThrownBy(() -> reader.instant(1, EventId.of("e7"))).isInstanceOf(JdbcStoreException.class)
                        .hasMessage("occurred_at: event e7 holds PostgreSQL's timestamp '" + name + "', which is no"
                                + " instant; the stores hold instants of the years 1 to 9999 (the row was written"
                                + " outside them)");
            } else {
                assertThat(reader.instant(1, EventId.of("e7"))).isEqualTo(Instant.parse("2000-01-01T00:00:00Z")
                        .plus(micros, java.time.temporal.ChronoUnit.MICROS));
            }
        }
    }
}
