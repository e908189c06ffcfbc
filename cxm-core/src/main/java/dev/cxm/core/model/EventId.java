package dev.cxm.core.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

import dev.cxm.core.internal.Checks;

/**
 * Identifies one event; appending an event whose id is already stored is a no-op, which makes
 * re-delivery of the same event harmless.
 *
 * <p>An id is its {@linkplain #value() value}, a non-blank string of at most 256 characters: two ids are
 * equal when their values are, they compare as their values do, {@link #hashCode()} is the value's and
 * {@link #toString()} is the value. JSON writes an id as its value.
 *
 * <h2>Memory</h2>
 * A store may hold millions of ids, so an id keeps its value in the most compact of three forms, chosen by
 * the value alone: a UUID in canonical form (lower-case, as {@link #random()} and {@link #derivedFrom} make
 * them) as its 128 bits (32 bytes instead of 96 for the string), a value of at most 16 ASCII characters as
 * those bytes packed into one or two {@code long}s (24 or 32 bytes instead of 56 to 72), anything else as the
 * string. {@link #value()} builds the string of a compact id on each call.
 */
public abstract sealed class EventId implements Comparable<EventId>
        permits EventId.Packed, EventId.Uuid, EventId.Text {

    /** The longest value packed into {@code long}s: two longs of eight ASCII characters. */
    private static final int PACKED_LENGTH = 16;
    private static final int UUID_LENGTH = 36;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static final MessageDigest MD5 = md5Prototype();

    /** FNV-1a's 64-bit offset basis and prime. */
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private EventId() {}

    private static MessageDigest md5Prototype() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide MD5 (MessageDigest's documentation).
            throw new IllegalStateException("the JDK provides no MD5 digest", e);
        }
    }

    /**
     * Returns the event id with the given value.
     *
     * @param value the id; non-blank, at most 256 characters
     * @return the event id
     * @throws IllegalArgumentException when the value is blank or longer than 256 characters
     * @throws NullPointerException when the value is null
     */
    public static EventId of(String value) {
        Checks.identifier("eventId", value);
        if (value.length() == UUID_LENGTH && isCanonicalUuid(value)) {
            return new Uuid(hexBits(value, 0), hexBits(value, 19));
        }
        if (value.length() <= PACKED_LENGTH && isPackable(value)) {
            long high = pack(value, 0);
            return value.length() <= 8 ? new Ascii8(high, value.hashCode())
                    : new Ascii16(high, pack(value, 8), value.hashCode());
        }
        return new Text(value);
    }

    /**
     * Returns a new random (type 4 UUID) event id, for events that have no natural key.
     *
     * @return an id whose value is a UUID in its canonical 36-character form
     */
    public static EventId random() {
        return Uuid.of(UUID.randomUUID());
    }

    /**
     * Returns a deterministic id derived from the given text (a name-based UUID), so that the same source
     * record always yields the same event id and re-importing it is idempotent.
     *
     * @param source text that identifies the source record, such as a file's line and cells; hashed (type 3
     *     UUID of its UTF-8 bytes), never stored
     * @return the id, a type 3 UUID in canonical form, equal for equal {@code source}s
     * @throws NullPointerException when the source is null
     */
    public static EventId derivedFrom(String source) {
        byte[] utf8 = Checks.present("source", source).getBytes(StandardCharsets.UTF_8);
        return derivedFromUtf8(utf8, 0, utf8.length);
    }

    /**
     * Returns the id {@link #derivedFrom(String)} gives for a source held as UTF-8 bytes, without making the
     * string: {@code derivedFromUtf8(b, 0, b.length)} equals {@code derivedFrom(s)} when {@code b} is
     * {@code s.getBytes(UTF_8)}. For importers that build the source of each row from its cells.
     *
     * @param utf8 the bytes; only read
     * @param offset where the source starts
     * @param length how many bytes it has
     * @return the id, a type 3 UUID in canonical form
     * @throws IndexOutOfBoundsException when the range is not inside the array
     */
    public static EventId derivedFromUtf8(byte[] utf8, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, Checks.present("utf8", utf8).length);
        // UUID.nameUUIDFromBytes: the MD5 digest with the version (3) and variant bits set.
        MessageDigest md5 = md5();
        md5.update(utf8, offset, length);
        ByteBuffer digest = ByteBuffer.wrap(md5.digest());
        long mostSignificant = (digest.getLong() & ~0xF000L) | 0x3000L;
        long leastSignificant = (digest.getLong() & ~(0xC0L << 56)) | (0x80L << 56);
        return new Uuid(mostSignificant, leastSignificant);
    }

    /**
     * Returns a fresh MD5 digest, cloned from a prototype: cheaper than a provider look-up, and a digest is not
     * thread-safe. The JDK computes MD5 with a compiler intrinsic (JDK 16 and later): measured on the import of 5
     * million rows with derived ids, it took no more time than an MD5 written in Java (see docs/PERFORMANCE.md).
     */
    private static MessageDigest md5() {
        try {
            return (MessageDigest) MD5.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's MD5 digest cannot be cloned", e);
        }
    }

    /**
     * Returns the bare id.
     *
     * @return the value; built anew on each call when the id is held in a compact form
     */
    public abstract String value();

    /**
     * Returns the 64-bit FNV-1a hash of the value's characters: starting from the offset basis
     * {@code 0xcbf29ce484222325}, for each UTF-16 {@code char} of {@link #value()} in turn, the hash is xored with
     * the character and multiplied by the prime {@code 0x100000001b3}. The same on every JVM and in every
     * version of cxm, so a hash stored beside other data (the journey tracker's event hashes) stays valid; a
     * compact id computes it from its bits, without building its value.
     *
     * @return the hash of the value
     */
    public abstract long fnv1a64();

    /** Returns the FNV-1a step of one more character. */
    private static long fnv1aStep(long hash, int c) {
        return (hash ^ c) * FNV_PRIME;
    }

    /** Continues an FNV-1a hash over the packed bytes of {@code bits}, up to the first zero byte. */
    private static long fnv1aPacked(long hash, long bits) {
        long h = hash;
        for (int shift = 56; shift >= 0; shift -= 8) {
            int c = (int) (bits >>> shift) & 0xFF;
            if (c == 0) {
                break;
            }
            h = fnv1aStep(h, c);
        }
        return h;
    }

    /**
     * Compares the values as {@link String#compareTo} does.
     *
     * @param other the id to compare with
     * @return negative, zero or positive as this id's value sorts before, equal to or after the other's
     */
    @Override
    public int compareTo(EventId other) {
        if (this instanceof Packed mine && other instanceof Packed theirs) {
            // Big-endian ASCII bytes padded with zeros compare as the strings do: the first different byte
            // decides, and a prefix (padded with zeros) sorts first.
            int high = Long.compareUnsigned(mine.high(), theirs.high());
            return high != 0 ? high : Long.compareUnsigned(mine.low(), theirs.low());
        }
        if (this instanceof Uuid mine && other instanceof Uuid theirs) {
            // Canonical UUIDs have their dashes at the same places and lower-case hex digits, which sort as
            // the nibbles they stand for.
            int high = Long.compareUnsigned(mine.mostSignificant, theirs.mostSignificant);
            return high != 0 ? high : Long.compareUnsigned(mine.leastSignificant, theirs.leastSignificant);
        }
        return value().compareTo(other.value());
    }

    /**
     * Returns the bare id.
     *
     * @return the value
     */
    @Override
    public String toString() {
        return value();
    }

    /**
     * Returns whether {@code other} is an event id with the same value.
     *
     * @param other any object
     * @return whether it is an equal id
     */
    @Override
    public abstract boolean equals(Object other);

    /**
     * Returns the hash code of the value, {@code value().hashCode()}.
     *
     * @return the hash code
     */
    @Override
    public abstract int hashCode();

    private static boolean isCanonicalUuid(String value) {
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = value.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** Returns the 64 bits of the 16 hex digits from {@code from} on, skipping dashes. */
    private static long hexBits(String value, int from) {
        long bits = 0;
        for (int i = from, digits = 0; digits < 16; i++) {
            char c = value.charAt(i);
            if (c != '-') {
                bits = bits << 4 | Character.digit(c, 16);
                digits++;
            }
        }
        return bits;
    }

    /** Returns whether every character is ASCII and not NUL, so that zero bytes can pad a packed value. */
    private static boolean isPackable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c > 127) {
                return false;
            }
        }
        return true;
    }

    /** Returns up to eight characters from {@code from} on as big-endian bytes, padded with zero bytes. */
    private static long pack(String value, int from) {
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            int at = from + i;
            bits = bits << 8 | (at < value.length() ? value.charAt(at) : 0);
        }
        return bits;
    }

    private static int appendPacked(byte[] chars, int at, long bits) {
        int length = at;
        for (int shift = 56; shift >= 0 && (bits >>> shift & 0xFF) != 0; shift -= 8) {
            chars[length++] = (byte) (bits >>> shift);
        }
        return length;
    }

    /** An id of at most 16 ASCII characters, packed big-endian into two longs. */
    abstract static sealed class Packed extends EventId permits Ascii8, Ascii16 {
        abstract long high();

        abstract long low();
    }

    /** An id of one to eight ASCII characters in one long: 24 bytes. */
    static final class Ascii8 extends Packed {
        private final long chars;
        private final int hash;

        Ascii8(long chars, int hash) {
            this.chars = chars;
            this.hash = hash;
        }

        @Override
        long high() {
            return chars;
        }

        @Override
        long low() {
            return 0;
        }

        @Override
        public String value() {
            byte[] bytes = new byte[8];
            return new String(bytes, 0, appendPacked(bytes, 0, chars), StandardCharsets.US_ASCII);
        }

        @Override
        public long fnv1a64() {
            return fnv1aPacked(FNV_OFFSET_BASIS, chars);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Ascii8 id && id.chars == chars;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** An id of nine to sixteen ASCII characters in two longs: 32 bytes. */
    static final class Ascii16 extends Packed {
        private final long high;
        private final long low;
        private final int hash;

        Ascii16(long high, long low, int hash) {
            this.high = high;
            this.low = low;
            this.hash = hash;
        }

        @Override
        long high() {
            return high;
        }

        @Override
        long low() {
            return low;
        }

        @Override
        public String value() {
            byte[] bytes = new byte[16];
            int length = appendPacked(bytes, appendPacked(bytes, 0, high), low);
            return new String(bytes, 0, length, StandardCharsets.US_ASCII);
        }

        @Override
        public long fnv1a64() {
            // An Ascii16 value has more than eight characters: the first long is full.
            return fnv1aPacked(fnv1aPacked(FNV_OFFSET_BASIS, high), low);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Ascii16 id && id.high == high && id.low == low;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A UUID in canonical form, held as its 128 bits: 32 bytes. */
    static final class Uuid extends EventId {
        private final long mostSignificant;
        private final long leastSignificant;
        /** The canonical form's {@link String#hashCode}, computed when first asked for; 0 until then. */
        private int hash;

        Uuid(long mostSignificant, long leastSignificant) {
            this.mostSignificant = mostSignificant;
            this.leastSignificant = leastSignificant;
        }

        /** Returns the id of {@code uuid}. */
        static Uuid of(UUID uuid) {
            return new Uuid(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
        }

        /** Hashes the canonical form as {@link String#hashCode} does, without building it. */
        private static int canonicalHash(long mostSignificant, long leastSignificant) {
            int hash = 0;
            for (int i = 0; i < 32; i++) {
                if (i == 8 || i == 12 || i == 16 || i == 20) {
                    hash = 31 * hash + '-';
                }
                long bits = i < 16 ? mostSignificant : leastSignificant;
                hash = 31 * hash + HEX[(int) (bits >>> (60 - 4 * (i % 16))) & 0xF];
            }
            return hash;
        }

        /** Returns the 36 characters of the canonical form, {@code 8-4-4-4-12} lower-case hex digits. */
        private static byte[] chars(long mostSignificant, long leastSignificant) {
            byte[] chars = new byte[UUID_LENGTH];
            int at = 0;
            for (int i = 0; i < 32; i++) {
                if (i == 8 || i == 12 || i == 16 || i == 20) {
                    chars[at++] = '-';
                }
                long bits = i < 16 ? mostSignificant : leastSignificant;
                chars[at++] = HEX[(int) (bits >>> (60 - 4 * (i % 16))) & 0xF];
            }
            return chars;
        }

        @Override
        public String value() {
            return new String(chars(mostSignificant, leastSignificant), StandardCharsets.US_ASCII);
        }

        @Override
        public long fnv1a64() {
            long hash = FNV_OFFSET_BASIS;
            for (int i = 0; i < 32; i++) {
                if (i == 8 || i == 12 || i == 16 || i == 20) {
                    hash = fnv1aStep(hash, '-');
                }
                long bits = i < 16 ? mostSignificant : leastSignificant;
                hash = fnv1aStep(hash, HEX[(int) (bits >>> (60 - 4 * (i % 16))) & 0xF]);
            }
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Uuid id && id.mostSignificant == mostSignificant
                    && id.leastSignificant == leastSignificant;
        }

        @Override
        public int hashCode() {
            int h = hash;
            if (h == 0) {
                // A racing thread computes the same value; a canonical form hashing to 0 is recomputed each time.
                h = canonicalHash(mostSignificant, leastSignificant);
                hash = h;
            }
            return h;
        }
    }

    /** Any other id, held as its string. */
    static final class Text extends EventId {
        private final String value;

        Text(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public long fnv1a64() {
            long hash = FNV_OFFSET_BASIS;
            for (int i = 0; i < value.length(); i++) {
                hash = fnv1aStep(hash, value.charAt(i));
            }
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Text id && id.value.equals(value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }
}
