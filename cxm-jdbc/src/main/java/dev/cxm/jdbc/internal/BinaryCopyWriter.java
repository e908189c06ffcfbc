package dev.cxm.jdbc.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Writes rows in PostgreSQL's binary {@code COPY} format into a growing byte array: a header, then per row a
 * 16-bit field count and per field a 32-bit length ({@code -1} for {@code NULL}) and the value in its type's
 * binary form (big-endian integers; text as UTF-8, the driver's client encoding; a timestamp as microseconds
 * since 2000-01-01 UTC; a numeric as base-10000 digits), then a field count of {@code -1}.
 *
 * <p>The server then reads values as stored instead of parsing text: no timestamp or integer parsing, no
 * escapes. See {@code COPY}'s "Binary Format" in PostgreSQL's documentation.
 */
final class BinaryCopyWriter {

    /** The signature, flags (0) and header extension length (0) that begin every binary COPY. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0,
        0, 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix seconds. */
    static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final short NUMERIC_POSITIVE = 0x0000;
    private static final short NUMERIC_NEGATIVE = 0x4000;

    private byte[] bytes;
    private int size;

    /** Starts a COPY's data with the header, room for about {@code capacity} bytes. */
    BinaryCopyWriter(int capacity) {
        bytes = new byte[Math.max(capacity, 64)];
        raw(HEADER, 0, HEADER.length);
    }

    /** Starts a row of {@code fields} fields. */
    void row(int fields) {
        int16(fields);
    }

    /** Ends the data (the trailer); write nothing after it. */
    void end() {
        int16(-1);
    }

    /** Returns the bytes written. */
    byte[] bytes() {
        return bytes;
    }

    /** Returns how many bytes were written. */
    int size() {
        return size;
    }

    /** Writes a {@code NULL} field. */
    void nullField() {
        int32(-1);
    }

    /** Writes a {@code SMALLINT} field. */
    void smallint(short value) {
        int32(2);
        int16(value);
    }

    /** Writes an {@code INTEGER} field, or {@code NULL}. */
    void integer(@Nullable Integer value) {
        if (value == null) {
            nullField();
        } else {
            int32(4);
            int32(value);
        }
    }

    /** Writes a {@code BIGINT} field, or {@code NULL}. */
    void bigint(@Nullable Long value) {
        if (value == null) {
            nullField();
        } else {
            int32(8);
            int64(value);
        }
    }

    /** Writes a text field ({@code TEXT}, {@code VARCHAR}, {@code CHAR}), or {@code NULL}. */
    void text(@Nullable String value) {
        if (value == null) {
            nullField();
            return;
        }
        int at = size;
        int32(0);
        int length = utf8(value);
        putInt(at, length);
    }

    /** Writes a {@code JSONB} field (version 1, then the JSON text), or {@code NULL}. */
    void jsonb(@Nullable String json) {
        if (json == null) {
            nullField();
            return;
        }
        int at = size;
        int32(0);
        ensure(1);
        bytes[size++] = 1;
        int length = 1 + utf8(json);
        putInt(at, length);
    }

    /** Writes a {@code TIMESTAMPTZ} field: microseconds since 2000-01-01 UTC (the instant has no finer digit). */
    void timestamp(Instant instant) {
        int32(8);
        int64(Math.multiplyExact(instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L)
                + instant.getNano() / 1_000);
    }

    /**
     * Writes a field of the amount column {@code NUMERIC(36, 18)}, or {@code NULL}: the number of base-10000
     * digits, the weight of the first (in powers of 10000), the sign and the display scale, then the digits,
     * without leading or trailing zero digits. The value is written exactly; a value the column does not hold
     * exactly ({@link Storable#amount}: 10<sup>18</sup> or more in magnitude, or a 19th decimal place, which
     * the server would round away) is refused before anything of it is written, and zeros beyond the 18th
     * decimal place are dropped, so that the weight is at most 4 and the display scale at most 18.
     *
     * @param value the amount, or null
     * @param owner the id of the event that holds it, for the message
     * @throws IllegalArgumentException when the column cannot hold the value exactly (nothing is written)
     */
    void numeric(@Nullable BigDecimal value, String owner) {
        if (value == null) {
            nullField();
            return;
        }
        Storable.amount(owner, "amount", value);
        if (value.scale() > Storable.AMOUNT_SCALE) {
            // Only zeros lie past the column's scale (checked above): dropped exactly.
            value = value.setScale(Storable.AMOUNT_SCALE);
        }
        int displayScale = Math.max(value.scale(), 0);
        BigDecimal magnitude = value.abs();
        // Scale to a multiple of 4 decimal places, so that the unscaled value splits into whole base-10000 digits.
        int scale4 = (displayScale + 3) / 4 * 4;
        BigInteger unscaled = magnitude.setScale(scale4).unscaledValue();
        short[] digits = new short[unscaled.bitLength() / 13 + 2];
        int count = 0;
        while (unscaled.signum() > 0) {
            BigInteger[] qr = unscaled.divideAndRemainder(TEN_THOUSAND);
            digits[count++] = qr[1].shortValue();
            unscaled = qr[0];
        }
        // digits[0] is the least significant: the last fractional digit when scale4 > 0.
        int lowest = 0;
        while (lowest < count && digits[lowest] == 0) {
            lowest++;
        }
        int ndigits = count - lowest;
        // The weight of the most significant digit: digits below the point are scale4 / 4.
        int weight = ndigits == 0 ? 0 : count - 1 - scale4 / 4;
        int32(8 + 2 * ndigits);
        int16(ndigits);
        int16(weight);
        int16(ndigits == 0 || value.signum() >= 0 ? NUMERIC_POSITIVE : NUMERIC_NEGATIVE);
        int16(displayScale);
        for (int i = count - 1; i >= lowest; i--) {
            int16(digits[i]);
        }
    }

    private int utf8(String value) {
        // ASCII, the usual case, byte by byte; anything else through the encoder.
        int length = value.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                size -= i;
                byte[] encoded = value.getBytes(StandardCharsets.UTF_8);
                raw(encoded, 0, encoded.length);
                return encoded.length;
            }
            bytes[size++] = (byte) c;
        }
        return length;
    }

    private void int16(int value) {
        ensure(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    private void int32(int value) {
        ensure(4);
        putInt(size, value);
        size += 4;
    }

    private void int64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    private void putInt(int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    private void raw(byte[] source, int from, int length) {
        ensure(length);
        System.arraycopy(source, from, bytes, size, length);
        size += length;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
