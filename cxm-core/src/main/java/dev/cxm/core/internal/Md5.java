package dev.cxm.core.internal;

/**
 * MD5 (RFC 1321) of a byte range, for the name-based UUIDs of derived event ids: the digest an import computes
 * for every row without an id. {@link java.security.MessageDigest} gives the same digest, but for messages of a
 * few dozen bytes most of its time goes to copying into its buffer, padding and resetting; this reads the
 * message in place and pads only its last block. The tests compare both on random messages of every length
 * around the block boundaries.
 */
public final class Md5 {

    /** The per-step constants: the integer part of 2^32 |sin(i + 1)|, as RFC 1321 lists them. */
    private static final int[] SINES = {
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee,
        0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
        0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa,
        0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
        0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
        0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05,
        0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039,
        0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
        0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391
    };
    private static final int[] SHIFTS = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

    private Md5() {}

    /**
     * Returns the 16 bytes of the digest of {@code data[offset, offset + length)} as two big-endian
     * {@code long}s: bytes 0 to 7 in {@code out[0]}, 8 to 15 in {@code out[1]} (as {@code UUID} reads them).
     *
     * @param data the message
     * @param offset where it starts
     * @param length how many bytes it has
     * @param out receives the two halves
     */
    public static void digest(byte[] data, int offset, int length, long[] out) {
        int[] state = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
        int[] words = new int[16];
        int whole = length & ~63;
        for (int block = 0; block < whole; block += 64) {
            for (int i = 0; i < 16; i++) {
                words[i] = littleEndianInt(data, offset + block + 4 * i);
            }
            compress(state, words);
        }
        // The last block or two: the rest of the message, the 0x80 byte, zeros and the length in bits.
        byte[] tail = new byte[128];
        int rest = length - whole;
        System.arraycopy(data, offset + whole, tail, 0, rest);
        tail[rest] = (byte) 0x80;
        int tailLength = rest < 56 ? 64 : 128;
        long bits = (long) length << 3;
        for (int i = 0; i < 8; i++) {
            tail[tailLength - 8 + i] = (byte) (bits >>> (8 * i));
        }
        for (int block = 0; block < tailLength; block += 64) {
            for (int i = 0; i < 16; i++) {
                words[i] = littleEndianInt(tail, block + 4 * i);
            }
            compress(state, words);
        }
        out[0] = bigEndianHalf(state[0], state[1]);
        out[1] = bigEndianHalf(state[2], state[3]);
    }

    private static int littleEndianInt(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16
                | (bytes[at + 3] & 0xff) << 24;
    }

    /** The digest's bytes of two state words (each written little-endian) read as one big-endian long. */
    private static long bigEndianHalf(int first, int second) {
        return (long) Integer.reverseBytes(first) << 32 | (Integer.reverseBytes(second) & 0xffffffffL);
    }

    private static void compress(int[] state, int[] words) {
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        // Four rounds of sixteen steps, each round with its own function and order of the words.
        for (int i = 0; i < 16; i++) {
            int rotated = Integer.rotateLeft(a + ((b & c) | (~b & d)) + SINES[i] + words[i], SHIFTS[i & 3]);
            a = d;
            d = c;
            c = b;
            b += rotated;
        }
        for (int i = 16; i < 32; i++) {
            int rotated = Integer.rotateLeft(a + ((d & b) | (~d & c)) + SINES[i] + words[(5 * i + 1) & 15],
                    SHIFTS[4 | (i & 3)]);
            a = d;
            d = c;
            c = b;
            b += rotated;
        }
        for (int i = 32; i < 48; i++) {
            int rotated = Integer.rotateLeft(a + (b ^ c ^ d) + SINES[i] + words[(3 * i + 5) & 15], SHIFTS[8 | (i & 3)]);
            a = d;
            d = c;
            c = b;
            b += rotated;
        }
        for (int i = 48; i < 64; i++) {
            int rotated = Integer.rotateLeft(a + (c ^ (b | ~d)) + SINES[i] + words[(7 * i) & 15], SHIFTS[12 | (i & 3)]);
            a = d;
            d = c;
            c = b;
            b += rotated;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
    }
}
