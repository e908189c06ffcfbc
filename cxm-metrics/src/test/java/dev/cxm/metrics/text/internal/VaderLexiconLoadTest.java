package dev.cxm.metrics.text.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.cxm.metrics.text.LexiconFiles;

/**
 * {@link VaderLexicon#load} called directly (the shared lexicons load once per JVM, in holder classes), against
 * the shipped files read here by their documented rules ({@link LexiconFiles}): every rated token of the published
 * and the extra file has its valence, every rule word of Hutto &amp; Gilbert (2014) its flag, scalar (0.293, the
 * paper's booster constant) or code, and the vocabulary holds exactly the union of those words, counted here. The
 * emoji table holds every emoji of one code point with its description and nothing for the first code point of a
 * longer emoji. Hand-made files check the refusals, each by its message.
 */
class VaderLexiconLoadTest {

    private static final double BOOSTER = 0.293;

    @Test
    void theLexiconWithExtraWordsRatesEveryWordOfBothFilesAndEveryRuleWord() throws IOException {
        Vocabulary words = VaderLexicon.load(true, VaderLexicon.RESOURCES).vocabulary();
        Map<String, Double> published = ratedTokens("vader_lexicon.txt");
        Map<String, Double> extra = ratedTokens("cx_lexicon.txt");
        assertThat(extra).hasSize(25);
        published.forEach((word, valence) -> assertRated(words, word, valence));
        extra.forEach((word, valence) -> assertRated(words, word, valence));
        assertRuleWords(words);
        Set<String> all = new HashSet<>(published.keySet());
        all.addAll(extra.keySet());
        all.addAll(ruleWords());
        assertThat(words.size()).isEqualTo(all.size());
    }

    @Test
    void thePublishedOnlyLexiconRatesNoExtraWord() throws IOException {
        Vocabulary words = VaderLexicon.load(false, VaderLexicon.RESOURCES).vocabulary();
        Map<String, Double> published = ratedTokens("vader_lexicon.txt");
        published.forEach((word, valence) -> assertRated(words, word, valence));
        for (String word : ratedTokens("cx_lexicon.txt").keySet()) {
            assertThat(words.has(words.find(word), Vocabulary.SENTIMENT)).as(word).isFalse();
        }
        assertRuleWords(words);
        Set<String> all = new HashSet<>(published.keySet());
        all.addAll(ruleWords());
        assertThat(words.size()).isEqualTo(all.size());
    }

    @Test
    void theSharedLexiconsAreTheOnesAskedFor() {
        // "unhelpful" is an extra word (cx_lexicon.txt), not a published one.
        Vocabulary with = VaderLexicon.of(true).vocabulary();
        Vocabulary without = VaderLexicon.of(false).vocabulary();

        assertThat(with.has(with.find("unhelpful"), Vocabulary.SENTIMENT)).isTrue();
        assertThat(without.has(without.find("unhelpful"), Vocabulary.SENTIMENT)).isFalse();
        assertThat(VaderLexicon.of(true)).isSameAs(VaderLexicon.of(true));
    }

    @Test
    void theEmojiTableHoldsExactlyTheEmojiOfOneCodePoint() throws IOException {
        VaderLexicon lexicon = VaderLexicon.load(false, VaderLexicon.RESOURCES);
        Map<Integer, String> single = new LinkedHashMap<>();
        List<String[]> lines = LexiconFiles.lines("emoji_utf8_lexicon.txt");
        for (String[] fields : lines) {
            if (fields[0].codePointCount(0, fields[0].length()) == 1) {
                single.put(fields[0].codePointAt(0), fields[1]);
            }
        }
        assertThat(single).hasSize(1_212);
        single.forEach((codePoint, description) -> assertThat(lexicon.emoji(codePoint)).isEqualTo(description));
        int longer = 0;
        for (String[] fields : lines) {
            int first = fields[0].codePointAt(0);
            if (fields[0].codePointCount(0, fields[0].length()) > 1 && !single.containsKey(first)) {
                assertThat(lexicon.emoji(first)).as(fields[0]).isNull();
                longer++;
            }
        }
        assertThat(longer).isPositive();
    }

    @Test
    void anExtraWordThatThePublishedLexiconRatesIsRefusedByName() {
        Function<String, @Nullable InputStream> files = replacing("cx_lexicon.txt", "# word\tvalence\tsource\n"
                + "unhelpful\t-1.8\tuseless\ngood\t1.9\tgood\n");
        assertThatThrownBy(() -> VaderLexicon.load(true, files)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cx_lexicon.txt: good is in the published lexicon; the extra lexicon only adds words");
        // Without the extra words the file is not read.
        assertThat(VaderLexicon.load(false, files).vocabulary().find("unhelpful")).isNegative();
    }

    @Test
    void aFileOfTwoFieldsALineIsReadAndALineOfOneFieldIsRefused() {
        String grinning = new String(Character.toChars(0x1F600));
        String family = grinning + "\u200D" + new String(Character.toChars(0x1F601));
        VaderLexicon lexicon = VaderLexicon.load(false, replacing("emoji_utf8_lexicon.txt",
                "# emoji\tdescription\n\n" + grinning + "\tgrinning face\n" + family + "\ttwo faces\n"));
        assertThat(lexicon.emoji(0x1F600)).isEqualTo("grinning face");
        assertThat(lexicon.emoji(0x1F601)).isNull();
        assertThat(lexicon.emoji(0x1F602)).isNull();

        assertThatThrownBy(() -> VaderLexicon.load(false, replacing("emoji_utf8_lexicon.txt",
                grinning + "\tgrinning face\n" + grinning + "\n"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("emoji_utf8_lexicon.txt: a line without a tab-separated value");
    }

    @Test
    void aMissingOrUnreadableFileIsNamed() {
        Function<String, @Nullable InputStream> missing = name -> name.equals("vader_lexicon.txt") ? null
                : VaderLexicon.RESOURCES.apply(name);
        assertThatThrownBy(() -> VaderLexicon.load(false, missing)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the resource vader_lexicon.txt is missing from cxm-metrics");

        Function<String, @Nullable InputStream> broken = name -> new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        assertThatThrownBy(() -> VaderLexicon.load(false, broken)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read the resource vader_lexicon.txt");
    }

    private static void assertRated(Vocabulary words, String word, double valence) {
        int id = words.find(word);
        assertThat(words.has(id, Vocabulary.SENTIMENT)).as(word).isTrue();
        assertThat(words.valence(id)).as(word).isEqualTo(valence);
    }

    private static void assertRuleWords(Vocabulary words) {
        for (String word : RuleWords.NEGATIONS) {
            assertThat(words.has(words.find(word), Vocabulary.NEGATION)).as(word).isTrue();
        }
        for (String word : RuleWords.BOOSTERS) {
            int id = words.find(word);
            assertThat(words.has(id, Vocabulary.MODIFIER)).as(word).isTrue();
            assertThat(words.scalar(id)).as(word).isEqualTo(BOOSTER);
        }
        for (String word : RuleWords.DAMPENERS) {
            int id = words.find(word);
            assertThat(words.has(id, Vocabulary.MODIFIER)).as(word).isTrue();
            assertThat(words.scalar(id)).as(word).isEqualTo(-BOOSTER);
        }
        RuleWords.CODES.forEach((word, code) -> assertThat(words.code(words.find(word))).as(word).isEqualTo(code));
        // A few by the paper's own lists, so that the lists above cannot all be empty.
        assertThat(words.has(words.find("not"), Vocabulary.NEGATION)).isTrue();
        assertThat(words.scalar(words.find("extremely"))).isEqualTo(BOOSTER);
        assertThat(words.scalar(words.find("barely"))).isEqualTo(-BOOSTER);
        assertThat(words.code(words.find("but"))).isEqualTo(RuleWords.BUT);
        assertThat(words.has(words.find("good"), Vocabulary.NEGATION | Vocabulary.MODIFIER)).isFalse();
    }

    private static Set<String> ruleWords() {
        Set<String> words = new HashSet<>(RuleWords.NEGATIONS);
        words.addAll(RuleWords.BOOSTERS);
        words.addAll(RuleWords.DAMPENERS);
        words.addAll(RuleWords.CODES.keySet());
        return words;
    }

    /** The file's tokens of one word by the class Javadoc's rules: later line wins, a lower-case line beats its twin. */
    private static Map<String, Double> ratedTokens(String file) throws IOException {
        Map<String, Double> rated = new LinkedHashMap<>();
        Set<String> fromLowerCase = new HashSet<>();
        for (String[] fields : LexiconFiles.lines(file)) {
            if (fields[0].contains(" ")) {
                continue;
            }
            String key = fields[0].toLowerCase(Locale.ROOT);
            boolean lower = key.equals(fields[0]);
            if (lower || !fromLowerCase.contains(key)) {
                rated.put(key, Double.parseDouble(fields[1]));
            }
            if (lower) {
                fromLowerCase.add(key);
            }
        }
        return rated;
    }

    /** The shipped files, but {@code name} has {@code text}. */
    private static Function<String, @Nullable InputStream> replacing(String name, String text) {
        return file -> file.equals(name) ? new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))
                : VaderLexicon.RESOURCES.apply(file);
    }
}
