package dev.cxm.examples.simulate.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 in lower-case hex, as {@code dev.cxm.core.model.Identity} keeps e-mail addresses and phone numbers. */
final class Hashes {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256: every Java runtime has it", e);
        }
    });
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Hashes() {}

    /** Returns the SHA-256 of the UTF-8 bytes of {@code text}, in lower-case hex (64 characters). */
    static String sha256Hex(String text) {
        byte[] digest = SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 15];
            hex[2 * i + 1] = HEX[digest[i] & 15];
        }
        return new String(hex);
    }
}
