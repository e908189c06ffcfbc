package dev.cxm.metrics.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.text.internal.ThemeTokenizer;

/**
 * Finds what one group of comments talks about more than another: the words, two-word phrases and negated
 * words ({@code "not helpful"}) whose use differs most between a focus group (detractors, this month) and the
 * rest (promoters, last month), ranked by the z-score of their log-odds ratio with an informative Dirichlet
 * prior (Monroe, Colaresi &amp; Quinn 2008, "Fightin' Words", <i>Political Analysis</i> 16(4), 372-403).
 *
 * <p>For a term w used {@code y_f} times among the focus group's {@code n_f} term occurrences and {@code y_r}
 * times among the rest's {@code n_r}, with the prior {@code a_w = alpha_0 (y_f + y_r) / (n_f + n_r)}:
 *
 * <pre>
 * delta_w = ln((y_f + a_w) / (n_f + alpha_0 - y_f - a_w)) - ln((y_r + a_w) / (n_r + alpha_0 - y_r - a_w))
 * var_w   = 1 / (y_f + a_w) + 1 / (y_r + a_w)
 * z_w     = delta_w / sqrt(var_w)
 * </pre>
 *
 * <p>By default {@code alpha_0} is the number of term occurrences of both groups, so that each term's prior is
 * its count in the two groups pooled (the pooled texts as the background corpus); {@link
 * Builder#priorStrength} sets a fixed one. The prior shrinks rare terms towards no difference, and z weighs each
 * difference by how much evidence it rests on, so neither a word used once nor a frequent word with a small
 * difference tops the list. Terms are cut as {@link #terms} says: stop words (a documented list,
 * {@link #defaultStopWords()}), words with a digit, e-mail and web addresses, and the host's own
 * {@linkplain Builder#excluding excluded terms} (its ids and names) are dropped.
 *
 * <pre>{@code
 * ThemeComparison themes = Themes.ofDefaults().compare(detractorComments, promoterComments);
 * themes.focus().get(0).term();   // such as "not helpful" or "wait"
 * }</pre>
 *
 * <p>Settings: how many terms each side lists ({@value #DEFAULT_TOP}), the fewest occurrences a listed term
 * has in both groups together ({@value #DEFAULT_MIN_COUNT}), the prior's strength, the stop words, the excluded
 * terms, and whether two-word phrases count. Immutable, thread-safe, value {@code equals}.
 */
public final class Themes {

    /** How many terms each side lists unless set. */
    public static final int DEFAULT_TOP = 20;
    /** The fewest occurrences (both groups together) a listed term has unless set. */
    public static final int DEFAULT_MIN_COUNT = 3;

    private static final Themes DEFAULTS = new Builder().build();

    private final int top;
    private final int minCount;
    private final OptionalDouble priorStrength;
    private final Set<String> stopWords;
    private final Set<String> excluded;
    private final boolean phrases;
    private final ThemeTokenizer tokenizer;

    private Themes(Builder builder) {
        this.top = builder.top;
        this.minCount = builder.minCount;
        this.priorStrength = builder.priorStrength;
        this.stopWords = builder.stopWords;
        this.excluded = builder.excluded;
        this.phrases = builder.phrases;
        this.tokenizer = new ThemeTokenizer(stopWords, excluded, phrases);
    }

    /**
     * Returns the themes with the defaults: 20 terms a side, at least 3 occurrences, the pooled prior, cxm's stop
     * words, nothing excluded, two-word phrases on.
     *
     * @return the themes
     */
    public static Themes ofDefaults() {
        return DEFAULTS;
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
     * @param base the themes whose settings the builder starts with
     * @return a builder holding {@code base}'s settings
     */
    public static Builder from(Themes base) {
        Checks.present("base", base);
        Builder builder = new Builder();
        builder.top = base.top;
        builder.minCount = base.minCount;
        builder.priorStrength = base.priorStrength;
        builder.stopWords = base.stopWords;
        builder.excluded = base.excluded;
        builder.phrases = base.phrases;
        return builder;
    }

    /**
     * Returns cxm's English stop words: about 150 function words (articles, pronouns, auxiliaries, prepositions,
     * conjunctions, a few degree words such as {@code very}), never a negation.
     *
     * @return the words, lower case
     */
    public static Set<String> defaultStopWords() {
        return ThemeTokenizer.defaultStopWords();
    }

    /**
     * Returns how many terms each side lists.
     *
     * @return the number, 1 or more
     */
    public int top() {
        return top;
    }

    /**
     * Returns the fewest occurrences, in both groups together, a listed term has.
     *
     * @return the count, 1 or more
     */
    public int minCount() {
        return minCount;
    }

    /**
     * Returns the fixed prior strength {@code alpha_0}, when set; empty for the pooled prior.
     *
     * @return the strength, or empty
     */
    public OptionalDouble priorStrength() {
        return priorStrength;
    }

    /**
     * Returns the stop words dropped.
     *
     * @return the words, lower case
     */
    public Set<String> stopWords() {
        return stopWords;
    }

    /**
     * Returns the host's terms dropped.
     *
     * @return the terms, lower case
     */
    public Set<String> excludedTerms() {
        return excluded;
    }

    /**
     * Returns whether two-word phrases are terms too.
     *
     * @return whether phrases count
     */
    public boolean phrases() {
        return phrases;
    }

    /**
     * Returns the terms of one text, in the order they end in it: each kept word, each phrase of two kept words
     * in a row in a clause, and each negated word ({@code "wasn't very helpful"} gives {@code not helpful}).
     *
     * @param text the text
     * @return its terms
     */
    public List<String> terms(CharSequence text) {
        List<String> terms = new ArrayList<>();
        tokenizer.terms(Checks.present("text", text), terms::add);
        return terms;
    }

    /**
     * Counts the terms of {@code texts}.
     *
     * @param texts the texts of one group
     * @return their counts
     */
    public TermCounts count(Iterable<? extends CharSequence> texts) {
        Map<String, Long> counts = new HashMap<>();
        long[] totals = new long[2];
        for (CharSequence text : Checks.present("texts", texts)) {
            tokenizer.terms(Checks.present("text", text), term -> {
                counts.merge(term, 1L, Long::sum);
                totals[1]++;
            });
            totals[0]++;
        }
        return new TermCounts(totals[0], totals[1], counts);
    }

    /**
     * Returns the terms that distinguish the {@code focus} texts from the {@code rest}.
     *
     * @param focus the texts of the focus group
     * @param rest the texts of the other group
     * @return the comparison
     */
    public ThemeComparison compare(Iterable<? extends CharSequence> focus, Iterable<? extends CharSequence> rest) {
        return compare(count(focus), count(rest));
    }

    /**
     * Returns the terms that distinguish the focus group's counts from the rest's. With no terms on a side, or
     * fewer than two distinct terms in all, nothing can be told apart and both lists are empty.
     *
     * @param focus the counts of the focus group
     * @param rest the counts of the other group
     * @return the comparison
     */
    public ThemeComparison compare(TermCounts focus, TermCounts rest) {
        Checks.present("focus", focus);
        Checks.present("rest", rest);
        double nf = focus.total();
        double nr = rest.total();
        double alpha0 = priorStrength.orElse(nf + nr);
        Set<String> vocabulary = new TreeSet<>(focus.counts().keySet());
        vocabulary.addAll(rest.counts().keySet());
        if (nf == 0 || nr == 0 || vocabulary.size() < 2) {
            return new ThemeComparison(focus.texts(), rest.texts(), focus.total(), rest.total(), alpha0, List.of(),
                    List.of());
        }
        List<Theme> themes = new ArrayList<>();
        for (String term : vocabulary) {
            long yf = focus.count(term);
            long yr = rest.count(term);
            if (yf + yr < minCount) {
                continue;
            }
            double a = alpha0 * (yf + yr) / (nf + nr);
            double delta = Math.log((yf + a) / (nf + alpha0 - yf - a)) - Math.log((yr + a) / (nr + alpha0 - yr - a));
            double standardError = Math.sqrt(1 / (yf + a) + 1 / (yr + a));
            themes.add(new Theme(term, yf, yr, delta, standardError, delta / standardError));
        }
        Comparator<Theme> byZ = Comparator.comparingDouble(Theme::z);
        List<Theme> forFocus = themes.stream().filter(t -> t.z() > 0)
                .sorted(byZ.reversed().thenComparing(Theme::term)).limit(top).toList();
        List<Theme> forRest = themes.stream().filter(t -> t.z() < 0)
                .sorted(byZ.thenComparing(Theme::term)).limit(top).toList();
        return new ThemeComparison(focus.texts(), rest.texts(), focus.total(), rest.total(), alpha0, forFocus, forRest);
    }

    /**
     * Compares the settings.
     *
     * @param other the object to compare with
     * @return whether {@code other} has the same settings
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Themes that && top == that.top && minCount == that.minCount
                && priorStrength.equals(that.priorStrength) && stopWords.equals(that.stopWords)
                && excluded.equals(that.excluded) && phrases == that.phrases;
    }

    /**
     * Hashes the settings, consistently with {@link #equals}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(top, minCount, priorStrength, stopWords, excluded, phrases);
    }

    /**
     * Returns the settings (the number of stop words and excluded terms, not the terms).
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "Themes[top " + top + ", minCount " + minCount + ", prior "
                + (priorStrength.isPresent() ? "alpha_0 " + priorStrength.getAsDouble() : "pooled") + ", "
                + stopWords.size() + " stop words, " + excluded.size() + " excluded terms"
                + (phrases ? ", phrases" : ", words only") + "]";
    }

    /** Builds {@link Themes}; each setter rejects an invalid value at once. */
    public static final class Builder {
        private int top = DEFAULT_TOP;
        private int minCount = DEFAULT_MIN_COUNT;
        private OptionalDouble priorStrength = OptionalDouble.empty();
        private Set<String> stopWords = ThemeTokenizer.defaultStopWords();
        private Set<String> excluded = Set.of();
        private boolean phrases = true;

        private Builder() {}

        /**
         * Sets how many terms each side lists.
         *
         * @param value the number, 1 or more
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is below 1
         */
        public Builder top(int value) {
            this.top = Checks.positive("top", value);
            return this;
        }

        /**
         * Sets the fewest occurrences, in both groups together, a listed term has.
         *
         * @param value the count, 1 or more
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is below 1
         */
        public Builder minCount(int value) {
            this.minCount = Checks.positive("minCount", value);
            return this;
        }

        /**
         * Sets a fixed prior strength {@code alpha_0}: each term's prior is {@code alpha_0} times its share of the
         * pooled term occurrences.
         *
         * @param value the strength, a positive finite number
         * @return this builder
         * @throws IllegalArgumentException naming the value when it is not positive and finite
         */
        public Builder priorStrength(double value) {
            this.priorStrength = OptionalDouble.of(Checks.positive("priorStrength", value));
            return this;
        }

        /**
         * Uses the pooled prior (the default): {@code alpha_0} is the number of term occurrences of both groups.
         *
         * @return this builder
         */
        public Builder pooledPrior() {
            this.priorStrength = OptionalDouble.empty();
            return this;
        }

        /**
         * Sets the stop words, replacing cxm's list; a negation in them has no effect (negations are joined to the
         * next word, never dropped).
         *
         * @param words the words; compared in lower case
         * @return this builder
         */
        public Builder stopWords(Collection<String> words) {
            this.stopWords = lowerCase("stopWords", words);
            return this;
        }

        /**
         * Drops the host's own terms: its customer, order and ticket ids, brand and product names. Words with a
         * digit are dropped anyway.
         *
         * @param terms the terms; compared in lower case
         * @return this builder
         */
        public Builder excluding(Collection<String> terms) {
            this.excluded = lowerCase("excluding", terms);
            return this;
        }

        /**
         * Sets whether two-word phrases are terms too (on unless set).
         *
         * @param value whether phrases count
         * @return this builder
         */
        public Builder phrases(boolean value) {
            this.phrases = value;
            return this;
        }

        private static Set<String> lowerCase(String field, Collection<String> words) {
            Checks.noNullElements(field, Checks.present(field, words));
            return Set.copyOf(words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
        }

        /**
         * Builds the themes.
         *
         * @return the configured themes
         */
        public Themes build() {
            return new Themes(this);
        }
    }
}
