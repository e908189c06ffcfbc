package dev.cxm.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Each rule of the analyzer on hand-made sentences. Expected numbers are worked by hand from the rules in
 * docs/voice.md (Hutto &amp; Gilbert 2014) and the valences of the published lexicon, quoted in each test from
 * {@code vader_lexicon.txt} (good 1.9, bad -2.5, helpful 1.8, great 3.1, kind 2.4, doubt -1.5, problems -1.7,
 * no -1.2, ok 1.2, grinning 1.5, :) 2.0; the, food, is, not, really, that, here, much, so, very, service, face
 * are not in it). The compound score of a sum s is s / sqrt(s² + 15), the paper's normalisation, computed by
 * {@link #compound}.
 */
class VaderRulesTest {

    private static final VaderSentiment VADER = VaderSentiment.ofDefaults();
    private static final double EXACT = 1e-12;

    private static double compound(double sum) {
        return sum / Math.sqrt(sum * sum + 15);
    }

    private static double score(String text) {
        return VADER.score(text).compound();
    }

    @Test
    void aLexiconWordScoresItsValenceNormalised() {
        // good = 1.9: compound 1.9 / sqrt(3.61 + 15) = 0.44043...
        assertThat(score("good")).isCloseTo(compound(1.9), within(EXACT)).isCloseTo(0.4404, within(1e-4));
        assertThat(score("bad")).isCloseTo(compound(-2.5), within(EXACT));
    }

    @Test
    void proportionsCountEachValencePlusOneAndEachOtherWordOne() {
        // the food is good: valences 0 0 0 1.9 -> positive 1.9 + 1 = 2.9, neutral 3, total 5.9.
        SentimentScore score = VADER.score("The food is good");
        assertThat(score.positive()).isCloseTo(2.9 / 5.9, within(EXACT));
        assertThat(score.neutral()).isCloseTo(3 / 5.9, within(EXACT));
        assertThat(score.negative()).isZero();
        // good but bad: 0.95 and -3.75 (the but rule), "but" neutral -> 1.95, 4.75, 1; total 7.7.
        SentimentScore mixed = VADER.score("good but bad");
        assertThat(mixed.positive()).isCloseTo(1.95 / 7.7, within(EXACT));
        assertThat(mixed.negative()).isCloseTo(4.75 / 7.7, within(EXACT));
        assertThat(mixed.neutral()).isCloseTo(1 / 7.7, within(EXACT));
    }

    @Test
    void aNegationFlipsAndDampsTheNextWords() {
        // not good: 1.9 x -0.74 = -1.406; the same for isn't, never, and a typographic apostrophe.
        assertThat(score("not good")).isCloseTo(compound(-1.406), within(EXACT)).isNegative();
        assertThat(score("isn't good")).isCloseTo(compound(-1.406), within(EXACT));
        assertThat(score("isn\u2019t good")).isCloseTo(compound(-1.406), within(EXACT));
        assertThat(score("never good")).isCloseTo(compound(-1.406), within(EXACT));
        assertThat(score("not bad")).isCloseTo(compound(1.85), within(EXACT)).isPositive();
    }

    @Test
    void aNegationReachesThreeWordsBackAndNoFurther() {
        // not really that good: "that" (1 back) nothing; "really" (2 back) boosts 0.293 x 0.95 = 0.27835 -> 2.17835;
        // "not" (3 back) negates -> -1.611979.
        assertThat(score("not really that good")).isCloseTo(compound(2.17835 * -0.74), within(EXACT));
        // not the food here is good: "not" is 5 words back -> 1.9 unchanged.
        assertThat(score("not the food here is good")).isCloseTo(compound(1.9), within(EXACT));
    }

    @Test
    void neverSoAndNeverThisIntensifyInsteadOfNegating() {
        // never so good: "so" boosts (2.193), "never so" multiplies by 1.25 -> 2.74125.
        assertThat(score("never so good")).isCloseTo(compound(2.193 * 1.25), within(EXACT)).isPositive();
        // never this good: "this" does nothing, "never this" 1.25 -> 2.375.
        assertThat(score("never this good")).isCloseTo(compound(1.9 * 1.25), within(EXACT));
    }

    @Test
    void withoutDoubtDoesNotNegateTheWordAfterIt() {
        // doubt = -1.5 negated by "without": 1.11; good: "doubt" is a lexicon word (skipped), "without doubt" does
        // not negate -> 1.9; sum 3.01.
        assertThat(score("without doubt good")).isCloseTo(compound(1.11 + 1.9), within(EXACT));
    }

    @Test
    void noNegatesTheLexiconWordsAfterIt() {
        // no good: "no" has no valence before a lexicon word, good is negated -> -1.406.
        assertThat(score("no good")).isCloseTo(compound(-1.406), within(EXACT));
        // no problems: -1.7 x -0.74 = 1.258: positive.
        assertThat(score("no problems")).isCloseTo(compound(1.258), within(EXACT)).isPositive();
        // no alone keeps its valence -1.2.
        assertThat(score("no")).isCloseTo(compound(-1.2), within(EXACT));
    }

    @Test
    void boostersAndDampenersChangeTheSizeNotTheSign() {
        assertThat(score("very good")).isCloseTo(compound(2.193), within(EXACT));
        assertThat(score("very bad")).isCloseTo(compound(-2.793), within(EXACT));
        assertThat(score("slightly good")).isCloseTo(compound(1.607), within(EXACT));
        assertThat(score("slightly bad")).isCloseTo(compound(-2.207), within(EXACT));
        // very much good: "very" two words back, times 0.95 -> 1.9 + 0.27835.
        assertThat(score("very much good")).isCloseTo(compound(2.17835), within(EXACT));
    }

    @Test
    void kindOfDampensAndTakesKindsOwnValence() {
        // kind of good: "kind" has no valence before "of", "kind of" dampens good by 0.293 -> 1.607.
        assertThat(score("kind of good")).isCloseTo(compound(1.607), within(EXACT));
        assertThat(score("kind")).isCloseTo(compound(2.4), within(EXACT));
    }

    @Test
    void leastNegatesUnlessAtLeastOrVeryLeast() {
        assertThat(score("least helpful")).isCloseTo(compound(1.8 * -0.74), within(EXACT));
        assertThat(score("at least helpful")).isCloseTo(compound(1.8), within(EXACT));
    }

    @Test
    void capitalsAmongOtherWordsEmphasise() {
        // GOOD food: 1.9 + 0.733; all in capitals: no emphasis.
        assertThat(score("GOOD food")).isCloseTo(compound(2.633), within(EXACT));
        assertThat(score("GOOD FOOD")).isCloseTo(compound(1.9), within(EXACT));
        assertThat(score("BAD food")).isCloseTo(compound(-3.233), within(EXACT));
        // VERY good food: the booster in capitals adds 0.293 + 0.733.
        assertThat(score("VERY good food")).isCloseTo(compound(1.9 + 1.026), within(EXACT));
    }

    @Test
    void butHalvesWhatComesBeforeAndWeighsWhatComesAfter() {
        // good but bad: 0.95 - 3.75 = -2.8; bad but good: -1.25 + 2.85 = 1.6.
        assertThat(score("good but bad")).isCloseTo(compound(-2.8), within(EXACT)).isNegative();
        assertThat(score("bad but good")).isCloseTo(compound(1.6), within(EXACT)).isPositive();
    }

    @Test
    void exclamationMarksAddUpToFour() {
        assertThat(score("good!")).isCloseTo(compound(1.9 + 0.292), within(EXACT));
        assertThat(score("good!!!")).isCloseTo(compound(1.9 + 3 * 0.292), within(EXACT));
        assertThat(score("good!!!!!!")).isCloseTo(compound(1.9 + 4 * 0.292), within(EXACT));
        assertThat(score("bad!!")).isCloseTo(compound(-2.5 - 2 * 0.292), within(EXACT));
        // The food is good!!: the emphasis goes to the positive side: 2.9 + 0.584 over 6.484.
        SentimentScore score = VADER.score("The food is good!!");
        assertThat(score.positive()).isCloseTo(3.484 / 6.484, within(EXACT));
        // No valence, no emphasis.
        assertThat(score("the food!!!")).isZero();
    }

    @Test
    void questionMarksAddFromTwoOn() {
        assertThat(score("good?")).isCloseTo(compound(1.9), within(EXACT));
        assertThat(score("good??")).isCloseTo(compound(1.9 + 0.36), within(EXACT));
        assertThat(score("good???")).isCloseTo(compound(1.9 + 0.54), within(EXACT));
        assertThat(score("good?????")).isCloseTo(compound(1.9 + 0.96), within(EXACT));
    }

    @Test
    void emoticonsAndEmojiCarryValence() {
        // :) is 2.0; "good :)" 3.9. The emoji U+1F600 reads as its description "grinning face": 1.5.
        assertThat(score(":)")).isCloseTo(compound(2.0), within(EXACT));
        assertThat(score("good :)")).isCloseTo(compound(3.9), within(EXACT));
        // An emoticon followed by sentence punctuation is still the emoticon: 2.0 + 0.292 for the "!".
        assertThat(score(":)!")).isCloseTo(compound(2.292), within(EXACT));
        assertThat(score("\uD83D\uDE00")).isCloseTo(compound(1.5), within(EXACT));
        assertThat(VADER.score("service\uD83D\uDE00")).isEqualTo(VADER.score("service grinning face"));
    }

    @Test
    void punctuationAroundAWordIsStripped() {
        assertThat(score("(good),")).isCloseTo(compound(1.9), within(EXACT));
        // ok. is ok (1.2) once the full stop is stripped.
        assertThat(score("ok.")).isCloseTo(compound(1.2), within(EXACT));
    }

    @Test
    void blankTextIsNeutralAndFlagged() {
        for (String blank : new String[] {"", "   ", "\n\t \u00A0"}) {
            assertThat(VADER.score(blank)).isEqualTo(SentimentScore.ofBlankText());
        }
        SentimentScore blank = SentimentScore.ofBlankText();
        assertThat(blank.compound()).isZero();
        assertThat(blank.neutral()).isEqualTo(1);
        assertThat(blank.blank()).isTrue();
        assertThat(VADER.score("the food").blank()).isFalse();
    }

    @Test
    void longTextIsScoredOnItsFirstPartAtAWordBoundaryAndFlagged() {
        VaderSentiment short20 = VaderSentiment.custom().maxLength(20).build();
        // 20 characters: "the food is good but" + " terrible" cut at the space before "terrible".
        SentimentScore cut = short20.score("the food is good but terrible");
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.compound()).isEqualTo(VADER.score("the food is good but").compound());
        // A limit inside a word cuts before the word: 18 characters end in "bu" -> "the food is good".
        SentimentScore inWord = VaderSentiment.custom().maxLength(18).build().score("the food is good but terrible");
        assertThat(inWord.compound()).isEqualTo(VADER.score("the food is good").compound());
        assertThat(short20.score("the food is good").truncated()).isFalse();
    }

    @Test
    void theExtraLexiconAddsCustomerExperienceWordsOnlyWhenOn() {
        // unhelpful borrows useless' -1.8 (cx_lexicon.txt); the published lexicon does not rate it.
        assertThat(score("unhelpful")).isCloseTo(compound(-1.8), within(EXACT));
        assertThat(VaderSentiment.custom().cxLexicon(false).build().score("unhelpful").compound()).isZero();
    }

    @Test
    void scoresStayInRangeOnExtremeTexts() {
        String furious = "TERRIBLE HORRIBLE awful ".repeat(200) + "!!!!";
        SentimentScore score = VADER.score(furious);
        assertThat(score.compound()).isBetween(-1.0, -0.99);
        assertThat(score.positive() + score.neutral() + score.negative()).isCloseTo(1, within(1e-12));
        assertThatThrownBy(() -> VADER.score(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("text");
    }
}
