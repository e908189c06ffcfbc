package dev.cxm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link ByteWindow} checks UTF-8 as the JDK's decoder does. Oracle: {@code UTF_8.newDecoder().decode} of the
 * whole input (what a file opened with {@code Files.newBufferedReader} goes through) throws exactly when the
 * window does, on random inputs of ASCII text, characters of one to four bytes, byte-order marks and spoiled
 * bytes (cut sequences, stray continuation bytes, overlong forms, surrogates, values past U+10FFFF), read a few
 * bytes at a time; when it does not throw, the window hands over exactly the input's bytes (less a leading
 * byte-order mark), as the decoder hands over the input's characters.
 */
class ByteWindowTest {

    private static final String CHARACTERS = "a{\"z\n\r 9\u00e9\u00a0\u4e2d\u2028\uFEFF\uD83D\uDE00";
    private static final byte[][] SPOILERS = {{(byte) 0xC3}, {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC0, (byte) 0x80},
        {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF5}, {(byte) 0xFE}, {(byte) 0xFF}, {(byte) 0xE4, (byte) 0xB8}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}};

    private static byte[] randomInput(Random random, boolean spoil) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(4) == 0) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        int length = random.nextInt(random.nextBoolean() ? 40 : 200_000);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int at = random.nextInt(CHARACTERS.length() + 30);
            if (at >= CHARACTERS.length()) {
                text.append('x');
            } else if (Character.isHighSurrogate(CHARACTERS.charAt(at))) {
                text.append(CHARACTERS, at, at + 2);
            } else if (!Character.isLowSurrogate(CHARACTERS.charAt(at))) {
                text.append(CHARACTERS.charAt(at));
            }
        }
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        int cut = random.nextInt(utf8.length + 1);
        out.write(utf8, 0, cut);
        if (spoil) {
            out.writeBytes(SPOILERS[random.nextInt(SPOILERS.length)]);
        }
        out.write(utf8, cut, utf8.length - cut);
        return out.toByteArray();
    }

    private static boolean decodes(byte[] input) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(input));
            return true;
        } catch (CharacterCodingException malformed) {
            return false;
        }
    }

    /** Reads the whole input through the window, consuming all it holds each time; null when it throws. */
    private static byte[] readThrough(byte[] input, Random random) throws IOException {
        ByteWindow window = new ByteWindow(new TrickleInputStream(input, random, 1 + random.nextInt(5_000)));
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        int from = 0;
        try {
            do {
                from = window.fill(from);
                // Hand over only the bytes up to the last line break, as the readers do, unless the input ended.
                int upTo = window.endOfInput() ? window.end() : lastLineBreak(window, from);
                read.write(window.bytes(), from, upTo - from);
                from = upTo;
            } while (!window.endOfInput());
        } catch (CharacterCodingException malformed) {
            return null;
        }
        return read.toByteArray();
    }

    private static int lastLineBreak(ByteWindow window, int from) {
        for (int i = window.end() - 1; i >= from; i--) {
            if (window.bytes()[i] == '\n') {
                return i + 1;
            }
        }
        return from;
    }

    @Test
    void throwsExactlyWhenTheDecoderDoesAndElseHandsOverTheBytes() throws IOException {
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            byte[] input = randomInput(random, random.nextBoolean());
            byte[] read = readThrough(input, random);
            if (decodes(input)) {
                boolean mark = input.length >= 3 && input[0] == (byte) 0xEF && input[1] == (byte) 0xBB
                        && input[2] == (byte) 0xBF;
                assertThat(read).as("seed %d", seed).isEqualTo(Arrays.copyOfRange(input, mark ? 3 : 0, input.length));
            } else {
                assertThat(read).as("seed %d: the decoder refuses the input", seed).isNull();
            }
        }
    }
}
