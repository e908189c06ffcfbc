package dev.cxm.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The edges of each rule of the analyzer (VADER, Hutto &amp; Gilbert 2014, as the Javadoc of {@code VaderScorer}
 * words it), on hand-made texts. Every expected number is worked by hand in the comment from the rules and the mean
 * valences of the published lexicon ({@code vader_lexicon.txt}: good 1.9, bad -2.5, great 3.1, awful -2.0, lazy
 * -1.5, zealous 0.5, kind 2.4, doubt -1.5, no -1.2, joy 2.8, tears -0.9, abandon -1.9, grinning 1.5, kiss 1.8;
 * the, food, of, or, and, so, this, never, not, without, very, x, y, don, badly are not in it); the compound score
 * of a sum s is s / sqrt(s² + 15) ({@link #compound}, the paper's normalisation with alpha = 15).
 */
class VaderRulesEdgeCasesTest {

    private static final VaderSentiment VADER = VaderSentiment.ofDefaults();
    private static final double EXACT = 1e-12;
    /** The negation factor, the booster scalar, the capitals increment, the "never so" factor, one "!". */
    private static final double NEG = -0.74;
    private static final double BOOST = 0.293;
    private static final double CAPS = 0.733;
    private static final double NEVER_SO = 1.25;
    private static final double BANG = 0.292;

    private static double compound(double sum) {
        return sum / Math.sqrt(sum * sum + 15);
    }

    private static double score(String text) {
        return VADER.score(text).compound();
    }

    private static double score(int maxLength, String text) {
        return VaderSentiment.custom().maxLength(maxLength).build().score(text).compound();
    }

    @Test
    void capitalsAreFoldedAtBothEndsOfTheAlphabet() {
        // "Awful" and "Zealous" are looked up as awful (-2.0) and zealous (0.5): A and Z fold to lower case.
        assertThat(score("Awful food")).isCloseTo(compound(-2.0), within(EXACT));
        assertThat(score("Zealous")).isCloseTo(compound(0.5), within(EXACT));
        // LAZY among a lower-case word: -1.5 - 0.733 (the Z is a capital like the others).
        assertThat(score("LAZY food")).isCloseTo(compound(-1.5 - CAPS), within(EXACT));
    }

    @Test
    void aWordWithAnyLowerCaseLetterIsNotInCapitals() {
        // GREaT and LAzY have one lower-case letter (a, z: the ends of a..z): no emphasis.
        assertThat(score("GREaT food")).isCloseTo(compound(3.1), within(EXACT));
        assertThat(score("LAzY food")).isCloseTo(compound(-1.5), within(EXACT));
        // Good is not in capitals; GOOD! is (the ! is neither case): 1.9 + 0.733, plus 0.292 for the "!".
        assertThat(score("Good food")).isCloseTo(compound(1.9), within(EXACT));
        assertThat(score("GOOD! food")).isCloseTo(compound(1.9 + CAPS + BANG), within(EXACT));
    }

    @Test
    void lettersBeyondAsciiCountForCapitalsToo() {
        // "é" is a lower-case word, so GOOD stands out: 1.9 + 0.733. "É" is in capitals, so both words are.
        assertThat(score("\u00e9 GOOD")).isCloseTo(compound(1.9 + CAPS), within(EXACT));
        assertThat(score("\u00c9 GOOD")).isCloseTo(compound(1.9), within(EXACT));
        // "ABC€": capitals and a sign that has no case -> in capitals; "ABCé" has a lower-case letter -> not.
        assertThat(score("ABC\u20ac GOOD")).isCloseTo(compound(1.9), within(EXACT));
        assertThat(score("ABC\u00e9 GOOD")).isCloseTo(compound(1.9 + CAPS), within(EXACT));
    }

    @Test
    void aModifierInLowerCaseAddsNoCapitalsEmphasis() {
        // very good FOOD: FOOD is in capitals, very is not: good = 1.9 + 0.293 only.
        assertThat(score("very good FOOD")).isCloseTo(compound(1.9 + BOOST), within(EXACT));
    }

    @Test
    void everyAsciiPunctuationMarkIsStrippedAtTheEdgesOfAWord() {
        // Python's string.punctuation is !"#$%&'()*+,-./ :;<=>?@ [\]^_` {|}~: the first and last of each range.
        for (String mark : new String[] {"/", ":", "@", "[", "`", "{", "~", "(", "\""}) {
            assertThat(score(mark + "good")).as(mark + "good").isCloseTo(compound(1.9), within(EXACT));
            assertThat(score("good" + mark)).as("good" + mark).isCloseTo(compound(1.9), within(EXACT));
        }
        // "!good": stripped, and the "!" still adds 0.292.
        assertThat(score("!good")).isCloseTo(compound(1.9 + BANG), within(EXACT));
        // Digits, letters and DEL are not punctuation: these are unknown words.
        assertThat(score("0good")).isZero();
        assertThat(score("good9")).isZero();
        assertThat(score("\u007fgood")).isZero();
    }

    @Test
    void aWordOfPunctuationOnlyIsNoWord() {
        // 32 and 40 hyphens (the scratch buffer's first size and beyond): no valence, only a neutral word.
        assertThat(score("good " + "-".repeat(32))).isCloseTo(compound(1.9), within(EXACT));
        SentimentScore longer = VADER.score("good " + "-".repeat(40));
        assertThat(longer.compound()).isCloseTo(compound(1.9), within(EXACT));
        assertThat(longer.neutral()).isCloseTo(1 / 3.9, within(EXACT));
    }

    @Test
    void anApostropheAfterNIsNoNegationWithoutTheT() {
        // "don'" is not a word with n't: good keeps 1.9 (an earlier word ending in t changes nothing).
        assertThat(score("xxxxt don' good")).isCloseTo(compound(1.9), within(EXACT));
        assertThat(score("don't good")).isCloseTo(compound(1.9 * NEG), within(EXACT));
    }

    @Test
    void noNegatesUpToTwoWordsOnAndThreeThroughOr() {
        // no the good: "no" is followed by a word without valence, so it keeps its -1.2; good, two on, is negated:
        // -1.2 + 1.9 x -0.74 = -2.606.
        assertThat(score("no the good")).isCloseTo(compound(-1.2 + 1.9 * NEG), within(EXACT));
        // no food or good: three on, through "or": -1.2 - 1.406. Through "and" it does not reach: -1.2 + 1.9.
        assertThat(score("no food or good")).isCloseTo(compound(-1.2 + 1.9 * NEG), within(EXACT));
        assertThat(score("no food and good")).isCloseTo(compound(-1.2 + 1.9), within(EXACT));
        assertThat(score("the food or good")).isCloseTo(compound(1.9), within(EXACT));
    }

    @Test
    void neverSoThreeWordsBackIntensifiesWhereverTheSoIs() {
        // never so the good: "so" two back boosts 0.293 x 0.95; "never" three back with "so" after it: x 1.25.
        assertThat(score("never so the good")).isCloseTo(compound((1.9 + BOOST * 0.95) * NEVER_SO), within(EXACT));
        // never the so good: "so" one back boosts 0.293; "never ... so" x 1.25.
        assertThat(score("never the so good")).isCloseTo(compound((1.9 + BOOST) * NEVER_SO), within(EXACT));
        // never the the good: no "so" or "this": "never" negates.
        assertThat(score("never the the good")).isCloseTo(compound(1.9 * NEG), within(EXACT));
        // not the so good: "not" is no "never": it negates the boosted 2.193.
        assertThat(score("not the so good")).isCloseTo(compound((1.9 + BOOST) * NEG), within(EXACT));
    }

    @Test
    void withoutDoubtThreeWordsBackDoesNotNegate() {
        // without doubt the good: doubt is negated by "without" (-1.5 x -0.74 = 1.11); good, three on from
        // "without" with "doubt" between, is not: 1.9. Sum 3.01.
        assertThat(score("without doubt the good")).isCloseTo(compound(1.11 + 1.9), within(EXACT));
        // without the doubt good: doubt two on from "without" is negated (1.11); good is not (1.9).
        assertThat(score("without the doubt good")).isCloseTo(compound(1.11 + 1.9), within(EXACT));
        // without the the good: no "doubt": "without" negates good.
        assertThat(score("without the the good")).isCloseTo(compound(1.9 * NEG), within(EXACT));
    }

    @Test
    void onlyTheFirstButSplitsTheText() {
        // but good but bad: the first "but" is the first word: good x 1.5 = 2.85, bad x 1.5 = -3.75; sum -0.9.
        assertThat(score("but good but bad")).isCloseTo(compound(1.5 * 1.9 - 1.5 * 2.5), within(EXACT));
        // but good: 1.9 x 1.5.
        assertThat(score("but good")).isCloseTo(compound(1.5 * 1.9), within(EXACT));
    }

    @Test
    void kindTakesNoValenceOnlyBeforeOf() {
        // of kind: "kind" comes after "of", not before it: 2.4.
        assertThat(score("of kind")).isCloseTo(compound(2.4), within(EXACT));
    }

    @Test
    void emojiBecomeTheWordsOfTheirDescription() {
        // U+1F48F is "kiss" (1.8): a description of one word. U+1F600 "grinning face" right after good: 1.9 + 1.5.
        assertThat(score("\uD83D\uDC8F")).isCloseTo(compound(1.8), within(EXACT));
        assertThat(score("good\uD83D\uDE00")).isCloseTo(compound(1.9 + 1.5), within(EXACT));
        // U+1F602 is "face with tears of joy": tears -0.9, joy 2.8 (nothing before either changes it).
        // Three of them make 15 words from 6 characters: 3 x 1.9 = 5.7.
        assertThat(score("\uD83D\uDE02\uD83D\uDE02\uD83D\uDE02")).isCloseTo(compound(3 * (2.8 - 0.9)), within(EXACT));
        // One of them, x, y and kind: 8 words from 11 characters, kind last: -0.9 + 2.8 + 2.4.
        assertThat(score("\uD83D\uDE02 x y kind")).isCloseTo(compound(-0.9 + 2.8 + 2.4), within(EXACT));
    }

    @Test
    void aNoBreakSpaceSeparatesWords() {
        // good, bad: 1.9 - 2.5.
        assertThat(score("good\u00a0bad")).isCloseTo(compound(1.9 - 2.5), within(EXACT));
    }

    @Test
    void equalPositiveAndNegativeSidesGetNoPunctuationEmphasis() {
        // good abandon!: 1.9 and -1.9 -> sum 0, compound 0; positive 2.9 and negative 2.9 tie: the "!" goes to
        // neither side: 0.5 and 0.5.
        SentimentScore tie = VADER.score("good abandon!");
        assertThat(tie.compound()).isZero();
        assertThat(tie.positive()).isCloseTo(0.5, within(EXACT));
        assertThat(tie.negative()).isCloseTo(0.5, within(EXACT));
        assertThat(tie.neutral()).isZero();
        // the food is bad!!: the emphasis 0.584 goes to the negative side: (3.5 + 0.584) / (3 + 4.084).
        SentimentScore bad = VADER.score("the food is bad!!");
        assertThat(bad.negative()).isCloseTo(4.084 / 7.084, within(EXACT));
        assertThat(bad.positive()).isZero();
        assertThat(bad.compound()).isCloseTo(compound(-2.5 - 2 * BANG), within(EXACT));
    }

    @Test
    void aTextOfExactlyTheLimitIsScoredWhole() {
        SentimentScore whole = VaderSentiment.custom().maxLength(4).build().score("good");
        assertThat(whole.truncated()).isFalse();
        assertThat(whole.compound()).isCloseTo(compound(1.9), within(EXACT));
    }

    @Test
    void aLongTextIsCutAtTheLastWhitespaceBeforeTheLimit() {
        // "good badly", limit 8: the limit falls inside "badly" -> cut after "good": 1.9 (not "good bad").
        assertThat(score(8, "good badly")).isCloseTo(compound(1.9), within(EXACT));
        // limit 9: still inside "badly" -> "good" (not "good bad", the first 8 characters).
        assertThat(score(9, "good badly")).isCloseTo(compound(1.9), within(EXACT));
        // a no-break space is whitespace too.
        assertThat(score(9, "good\u00a0badly")).isCloseTo(compound(1.9), within(EXACT));
        // "the good! bad", limit 8: the limit falls on "!" -> cut after "the": neutral (not "the good!").
        SentimentScore cut = VaderSentiment.custom().maxLength(8).build().score("the good! bad");
        assertThat(cut.compound()).isZero();
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.blank()).isFalse();
    }

    @Test
    void aFirstWordLongerThanTheLimitIsCutAtTheLimit() {
        // " good!!!", limit 5: no whitespace after the first character before the limit -> " good" is scored:
        // 1.9, the exclamation marks after the limit do not count.
        SentimentScore cut = VaderSentiment.custom().maxLength(5).build().score(" good!!!");
        assertThat(cut.compound()).isCloseTo(compound(1.9), within(EXACT));
        assertThat(cut.truncated()).isTrue();
        // "good😀!", limit 5: the limit falls inside the emoji's surrogate pair -> cut before it: "good" alone.
        SentimentScore emoji = VaderSentiment.custom().maxLength(5).build().score("good\uD83D\uDE00!");
        assertThat(emoji.compound()).isCloseTo(compound(1.9), within(EXACT));
        assertThat(emoji.truncated()).isTrue();
    }

    @Test
    void aLimitOfOneCharacterIsAllowed() {
        VaderSentiment one = VaderSentiment.custom().maxLength(1).build();
        assertThat(one.maxLength()).isEqualTo(1);
        // "good" cut to "g": an unknown word, neutral, truncated.
        SentimentScore g = one.score("good");
        assertThat(g.compound()).isZero();
        assertThat(g.truncated()).isTrue();
    }
}
