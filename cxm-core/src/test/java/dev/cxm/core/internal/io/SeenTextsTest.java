package dev.cxm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link SeenTexts} gives the value remembered for a text only where the characters hold that whole text. The
 * oracle is the texts themselves: a brute-force comparison of the characters with every text remembered.
 */
class SeenTextsTest {

    @Test
    void aTextIsFoundOnlyWhereAllOfItsCharactersAre() {
        // Expected: the slot of T = {"id":"a","name":"b","channel":"WEB"} where the input holds T (whatever
        // follows), none where it holds T but for its last character, or where the input ends inside T.
        String text = "{\"id\":\"a\",\"name\":\"b\",\"channel\":\"WEB\"}";
        SeenTexts<String> seen = new SeenTexts<>();
        char[] remembered = ("x" + text + "y").toCharArray();
        seen.remember(remembered, 1, 1 + text.length(), "A");

        char[] input = (text + "," + text.replace("B\"}", "B\"]")).toCharArray();
        int slot = seen.find(input, 0, input.length);
        assertThat(slot).isNotNegative();
        assertThat(seen.value(slot)).isEqualTo("A");
        assertThat(seen.length(slot)).isEqualTo(text.length());
        assertThat(seen.find(input, 0, text.length() - 1)).isEqualTo(-1);
        assertThat(seen.find(input, text.length() + 1, input.length)).isEqualTo(-1);
    }

    @Test
    void everyAnswerIsATextRememberedAndTheLastTwoOfOneHashStay() {
        // Random texts over a tiny alphabet (so that hashes and prefixes collide), remembered and looked up at
        // random. Oracle: whenever a slot is found, the input holds that slot's whole text at that place, and
        // its value is the value remembered with that text; a text just remembered is found when its length
        // is within the documented limits.
        Random random = new Random(5);
        SeenTexts<String> seen = new SeenTexts<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder("{");
            for (int length = random.nextInt(60); length > 0; length--) {
                text.append("ab\"".charAt(random.nextInt(3)));
            }
            texts.add(text.append('}').toString());
        }
        for (int round = 0; round < 20_000; round++) {
            String text = texts.get(random.nextInt(texts.size()));
            String input = text + texts.get(random.nextInt(texts.size()));
            int to = random.nextInt(input.length() + 1);
            int slot = seen.find(input.toCharArray(), 0, to);
            if (slot >= 0) {
                String found = input.substring(0, seen.length(slot));
                assertThat(seen.length(slot)).isLessThanOrEqualTo(to);
                assertThat(seen.value(slot)).isEqualTo("value of " + found);
            }
            if (random.nextInt(4) == 0) {
                seen.remember(input.toCharArray(), 0, text.length(), "value of " + text);
                int found = seen.find(input.toCharArray(), 0, input.length());
                if (text.length() >= SeenTexts.SHORTEST) {
                    assertThat(found).isNotNegative();
                } else {
                    assertThat(found).isEqualTo(-1);
                }
            }
        }
    }

    @Test
    void aLongTextIsNotKept() {
        // Expected from the documented limit: a text of LONGEST + 1 characters is never found, one of LONGEST is.
        SeenTexts<String> seen = new SeenTexts<>();
        char[] longest = ("{" + "a".repeat(SeenTexts.LONGEST - 2) + "}").toCharArray();
        char[] text = ("{" + "b".repeat(SeenTexts.LONGEST - 1) + "}").toCharArray();
        seen.remember(longest, 0, longest.length, "longest");
        seen.remember(text, 0, text.length, "long");

        assertThat(seen.find(longest, 0, longest.length)).isNotNegative();
        assertThat(seen.find(text, 0, text.length)).isEqualTo(-1);
    }

    @Test
    void theShortestTextKeptIsFoundWhereTheCharactersEndWithIt() {
        // Expected from the documented limit: a text of exactly SHORTEST characters is kept, and found where the
        // characters given end right after it (and where more follow); one character shorter is not kept.
        SeenTexts<String> seen = new SeenTexts<>();
        char[] shortest = ("{" + "a".repeat(SeenTexts.SHORTEST - 2) + "}").toCharArray();
        char[] shorter = ("{" + "b".repeat(SeenTexts.SHORTEST - 3) + "}").toCharArray();
        seen.remember(shortest, 0, shortest.length, "shortest");
        seen.remember(shorter, 0, shorter.length, "shorter");

        int slot = seen.find(shortest, 0, shortest.length);
        assertThat(slot).isNotNegative();
        assertThat(seen.value(slot)).isEqualTo("shortest");
        assertThat(seen.length(slot)).isEqualTo(SeenTexts.SHORTEST);
        char[] followed = (new String(shortest) + ",\"x\":1}").toCharArray();
        assertThat(seen.find(followed, 0, followed.length)).isEqualTo(slot);
        assertThat(seen.find(shorter, 0, shorter.length)).isEqualTo(-1);
    }

    @Test
    void aTextIsKeptWhereverItLiesInTheCharacters() {
        // Expected from the documented limits, which are on the text's length: texts of SHORTEST and LONGEST
        // characters that start 600 and 5,000 characters into a line are kept and found there; a shorter one is not.
        for (int length : new int[] {SeenTexts.SHORTEST, 100, SeenTexts.LONGEST}) {
            for (int at : new int[] {600, 5_000}) {
                SeenTexts<String> seen = new SeenTexts<>();
                String text = "{" + "x".repeat(length - 2) + "}";
                char[] line = ("y".repeat(at) + text + ",").toCharArray();
                seen.remember(line, at, at + length, "kept");

                int slot = seen.find(line, at, line.length);
                assertThat(slot).as("%d characters at %d", length, at).isNotNegative();
                assertThat(seen.value(slot)).isEqualTo("kept");
                assertThat(seen.length(slot)).isEqualTo(length);
            }
        }
        // One character shorter than SHORTEST is not kept, there either (the line goes on after it).
        SeenTexts<String> seen = new SeenTexts<>();
        String shorter = "{" + "x".repeat(SeenTexts.SHORTEST - 3) + "}";
        char[] line = ("y".repeat(600) + shorter + ",\"more\":\"text after it\"}").toCharArray();
        seen.remember(line, 600, 600 + shorter.length(), "short");
        assertThat(seen.find(line, 600, line.length)).isEqualTo(-1);
    }

    @Test
    void twoTextsOfOneHashBothStay() {
        // The class's Javadoc: a text's slot is chosen by its first SHORTEST characters, and of two texts of one
        // slot both stay (the second in the next slot). Two texts that share their first SHORTEST characters.
        String prefix = "{\"id\":\"" + "p".repeat(SeenTexts.SHORTEST);
        char[] first = (prefix + "\"}").toCharArray();
        char[] second = (prefix + "q\"}").toCharArray();
        SeenTexts<String> seen = new SeenTexts<>();
        seen.remember(first, 0, first.length, "first");
        seen.remember(second, 0, second.length, "second");

        int one = seen.find(first, 0, first.length);
        int two = seen.find(second, 0, second.length);
        assertThat(one).isNotNegative();
        assertThat(two).isNotNegative().isNotEqualTo(one);
        assertThat(seen.value(one)).isEqualTo("first");
        assertThat(seen.value(two)).isEqualTo("second");
    }
}
