package dev.cxm.core.model;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.google.common.hash.Hashing;

import dev.cxm.core.internal.Checks;

/**
 * An identity of a customer on another channel, used to match records to the customer.
 *
 * <p>E-mail addresses and phone numbers are kept only as SHA-256 hashes of their normalised form:
 * {@link #ofEmail} and {@link #ofPhone} hash, and a hash-typed identity rejects anything that is not
 * a 64-character lower-case hex digest (without echoing it, since it may be the raw address).
 *
 * @param type what kind of identity
 * @param value the hash or id
 */
public record Identity(IdentityType type, String value) {

    private static final int SHA256_HEX_LENGTH = 64;

    /**
     * Validates the identity.
     *
     * @param type what kind of identity
     * @param value for {@link IdentityType#EMAIL_HASH} and {@link IdentityType#PHONE_HASH} a SHA-256 digest in
     *     lower-case hex (64 characters); otherwise a non-blank id of at most 256 characters
     * @throws IllegalArgumentException if a hash-typed value is not such a digest (without echoing it), or
     *     another value is blank or too long
     */
    public Identity {
        Checks.present("identity.type", type);
        if (type == IdentityType.EMAIL_HASH || type == IdentityType.PHONE_HASH) {
            Checks.present("identity.value", value);
            if (!isSha256Hex(value)) {
                throw new IllegalArgumentException("identity.value: a " + type + " must be a SHA-256 digest in"
                        + " lower-case hex (64 characters); got " + value.length() + " characters that are not one");
            }
        } else {
            Checks.identifier("identity.value", value);
        }
    }

    /**
     * Returns the identity of an e-mail address: the SHA-256 of the trimmed, lower-cased address.
     *
     * @param address the e-mail address; non-blank; only its hash is kept
     * @return an {@link IdentityType#EMAIL_HASH} identity
     * @throws IllegalArgumentException if {@code address} is blank
     */
    public static Identity ofEmail(String address) {
        String normalised = Checks.nonBlank("email", address).strip().toLowerCase(Locale.ROOT);
        return new Identity(IdentityType.EMAIL_HASH, sha256(normalised));
    }

    /**
     * Returns the identity of a phone number: the SHA-256 of its digits with a leading {@code '+'} kept, so
     * that {@code "+44 20 7946 0018"} and {@code "+442079460018"} match.
     *
     * @param number the phone number, in any layout; non-blank; only its hash is kept
     * @return a {@link IdentityType#PHONE_HASH} identity
     * @throws IllegalArgumentException if {@code number} is blank
     */
    public static Identity ofPhone(String number) {
        String trimmed = Checks.nonBlank("phone", number).strip();
        StringBuilder normalised = new StringBuilder(trimmed.startsWith("+") ? "+" : "");
        trimmed.chars().filter(Character::isDigit).forEach(normalised::appendCodePoint);
        return new Identity(IdentityType.PHONE_HASH, sha256(normalised.toString()));
    }

    /**
     * Returns a device identity.
     *
     * @param deviceId the device's id, kept as given; non-blank, at most 256 characters
     * @return a {@link IdentityType#DEVICE_ID} identity
     * @throws IllegalArgumentException if {@code deviceId} is blank or too long
     */
    public static Identity ofDevice(String deviceId) {
        return new Identity(IdentityType.DEVICE_ID, deviceId);
    }

    private static String sha256(String text) {
        return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString();
    }

    private static boolean isSha256Hex(String value) {
        if (value.length() != SHA256_HEX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
