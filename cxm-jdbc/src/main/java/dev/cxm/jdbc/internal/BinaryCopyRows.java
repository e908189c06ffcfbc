package dev.cxm.jdbc.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The rows of a PostgreSQL {@code COPY ... TO STDOUT (FORMAT binary)}, read one at a time from the stream
 * the driver's copy API gives: a header, then per row a 16-bit field count and per field a 32-bit length
 * ({@code -1} for {@code NULL}) and the value in the type's binary form, then a count of {@code -1}. The
 * columns are those of {@link EventColumns#NAMES}, with {@code amount} and {@code attributes} cast to text,
 * so that every value is text, a big-endian integer, or a timestamp (microseconds since 2000-01-01 UTC).
 */
final class BinaryCopyRows implements EventColumns.Fields {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix seconds. */
    private static final long POSTGRES_EPOCH = 946_684_800L;

    private final DataInputStream in;
    private final int[] offsets = new int[EventColumns.COUNT + 1];
    private final int[] lengths = new int[EventColumns.COUNT + 1];
    private byte[] buffer = new byte[8192];
    private boolean ended;

    /** Reads the header of {@code in}. */
    BinaryCopyRows(InputStream in) throws IOException {
        this.in = new DataInputStream(in);
        byte[] signature = new byte[SIGNATURE.length];
        this.in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("the COPY output is not in PostgreSQL's binary format");
        }
        this.in.readInt();
        int extension = this.in.readInt();
        this.in.skipNBytes(extension);
    }

    /** Reads the next row; returns false at the end of the rows (and reads the stream to its end). */
    boolean next() throws IOException {
        if (ended) {
            return false;
        }
        short fields = in.readShort();
        if (fields == -1) {
            ended = true;
            // The end of the COPY: reading on lets the driver take the server's completion.
            while (in.read() >= 0) {
                // nothing follows the trailer
            }
            return false;
        }
        if (fields != EventColumns.COUNT) {
            throw new IOException("a COPY row has " + fields + " fields, not " + EventColumns.COUNT);
        }
        int position = 0;
        for (int i = 1; i <= fields; i++) {
            int length = in.readInt();
            lengths[i] = length;
            offsets[i] = position;
            if (length > 0) {
                if (position + length > buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + length));
                }
                in.readFully(buffer, position, length);
                position += length;
            }
        }
        return true;
    }

    @Override
    public @Nullable String text(int column) {
        int length = lengths[column];
        return length < 0 ? null : new String(buffer, offsets[column], length, StandardCharsets.UTF_8);
    }

    @Override
    public short int16(int column) throws SQLException {
        require(column, 2);
        int at = offsets[column];
        return (short) ((buffer[at] & 0xff) << 8 | buffer[at + 1] & 0xff);
    }

    @Override
    public int int32(int column) throws SQLException {
        require(column, 4);
        int at = offsets[column];
        return (buffer[at] & 0xff) << 24 | (buffer[at + 1] & 0xff) << 16 | (buffer[at + 2] & 0xff) << 8
                | buffer[at + 3] & 0xff;
    }

    @Override
    public long int64(int column) throws SQLException {
        require(column, 8);
        int at = offsets[column];
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | buffer[at + i] & 0xff;
        }
        return value;
    }

    @Override
    public BigDecimal decimal(int column) throws SQLException {
        String text = text(column);
        if (text == null) {
            throw new SQLException("column " + column + " of a COPY row is NULL where a number is stored");
        }
        return new BigDecimal(text);
    }

    @Override
    public Instant instant(int column) throws SQLException {
        long micros = int64(column);
        return Instant.ofEpochSecond(POSTGRES_EPOCH + Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private void require(int column, int length) throws SQLException {
        if (lengths[column] != length) {
            throw new SQLException("column " + column + " of a COPY row holds " + lengths[column] + " bytes, not "
                    + length);
        }
    }
}
