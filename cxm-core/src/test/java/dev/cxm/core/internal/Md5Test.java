package dev.cxm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.EventId;

/**
 * {@link Md5} against its oracles: RFC 1321's test suite (appendix A.5), the JDK's
 * {@link MessageDigest} for MD5 on random messages of every length from 0 to 300 bytes (one to six blocks,
 * every padding case), at random offsets; and derived event ids against {@link UUID#nameUUIDFromBytes}.
 */
class Md5Test {

    private static String hex(byte[] data) {
        long[] out = new long[2];
        Md5.digest(data, 0, data.length, out);
        return HexFormat.of().formatHex(ByteBuffer.allocate(16).putLong(out[0]).putLong(out[1]).array());
    }

    @Test
    void givesTheDigestsOfRfc1321() {
        assertThat(hex(ascii(""))).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(hex(ascii("a"))).isEqualTo("0cc175b9c0f1b6a831c399e269772661");
        assertThat(hex(ascii("abc"))).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(hex(ascii("message digest"))).isEqualTo("f96b697d7cb7938d525a2f31aaf161d0");
        assertThat(hex(ascii("abcdefghijklmnopqrstuvwxyz"))).isEqualTo("c3fcd3d76192e4007dfb496cca67e13b");
        assertThat(hex(ascii("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")))
                .isEqualTo("d174ab98d277d9f5a5611c2c9f419d9f");
        assertThat(hex(ascii("1234567890".repeat(8)))).isEqualTo("57edf4a22be3c955ac49da2e2107b67a");
    }

    @Test
    void givesTheDigestOfTheJdkOnEveryLength() throws NoSuchAlgorithmException {
        MessageDigest jdk = MessageDigest.getInstance("MD5");
        Random random = new Random(1321);
        for (int length = 0; length <= 300; length++) {
            for (int trial = 0; trial < 5; trial++) {
                int offset = random.nextInt(9);
                byte[] data = new byte[offset + length + random.nextInt(9)];
                random.nextBytes(data);
                long[] out = new long[2];
                Md5.digest(data, offset, length, out);
                jdk.update(data, offset, length);
                ByteBuffer expected = ByteBuffer.wrap(jdk.digest());
                assertThat(out).as("length %d", length).containsExactly(expected.getLong(), expected.getLong());
            }
        }
    }

    @Test
    void derivedIdsAreNameBasedUuidsOfTheSource() {
        qt().withExamples(2_000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            StringBuilder source = new StringBuilder();
            int length = random.nextInt(150);
            for (int i = 0; i < length; i++) {
                source.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0xD800)));
            }
            String text = source.toString();
            assertThat(EventId.derivedFrom(text).value())
                    .isEqualTo(UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString());
        });
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
