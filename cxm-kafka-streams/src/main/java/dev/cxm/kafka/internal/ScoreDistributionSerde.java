package dev.cxm.kafka.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.kafka.common.errors.SerializationException;
import org.jspecify.annotations.Nullable;

import dev.cxm.core.accumulate.AccumulatorState;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.metrics.feedback.ScoreDistribution;

/**
 * The compact binary form of a {@link ScoreDistribution}, for state stores and their changelog topics: a
 * few bytes per scale point instead of JSON's three arrays. Format 1, byte by byte:
 *
 * <pre>
 * 1 byte       the format version, 1
 * varint n     then n bytes: the scale's name in UTF-8
 * zigzag varint the scale's min, then its max
 * 1 byte       0: every response weighs 1 (weights and squared weights equal the counts and are not written);
 *              1: weighted
 * varlong      per scale point, min to max: the count
 * 8 bytes      when weighted, per point: the weight sum (IEEE 754, big-endian); then per point the
 *              squared-weight sum
 * </pre>
 *
 * An empty NPS state takes 19 bytes, an unweighted one with a million responses per point about 40. A later
 * format must keep reading this one: the frozen bytes of format 1 in the module's test resources say so.
 */
public final class ScoreDistributionSerde extends FixedFormatSerde<ScoreDistribution> {

    /** The current format version. */
    public static final int FORMAT_VERSION = 1;

    private static final String STATE = "ScoreDistribution bytes";
    private static final int UNIT_WEIGHTS = 0;
    private static final int WEIGHTED = 1;

    @Override
    public byte @Nullable [] serialize(String topic, @Nullable ScoreDistribution state) {
        if (state == null) {
            return null;
        }
        return write(state);
    }

    @Override
    public @Nullable ScoreDistribution deserialize(String topic, byte @Nullable [] bytes) {
        if (bytes == null) {
            return null;
        }
        return read(bytes);
    }

    /**
     * Returns the format-1 bytes of {@code state}.
     *
     * @param state the state
     * @return its bytes
     */
    public static byte[] write(ScoreDistribution state) {
        FeedbackScale scale = state.scale();
        long[] counts = state.counts();
        double[] weights = state.weights();
        double[] squared = state.squaredWeights();
        boolean unit = true;
        for (int i = 0; i < counts.length && unit; i++) {
            unit = weights[i] == counts[i] && squared[i] == counts[i];
        }
        byte[] name = scale.name().getBytes(StandardCharsets.UTF_8);
        ByteWriter out = new ByteWriter(16 + name.length + counts.length * (unit ? 3 : 19));
        out.writeByte(FORMAT_VERSION);
        out.writeUnsigned(name.length);
        out.writeBytes(name);
        out.writeUnsigned(zigzag(scale.min()));
        out.writeUnsigned(zigzag(scale.max()));
        out.writeByte(unit ? UNIT_WEIGHTS : WEIGHTED);
        for (long count : counts) {
            out.writeUnsigned(count);
        }
        if (!unit) {
            for (double weight : weights) {
                out.writeDouble(weight);
            }
            for (double value : squared) {
                out.writeDouble(value);
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads a state written in any format up to {@link #FORMAT_VERSION}.
     *
     * @param bytes the bytes
     * @return the state
     * @throws SerializationException naming the rule when the bytes are not such a state
     */
    public static ScoreDistribution read(byte[] bytes) {
        ByteReader in = new ByteReader(bytes, STATE);
        try {
            AccumulatorState.requireReadable(STATE, in.readByte(), FORMAT_VERSION);
            int nameLength = in.readLength();
            String name = new String(in.readBytes(nameLength), StandardCharsets.UTF_8);
            int min = unzigzag(in.readUnsigned());
            int max = unzigzag(in.readUnsigned());
            FeedbackScale scale = new FeedbackScale(name, min, max);
            int flags = in.readByte();
            if (flags != UNIT_WEIGHTS && flags != WEIGHTED) {
                throw new SerializationException(STATE + ": weight flag " + flags + " is neither 0 nor 1");
            }
            long[] counts = new long[scale.points()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = in.readUnsigned();
            }
            double[] weights;
            double[] squared;
            if (flags == UNIT_WEIGHTS) {
                weights = new double[counts.length];
                for (int i = 0; i < counts.length; i++) {
                    weights[i] = counts[i];
                }
                squared = weights;
            } else {
                weights = new double[counts.length];
                squared = new double[counts.length];
                for (int i = 0; i < counts.length; i++) {
                    weights[i] = in.readDouble();
                }
                for (int i = 0; i < counts.length; i++) {
                    squared[i] = in.readDouble();
                }
            }
            in.requireEnd();
            return new ScoreDistribution(scale, counts, weights, squared);
        } catch (IllegalArgumentException e) {
            throw new SerializationException(STATE + ": " + e.getMessage(), e);
        }
    }

    private static long zigzag(int value) {
        return Integer.toUnsignedLong((value << 1) ^ (value >> 31));
    }

    private static int unzigzag(long value) {
        if (value > 0xFFFF_FFFFL || value < 0) {
            throw new SerializationException(STATE + ": a scale end of " + value + " (zigzag) does not fit an int");
        }
        int bits = (int) value;
        return (bits >>> 1) ^ -(bits & 1);
    }

    /** A growing byte array with varints and doubles. */
    private static final class ByteWriter {
        private byte[] bytes;
        private int size;

        ByteWriter(int capacity) {
            bytes = new byte[capacity];
        }

        void writeByte(int value) {
            ensure(1);
            bytes[size++] = (byte) value;
        }

        void writeBytes(byte[] values) {
            ensure(values.length);
            System.arraycopy(values, 0, bytes, size, values.length);
            size += values.length;
        }

        /** Writes {@code value} (0 or more) in 7-bit groups, low first, the high bit saying another follows. */
        void writeUnsigned(long value) {
            ensure(10);
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
                rest >>>= 7;
            }
            bytes[size++] = (byte) rest;
        }

        void writeDouble(double value) {
            long bits = Double.doubleToLongBits(value);
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (bits >>> shift);
            }
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /** Reads what {@link ByteWriter} wrote, refusing truncated or overlong input. */
    private static final class ByteReader {
        private final byte[] bytes;
        private final String what;
        private int position;

        ByteReader(byte[] bytes, String what) {
            this.bytes = bytes;
            this.what = what;
        }

        int readByte() {
            require(1);
            return bytes[position++] & 0xFF;
        }

        byte[] readBytes(int length) {
            require(length);
            byte[] value = Arrays.copyOfRange(bytes, position, position + length);
            position += length;
            return value;
        }

        long readUnsigned() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int next = readByte();
                value |= (long) (next & 0x7F) << shift;
                if ((next & 0x80) == 0) {
                    if (value < 0) {
                        throw new SerializationException(what + ": a count above the largest long");
                    }
                    return value;
                }
            }
            throw new SerializationException(what + ": a varint longer than 10 bytes at byte " + position);
        }

        int readLength() {
            long length = readUnsigned();
            if (length > bytes.length - position) {
                throw new SerializationException(what + ": a length of " + length + " runs past the end at byte "
                        + position);
            }
            return (int) length;
        }

        double readDouble() {
            require(8);
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (bytes[position++] & 0xFF);
            }
            return Double.longBitsToDouble(bits);
        }

        void requireEnd() {
            if (position != bytes.length) {
                throw new SerializationException(what + ": " + (bytes.length - position)
                        + " bytes left over after the state");
            }
        }

        private void require(int length) {
            if (length > bytes.length - position) {
                throw new SerializationException(what + ": truncated at byte " + position + " of " + bytes.length);
            }
        }
    }
}
