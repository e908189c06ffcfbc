package dev.cxm.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Invariants of the analyzer on random texts of lexicon words, modifiers, negations, "but", capitals, punctuation,
 * emoticons and emoji: the compound score stays in [-1, 1] and the proportions sum to 1 (by construction); and,
 * able to fail, an added exclamation mark never lowers the size of the compound score, and the score does not
 * depend on the whitespace between words (the rules read tokens).
 */
class SentimentPropertiesTest {

    private static final List<String> WORDS = List.of("good", "bad", "GREAT", "terrible", "not", "isn't", "very",
            "slightly", "but", "no", "never", "so", "the", "service", "kind", "of", "least", ":)", ":(", "\uD83D\uDE00",
            "\uD83D\uDE21", "ok.", "helpful!", "rude??", "unhelpful", "without", "doubt");
    private static final VaderSentiment VADER = VaderSentiment.ofDefaults();

    private static Gen<List<String>> texts() {
        return lists().of(integers().between(0, WORDS.size() - 1).map(WORDS::get)).ofSizeBetween(0, 25);
    }

    @Test
    void scoresStayInRange() {
        qt().withExamples(2_000).forAll(texts()).checkAssert(words -> {
            SentimentScore score = VADER.score(String.join(" ", words));
            assertThat(score.compound()).isBetween(-1.0, 1.0);
            assertThat(score.positive() + score.neutral() + score.negative()).isCloseTo(1, within(1e-12));
        });
    }

    @Test
    void anExclamationMarkNeverLowersTheSizeOfTheScore() {
        qt().withExamples(2_000).forAll(texts()).checkAssert(words -> {
            String text = String.join(" ", words);
            assertThat(Math.abs(VADER.score(text + "!").compound()))
                    .isGreaterThanOrEqualTo(Math.abs(VADER.score(text).compound()));
        });
    }

    @Test
    void whitespaceBetweenWordsDoesNotMatter() {
        qt().withExamples(1_000).forAll(texts()).checkAssert(words -> {
            assertThat(VADER.score(String.join("  \t\n", words)).compound())
                    .isEqualTo(VADER.score(String.join(" ", words)).compound());
        });
    }
}
