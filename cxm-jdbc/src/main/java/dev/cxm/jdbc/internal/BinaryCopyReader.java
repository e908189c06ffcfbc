package dev.cxm.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import dev.cxm.core.model.EventId;
import dev.cxm.jdbc.JdbcStoreException;

/**
 * Reads the rows of a PostgreSQL {@code COPY ... TO STDOUT (FORMAT binary)} one at a time from the messages
 * the driver hands over ({@link Source}): a header, then per row a 16-bit field count and per field a 32-bit
 * length ({@code -1} for {@code NULL}) and the value in its type's binary form, then a count of {@code -1}.
 *
 * <p>The server sends one message per row, so a row's fields are read where the driver put them, without
 * copying; a row that spans messages (the protocol allows it) is gathered into one array first. The fields of
 * the current row are addressed by their position, from 1.
 */
final class BinaryCopyReader {

    /** The messages of one {@code COPY}, in order: the driver's {@code CopyOut.readFromCopy}. */
    @FunctionalInterface
    interface Source {
        /** Returns the next message's bytes, or {@code null} after the last. */
        byte @Nullable [] next() throws SQLException;
    }

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final int INCOMPLETE = -1;
    private static final int TRAILER = -2;

    private final Source source;
    private final int fields;
    private final int[] offsets;
    private final int[] lengths;
    private byte[] chunk = new byte[0];
    private int position;
    private byte[] row = chunk;
    private boolean ended;

    /**
     * Reads the header from {@code source}.
     *
     * @param fields how many fields each row has
     * @throws SQLException when the driver fails or the data is not a binary COPY of such rows
     */
    BinaryCopyReader(Source source, int fields) throws SQLException {
        this.source = source;
        this.fields = fields;
        this.offsets = new int[fields + 1];
        this.lengths = new int[fields + 1];
        require(SIGNATURE.length + 8);
        if (!Arrays.equals(chunk, position, position + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new SQLException("the COPY output is not in PostgreSQL's binary format");
        }
        position += SIGNATURE.length + 4;
        int extension = readInt(chunk, position);
        position += 4;
        require(extension);
        position += extension;
    }

    /**
     * Moves to the next row; returns false after the last, when the {@code COPY} has ended (the driver has read
     * the server's completion).
     *
     * @throws SQLException when the driver fails or a row is not as expected
     */
    boolean next() throws SQLException {
        if (ended) {
            return false;
        }
        if (position == chunk.length && !nextChunk()) {
            throw new SQLException("the COPY output ended without its trailer");
        }
        int end = parse(chunk, position, chunk.length);
        if (end == INCOMPLETE) {
            // Rare: a row across messages. Gather it (and what follows it in the last message) into one array.
            byte[] gathered = Arrays.copyOfRange(chunk, position, chunk.length);
            do {
                byte[] more = source.next();
                if (more == null) {
                    throw new SQLException("the COPY output ended inside a row");
                }
                int had = gathered.length;
                gathered = Arrays.copyOf(gathered, had + more.length);
                System.arraycopy(more, 0, gathered, had, more.length);
                end = parse(gathered, 0, gathered.length);
            } while (end == INCOMPLETE);
            chunk = gathered;
            position = 0;
        }
        if (end == TRAILER) {
            ended = true;
            while (source.next() != null) {
                // Nothing follows the trailer; reading on takes the server's completion.
            }
            return false;
        }
        row = chunk;
        position = end;
        return true;
    }

    /**
     * Reads the field offsets of the row at {@code from}; returns where it ends, {@link #INCOMPLETE} when
     * {@code data} ends before it does, or {@link #TRAILER} at the end of the rows.
     */
    private int parse(byte[] data, int from, int limit) throws SQLException {
        if (limit - from < 2) {
            return INCOMPLETE;
        }
        short count = (short) ((data[from] & 0xff) << 8 | data[from + 1] & 0xff);
        if (count == -1) {
            return TRAILER;
        }
        if (count != fields) {
            throw new SQLException("a COPY row has " + count + " fields, not " + fields);
        }
        int at = from + 2;
        for (int i = 1; i <= fields; i++) {
            if (limit - at < 4) {
                return INCOMPLETE;
            }
            int length = readInt(data, at);
            at += 4;
            offsets[i] = at;
            lengths[i] = length;
            if (length > 0) {
                if (limit - at < length) {
                    return INCOMPLETE;
                }
                at += length;
            }
        }
        return at;
    }

    /** Returns whether the field is {@code NULL}. */
    boolean isNull(int field) {
        return lengths[field] < 0;
    }

    /** Returns a text field, or {@code null}. */
    @Nullable String text(int field) {
        int length = lengths[field];
        return length < 0 ? null : new String(row, offsets[field], length, StandardCharsets.UTF_8);
    }

    /** Returns a text field that is not {@code NULL}. */
    String requiredText(int field) throws SQLException {
        String text = text(field);
        if (text == null) {
            throw new SQLException("field " + field + " of a COPY row is NULL where a value is stored");
        }
        return text;
    }

    /** Returns a {@code JSONB} field's JSON text (after its version byte), or {@code null}. */
    @Nullable String jsonb(int field) throws SQLException {
        int length = lengths[field];
        if (length < 0) {
            return null;
        }
        if (length == 0 || row[offsets[field]] != 1) {
            throw new SQLException("field " + field + " of a COPY row is not JSONB of version 1");
        }
        return new String(row, offsets[field] + 1, length - 1, StandardCharsets.UTF_8);
    }

    /** Returns a {@code SMALLINT} field that is not {@code NULL}. */
    short int16(int field) throws SQLException {
        require(field, 2);
        int at = offsets[field];
        return (short) ((row[at] & 0xff) << 8 | row[at + 1] & 0xff);
    }

    /** Returns an {@code INTEGER} field that is not {@code NULL}. */
    int int32(int field) throws SQLException {
        require(field, 4);
        return readInt(row, offsets[field]);
    }

    /** Returns a {@code BIGINT} field that is not {@code NULL}. */
    long int64(int field) throws SQLException {
        require(field, 8);
        return readLong(row, offsets[field]);
    }

    /**
     * Returns a {@code TIMESTAMPTZ} field that is not {@code NULL}, an event's {@code occurred_at}: microseconds
     * since 2000-01-01 UTC.
     *
     * @param field the field's position
     * @param event the event the row holds, named when the field is refused
     * @return the instant
     * @throws SQLException when the field is not 8 bytes long
     * @throws JdbcStoreException when the field holds PostgreSQL's {@code infinity} or {@code -infinity} (the
     *     largest and smallest counts), which no instant is ({@link EventColumns#infinite})
     */
    Instant instant(int field, EventId event) throws SQLException {
        long micros = int64(field);
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
            throw EventColumns.infinite("occurred_at", "event " + event, micros == Long.MAX_VALUE);
        }
        return Instant.ofEpochSecond(BinaryCopyWriter.POSTGRES_EPOCH_SECONDS + Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /**
     * Returns whether the bytes of the fields {@code first} to {@code last} (their lengths and values, which lie
     * one after another in the row) equal {@code key}.
     */
    boolean rangeEquals(int first, int last, byte[] key) {
        int from = offsets[first] - 4;
        return Arrays.equals(row, from, rangeEnd(last), key, 0, key.length);
    }

    /** Returns a hash of the bytes of the fields {@code first} to {@code last}, as {@link #rangeEquals} compares. */
    int rangeHash(int first, int last) {
        int hash = 1;
        for (int i = offsets[first] - 4, end = rangeEnd(last); i < end; i++) {
            hash = 31 * hash + row[i];
        }
        return hash;
    }

    /** Returns a copy of the bytes of the fields {@code first} to {@code last}. */
    byte[] range(int first, int last) {
        return Arrays.copyOfRange(row, offsets[first] - 4, rangeEnd(last));
    }

    private int rangeEnd(int last) {
        return offsets[last] + Math.max(lengths[last], 0);
    }

    private void require(int field, int length) throws SQLException {
        if (lengths[field] != length) {
            throw new SQLException("field " + field + " of a COPY row holds " + lengths[field] + " bytes, not "
                    + length);
        }
    }

    /** Makes {@code count} bytes from {@link #position} lie in {@link #chunk}, gathering messages as needed. */
    private void require(int count) throws SQLException {
        while (chunk.length - position < count) {
            byte[] more = source.next();
            if (more == null) {
                throw new SQLException("the COPY output ended inside its header");
            }
            byte[] gathered = Arrays.copyOf(Arrays.copyOfRange(chunk, position, chunk.length),
                    chunk.length - position + more.length);
            System.arraycopy(more, 0, gathered, chunk.length - position, more.length);
            chunk = gathered;
            position = 0;
        }
    }

    private boolean nextChunk() throws SQLException {
        byte[] more = source.next();
        if (more == null) {
            return false;
        }
        chunk = more;
        position = 0;
        return true;
    }

    private static int readInt(byte[] data, int at) {
        return (data[at] & 0xff) << 24 | (data[at + 1] & 0xff) << 16 | (data[at + 2] & 0xff) << 8 | data[at + 3] & 0xff;
    }

    private static long readLong(byte[] data, int at) {
        return (long) readInt(data, at) << 32 | readInt(data, at + 4) & 0xffffffffL;
    }
}
