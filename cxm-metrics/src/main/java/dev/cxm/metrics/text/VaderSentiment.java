package dev.cxm.metrics.text;

import java.util.Objects;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.text.internal.VaderLexicon;
import dev.cxm.metrics.text.internal.VaderScorer;

/**
 * cxm's default {@link SentimentAnalyzer}: the rules of VADER (Hutto &amp; Gilbert 2014) on its published,
 * human-rated lexicon of 7,500 English words, emoticons and slang, with the emoji described in words. It
 * handles negation ({@code "not good"}, {@code "isn't great"}, three words back), boosters and dampeners
 * ({@code "very"}, {@code "slightly"}), contrast ({@code "but"}), words in capitals among others that are not,
 * exclamation and question marks, emoticons and emoji; docs/voice.md describes each rule. It scores hundreds of
 * thousands of short comments a second on one core (docs/PERFORMANCE.md), and its compound scores correlate with
 * mean human ratings at 0.87 on the paper's tweets (docs/voice.md gives each evaluation set).
 *
 * <pre>{@code
 * SentimentScore score = VaderSentiment.ofDefaults().score("The agent was not helpful at all!!");
 * score.compound();   // below 0: negative
 * }</pre>
 *
 * <p>Settings: the longest text scored ({@value #DEFAULT_MAX_LENGTH} characters unless set; a longer one is
 * scored on its first part, cut at a word boundary, and flagged {@link SentimentScore#truncated()}), and
 * whether cxm's small extra lexicon of customer-experience words ({@code unhelpful}, {@code overcharged},
 * {@code glitchy}, ...; on unless turned off) is used beside the published one, which it never changes.
 * Immutable and thread-safe, with value {@code equals}.
 */
public final class VaderSentiment implements SentimentAnalyzer {

    /** The longest text scored whole, in characters, unless set. */
    public static final int DEFAULT_MAX_LENGTH = 10_000;

    private final int maxLength;
    private final boolean cxLexicon;
    private final VaderScorer scorer;

    private VaderSentiment(Builder builder) {
        this.maxLength = builder.maxLength;
        this.cxLexicon = builder.cxLexicon;
        this.scorer = new VaderScorer(VaderLexicon.of(cxLexicon));
    }

    /**
     * Returns the analyzer with the defaults: texts up to {@value #DEFAULT_MAX_LENGTH} characters scored whole,
     * the extra customer-experience lexicon on.
     *
     * @return the analyzer
     */
    public static VaderSentiment ofDefaults() {
        return Defaults.ANALYZER;
    }

    /**
     * Starts a configuration from the defaults.
     *
     * @return a builder holding the defaults
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * Starts a configuration from {@code base}.
     *
     * @param base the analyzer whose settings the builder starts with
     * @return a builder holding {@code base}'s settings
     */
    public static Builder from(VaderSentiment base) {
        Checks.present("base", base);
        Builder builder = new Builder();
        builder.maxLength = base.maxLength;
        builder.cxLexicon = base.cxLexicon;
        return builder;
    }

    /**
     * Returns the longest text scored whole, in characters.
     *
     * @return the limit, positive
     */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Returns whether cxm's extra customer-experience words are rated beside the published lexicon.
     *
     * @return whether the extra lexicon is used
     */
    public boolean cxLexicon() {
        return cxLexicon;
    }

    /**
     * Scores {@code text}: its compound score and its positive, neutral and negative proportions. An empty or
     * whitespace-only text is neutral and flagged blank; a text longer than {@link #maxLength()} is scored
     * on its first part and flagged truncated.
     *
     * @param text the text; personal data, never echoed
     * @return the score
     */
    @Override
    public SentimentScore score(CharSequence text) {
        return scorer.score(Checks.present("text", text), maxLength);
    }

    /**
     * Compares the settings.
     *
     * @param other the object to compare with
     * @return whether {@code other} is a {@code VaderSentiment} with the same settings
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof VaderSentiment that && maxLength == that.maxLength && cxLexicon == that.cxLexicon;
    }

    /**
     * Hashes the settings, consistently with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(maxLength, cxLexicon);
    }

    /**
     * Returns the settings, such as {@code VaderSentiment[maxLength 10000, cxLexicon]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "VaderSentiment[maxLength " + maxLength + (cxLexicon ? ", cxLexicon" : ", published lexicon only")
                + "]";
    }

    /** Builds a {@link VaderSentiment}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private int maxLength = DEFAULT_MAX_LENGTH;
        private boolean cxLexicon = true;

        private Builder() {}

        /**
         * Sets the longest text scored whole; a longer text is scored on its first part (cut back to the last
         * whitespace, so that no word is cut) and flagged truncated.
         *
         * @param value the limit in characters, 1 or more
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is below 1
         */
        public Builder maxLength(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxLength: " + value + " is below 1; it must be a positive"
                        + " number of characters");
            }
            this.maxLength = value;
            return this;
        }

        /**
         * Sets whether cxm's extra customer-experience words are rated beside the published lexicon (on unless
         * set); off scores with the published lexicon alone.
         *
         * @param value whether to use the extra lexicon
         * @return this builder
         */
        public Builder cxLexicon(boolean value) {
            this.cxLexicon = value;
            return this;
        }

        /**
         * Builds the analyzer; the lexicon is loaded on first use and shared.
         *
         * @return the analyzer
         */
        public VaderSentiment build() {
            return new VaderSentiment(this);
        }
    }

    /** The default analyzer, built on first use. */
    private static final class Defaults {
        static final VaderSentiment ANALYZER = new Builder().build();
    }
}
