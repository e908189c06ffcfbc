package dev.cxm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link ParsedTexts} parses each distinct text once and gives the same value for it after, up to its limit,
 * and parses texts beyond the limit each time, never wrongly. The oracle is the parser itself, counting its
 * calls.
 */
class ParsedTextsTest {

    @Test
    void aTextSeenBeforeIsNotParsedAgainAndTextsBeyondTheLimitStillParse() {
        List<String> calls = new ArrayList<>();
        ParsedTexts<Integer> lengths = new ParsedTexts<>(text -> {
            calls.add(text);
            if (text.contains("!")) {
                throw new IllegalArgumentException("refused");
            }
            return text.length();
        });
        char[] row = "xx,web,yyy".toCharArray();

        assertThat(lengths.parse(row, 3, 6)).isEqualTo(3);
        assertThat(lengths.parse("web")).isEqualTo(3);
        assertThat(calls).containsExactly("web");
        for (int i = 0; i < 2 * ParsedTexts.LIMIT; i++) {
            assertThat(lengths.parse("t" + i)).isEqualTo(("t" + i).length());
            assertThat(lengths.parse("t" + i)).isEqualTo(("t" + i).length());
        }
        // The first texts were kept (parsed once each); past the limit every one is parsed each time.
        assertThat(calls).hasSize(1 + ParsedTexts.LIMIT - 1 + 2 * (ParsedTexts.LIMIT + 1));
        assertThatThrownBy(() -> lengths.parse("no!")).hasMessage("refused");
        assertThatThrownBy(() -> lengths.parse("no!")).hasMessage("refused");
    }
}
