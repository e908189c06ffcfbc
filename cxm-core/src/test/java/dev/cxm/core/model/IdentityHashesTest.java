package dev.cxm.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * Hashed identities. Oracle: the JDK's SHA-256 ({@link MessageDigest}) of the normalised text the Javadoc
 * describes (a phone number's digits, after a leading {@code +} when it has one), and the rule that a hash-typed
 * value is exactly 64 lower-case hex digits.
 */
class IdentityHashesTest {

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPhoneNumberIsHashedAsItsDigitsAfterALeadingPlus() throws NoSuchAlgorithmException {
        assertThat(Identity.ofPhone(" +44 20 7946-0018 ").value()).isEqualTo(sha256("+442079460018"));
        assertThat(Identity.ofPhone("020 7946 0018").value()).isEqualTo(sha256("02079460018"));
        assertThat(Identity.ofPhone("+442079460018")).isEqualTo(Identity.ofPhone("+44 (20) 7946 0018"));
    }

    @Test
    void aHashTypedValueIsExactly64LowerCaseHexDigits() throws NoSuchAlgorithmException {
        String digest = sha256("x");
        assertThat(new Identity(IdentityType.EMAIL_HASH, digest).value()).isEqualTo(digest);
        for (String bad : new String[] {digest.substring(1), digest + "0", digest.substring(1) + "g",
            digest.substring(1) + "A", digest.substring(1) + "/", digest.substring(1) + ":", "`" + digest.substring(1)}) {
            assertThatThrownBy(() -> new Identity(IdentityType.PHONE_HASH, bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("identity.value: a PHONE_HASH must be a SHA-256 digest");
        }
    }
}
