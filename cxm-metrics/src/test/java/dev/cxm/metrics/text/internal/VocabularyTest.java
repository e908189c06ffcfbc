package dev.cxm.metrics.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The vocabulary's open-addressing table against a brute-force model kept in the test: a {@link LinkedHashMap}
 * from each word to what was set for it (its id is its rank of first appearance, its flags the union of the
 * calls, its valence, scalar and code the last set). Thousands of drawn words fill the builder beyond its first
 * arrays (1,024 words) and character pool (65,536 characters), and collide in the table.
 */
class VocabularyTest {

    /** What the test set for one word. */
    private static final class Expected {
        final int id;
        int flags;
        double valence;
        double scalar;
        int code;

        Expected(int id) {
            this.id = id;
        }
    }

    @Test
    void everyWordIsFoundWithWhatWasSetForIt() {
        Random random = new Random(20261206);
        Vocabulary.Builder builder = Vocabulary.builder();
        Map<String, Expected> model = new LinkedHashMap<>();
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            // a word drawn earlier again now and then, so that its flags add up
            String word = !drawn.isEmpty() && random.nextInt(10) == 0 ? drawn.get(random.nextInt(drawn.size()))
                    : word(random, 10 + random.nextInt(41));
            drawn.add(word);
            Expected expected = model.computeIfAbsent(word, w -> new Expected(model.size()));
            switch (random.nextInt(4)) {
                case 0 -> {
                    double valence = random.nextInt(81) / 10.0 - 4;
                    builder.sentiment(word, valence);
                    expected.valence = valence;
                    expected.flags |= Vocabulary.SENTIMENT;
                }
                case 1 -> {
                    builder.negation(word);
                    expected.flags |= Vocabulary.NEGATION;
                }
                case 2 -> {
                    double scalar = random.nextBoolean() ? 0.293 : -0.293;
                    builder.modifier(word, scalar);
                    expected.scalar = scalar;
                    expected.flags |= Vocabulary.MODIFIER;
                }
                default -> {
                    int code = 1 + random.nextInt(11);
                    builder.code(word, code);
                    expected.code = code;
                }
            }
        }
        assertThat(model.values().stream().mapToInt(e -> e.id).max().orElseThrow()).isGreaterThan(2_048);
        Vocabulary vocabulary = builder.build();

        assertThat(vocabulary.size()).isEqualTo(model.size());
        for (Map.Entry<String, Expected> entry : model.entrySet()) {
            String word = entry.getKey();
            Expected expected = entry.getValue();
            assertThat(vocabulary.find(word)).as(word).isEqualTo(expected.id);
            // the same word inside a larger buffer
            char[] padded = ("##" + word + "#").toCharArray();
            assertThat(vocabulary.find(padded, 2, 2 + word.length())).isEqualTo(expected.id);
            assertThat(vocabulary.word(expected.id)).isEqualTo(word);
            for (int flag : new int[] {Vocabulary.SENTIMENT, Vocabulary.NEGATION, Vocabulary.MODIFIER}) {
                assertThat(vocabulary.has(expected.id, flag)).as(word + " flag " + flag)
                        .isEqualTo((expected.flags & flag) != 0);
            }
            if ((expected.flags & Vocabulary.SENTIMENT) != 0) {
                assertThat(vocabulary.valence(expected.id)).isEqualTo(expected.valence);
            }
            if ((expected.flags & Vocabulary.MODIFIER) != 0) {
                assertThat(vocabulary.scalar(expected.id)).isEqualTo(expected.scalar);
            }
            assertThat(vocabulary.code(expected.id)).isEqualTo(expected.code);
        }
        // Words never added, and prefixes and extensions of added ones, are unknown.
        for (int i = 0; i < 2_000; i++) {
            String word = word(random, 1 + random.nextInt(60));
            assertThat(vocabulary.find(word)).as(word).isEqualTo(model.containsKey(word) ? model.get(word).id : -1);
        }
        String first = model.keySet().iterator().next();
        assertThat(vocabulary.find(first.substring(1))).isEqualTo(-1);
        assertThat(vocabulary.find(first + "a")).isEqualTo(-1);
    }

    @Test
    void aNegationOrCodeThatGrowsTheBuilderIsKept() {
        // Regression: the 1,025th word, added by negation() or code(), grew the arrays after the old flags or codes
        // array had been chosen for the write (ArrayIndexOutOfBoundsException: Index 1024 out of bounds).
        for (boolean byCode : new boolean[] {false, true}) {
            Vocabulary.Builder builder = Vocabulary.builder();
            for (int i = 0; i < 1_024; i++) {
                builder.sentiment("w" + i, 1);
            }
            Vocabulary vocabulary = (byCode ? builder.code("never", RuleWords.NEVER) : builder.negation("never"))
                    .build();
            assertThat(vocabulary.find("never")).isEqualTo(1_024);
            assertThat(vocabulary.code(1_024)).isEqualTo(byCode ? RuleWords.NEVER : 0);
            assertThat(vocabulary.has(1_024, Vocabulary.NEGATION)).isEqualTo(!byCode);
        }
    }

    @Test
    void aSmallVocabularyFindsItsFirstWordAndItsCode() {
        // Word 0 is the first added; its code and flags are read like any other's.
        Vocabulary vocabulary = Vocabulary.builder().code("but", RuleWords.BUT).sentiment("good", 1.9)
                .modifier("very", 0.293).negation("not").sentiment("bad", -2.5).build();
        assertThat(vocabulary.size()).isEqualTo(5);
        assertThat(vocabulary.find("but")).isZero();
        assertThat(vocabulary.code(0)).isEqualTo(RuleWords.BUT);
        assertThat(vocabulary.code(-1)).isZero();
        assertThat(vocabulary.has(-1, Vocabulary.SENTIMENT)).isFalse();
        assertThat(vocabulary.find("good")).isEqualTo(1);
        assertThat(vocabulary.find("bad")).isEqualTo(4);
        assertThat(vocabulary.valence(4)).isEqualTo(-2.5);
        assertThat(vocabulary.has(2, Vocabulary.MODIFIER)).isTrue();
        assertThat(vocabulary.has(3, Vocabulary.NEGATION)).isTrue();
        assertThat(vocabulary.find("")).isEqualTo(-1);
        assertThat(vocabulary.find("goo")).isEqualTo(-1);
    }

    @Test
    void wordsOfEqualHashButOtherLengthsAreTold() {
        // "\0a" hashes like "a" (31 x 0 + 'a'), and "Aa" like "BB" (the classic String collision).
        Vocabulary vocabulary = Vocabulary.builder().sentiment("a", 1).sentiment("Aa", 2).build();
        assertThat(vocabulary.find("\0a")).isEqualTo(-1);
        assertThat(vocabulary.find("BB")).isEqualTo(-1);
        assertThat(vocabulary.find("a")).isZero();
        assertThat(vocabulary.find("Aa")).isEqualTo(1);
        // Word 0 and a word of the same hash (and so the same slot): the second probes past the first.
        Vocabulary same = Vocabulary.builder().sentiment("Aa", 1).sentiment("BB", 2).build();
        assertThat(same.find("Aa")).isZero();
        assertThat(same.find("BB")).isEqualTo(1);
        assertThat(same.find("C#")).isEqualTo(-1);
    }

    @Test
    void aWordAddedTwiceKeepsOneIdAndGainsBothFlags() {
        Vocabulary.Builder builder = Vocabulary.builder().sentiment("kind", 2.4).negation("never");
        assertThat(builder.hasSentiment("kind")).isTrue();
        assertThat(builder.hasSentiment("never")).isFalse();
        assertThat(builder.hasSentiment("unknown")).isFalse();
        builder.modifier("kind", -0.293).code("kind", RuleWords.KIND_OR_SORT).sentiment("never", -1).negation("kind");
        Vocabulary vocabulary = builder.build();
        assertThat(vocabulary.size()).isEqualTo(2);
        assertThat(vocabulary.find("kind")).isZero();
        assertThat(vocabulary.find("never")).isEqualTo(1);
        for (int flag : new int[] {Vocabulary.SENTIMENT, Vocabulary.NEGATION, Vocabulary.MODIFIER}) {
            assertThat(vocabulary.has(0, flag)).isTrue();
        }
        assertThat(vocabulary.has(1, Vocabulary.MODIFIER)).isFalse();
        assertThat(vocabulary.has(1, Vocabulary.SENTIMENT)).isTrue();
        assertThat(vocabulary.has(1, Vocabulary.NEGATION)).isTrue();
        assertThat(vocabulary.valence(0)).isEqualTo(2.4);
        assertThat(vocabulary.scalar(0)).isEqualTo(-0.293);
        assertThat(vocabulary.code(0)).isEqualTo(RuleWords.KIND_OR_SORT);
        assertThat(vocabulary.valence(1)).isEqualTo(-1);
    }

    private static String word(Random random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }
}
