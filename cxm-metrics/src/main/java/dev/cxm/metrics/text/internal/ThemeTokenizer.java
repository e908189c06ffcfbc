package dev.cxm.metrics.text.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Cuts a comment into the terms themes count: words, two-word phrases and negated words.
 *
 * <ul>
 *   <li>Text is read in lower case, a typographic apostrophe as {@code '}. A word is a run of letters, digits,
 *       apostrophes and hyphens, without leading or trailing apostrophes or hyphens and without a possessive
 *       {@code 's}. Other punctuation ends a clause; whitespace does not.</li>
 *   <li>Pieces of text that look like an e-mail address, a handle or a web address (with {@code @},
 *       {@code ://}, or starting {@code www.}) and words with a digit (order numbers, ids, amounts, dates) are
 *       dropped, and so are the host's excluded terms (its own ids and names) and the stop words.</li>
 *   <li>A negation ({@code not}, {@code no}, {@code never}, {@code without}, and {@code cannot} and every
 *       {@code n't} word, read as {@code not}) joins the next word of its clause that is kept, up to three
 *       words on, into one term: {@code "wasn't very helpful"} gives {@code not helpful}.</li>
 *   <li>Two kept words in a row in a clause (stop words and excluded terms removed) also give their phrase:
 *       {@code "long wait times"} gives {@code long}, {@code wait}, {@code times}, {@code long wait} and
 *       {@code wait times}. A negated term takes part in no phrase.</li>
 * </ul>
 */
public final class ThemeTokenizer {

    private static final int NEGATION_REACH = 3;

    private final Set<String> stopWords;
    private final Set<String> excluded;
    private final boolean phrases;

    /**
     * Creates a tokenizer.
     *
     * @param stopWords the words dropped, lower case
     * @param excluded the host's terms dropped, lower case
     * @param phrases whether two-word phrases are terms too
     */
    public ThemeTokenizer(Set<String> stopWords, Set<String> excluded, boolean phrases) {
        this.stopWords = stopWords;
        this.excluded = excluded;
        this.phrases = phrases;
    }

    /**
     * Returns cxm's English stop words ({@code stopwords-en.txt} beside this class).
     *
     * @return the words, lower case, unmodifiable
     */
    public static Set<String> defaultStopWords() {
        return StopWords.WORDS;
    }

    /**
     * Passes each term of {@code text} to {@code sink}, in the order they end in the text.
     *
     * @param text the text
     * @param sink receives the terms
     */
    public void terms(CharSequence text, Consumer<String> sink) {
        String lower = text.toString().toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        Clause clause = new Clause(sink);
        int length = lower.length();
        int i = 0;
        while (i < length) {
            while (i < length && Character.isWhitespace(lower.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < length && !Character.isWhitespace(lower.charAt(i))) {
                i++;
            }
            if (start < i) {
                piece(lower, start, i, clause);
            }
        }
        clause.end();
    }

    private void piece(String text, int from, int to, Clause clause) {
        String piece = text.substring(from, to);
        if (piece.indexOf('@') >= 0 || piece.contains("://") || piece.startsWith("www.")) {
            clause.drop();
            return;
        }
        int start = -1;
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '\'' || c == '-') {
                if (start < 0) {
                    start = i;
                }
            } else {
                if (start >= 0) {
                    word(piece.substring(start, i), clause);
                    start = -1;
                }
                if (!Character.isSurrogate(c) || Character.isHighSurrogate(c)) {
                    clause.end();
                }
            }
        }
        if (start >= 0) {
            word(piece.substring(start), clause);
        }
    }

    private void word(String raw, Clause clause) {
        int a = 0;
        int b = raw.length();
        while (a < b && (raw.charAt(a) == '\'' || raw.charAt(a) == '-')) {
            a++;
        }
        while (b > a && (raw.charAt(b - 1) == '\'' || raw.charAt(b - 1) == '-')) {
            b--;
        }
        if (b - a >= 2 && raw.startsWith("'s", b - 2)) {
            b -= 2;
        }
        if (a >= b) {
            return;
        }
        String word = raw.substring(a, b);
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                clause.drop();
                return;
            }
        }
        String negator = negator(word);
        if (negator != null) {
            clause.negate(negator);
        } else if (stopWords.contains(word) || excluded.contains(word)) {
            clause.skip();
        } else {
            clause.keep(word);
        }
    }

    /** Returns the negation {@code word} stands for, or null when it is none. */
    private static @Nullable String negator(String word) {
        switch (word) {
            case "not":
            case "no":
            case "never":
            case "without":
                return word;
            case "cannot":
                return "not";
            default:
                if (word.endsWith("n't") || word.endsWith("nt") && RuleWords.NEGATIONS.contains(word)) {
                    return "not";
                }
                return null;
        }
    }

    /** The state of the clause being read: the last kept word (for phrases) and a pending negation. */
    private final class Clause {
        private final Consumer<String> sink;
        private @Nullable String previous;
        private @Nullable String negator;
        private int negatorAge;

        Clause(Consumer<String> sink) {
            this.sink = sink;
        }

        void keep(String word) {
            if (negator != null) {
                sink.accept(negator + " " + word);
                negator = null;
                previous = null;
                return;
            }
            sink.accept(word);
            if (phrases && previous != null) {
                sink.accept(previous + " " + word);
            }
            previous = word;
        }

        void negate(String word) {
            negator = word;
            negatorAge = 0;
            previous = null;
        }

        /** A stop word or excluded term: no term, but it counts towards a negation's reach. */
        void skip() {
            if (negator != null && ++negatorAge >= NEGATION_REACH) {
                negator = null;
            }
        }

        /** A dropped word (a number, an address): it breaks a phrase and counts towards a negation's reach. */
        void drop() {
            previous = null;
            skip();
        }

        void end() {
            previous = null;
            negator = null;
        }
    }

    /** The default stop words, read on first use. */
    private static final class StopWords {
        static final Set<String> WORDS = read();

        private static Set<String> read() {
            Set<String> words = new LinkedHashSet<>();
            try (InputStream in = ThemeTokenizer.class.getResourceAsStream("stopwords-en.txt")) {
                if (in == null) {
                    throw new IllegalStateException("the resource stopwords-en.txt is missing from cxm-metrics");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        words.add(line.strip());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the resource stopwords-en.txt", e);
            }
            return Set.copyOf(words);
        }
    }
}
