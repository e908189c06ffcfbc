package dev.cxm.metrics.text.internal;

import java.util.Arrays;

import dev.cxm.metrics.text.SentimentScore;

/**
 * Scores a text by the rules of VADER (Hutto &amp; Gilbert 2014, "VADER: A Parsimonious Rule-based Model for
 * Sentiment Analysis of Social Media Text", ICWSM-14), written from the paper's description:
 *
 * <ol>
 *   <li>Tokens are the text's whitespace-separated pieces. A piece that is itself in the lexicon (an emoticon
 *       such as {@code :)} or {@code <3}) is kept whole; otherwise its leading and trailing ASCII punctuation
 *       is stripped ({@code "good!!"} is {@code good}), and an emoticon followed by sentence punctuation
 *       ({@code ":)!"}) is the emoticon. Each emoji with a description in the emoji lexicon
 *       becomes the words of its description. Words are looked up in lower case, with a typographic
 *       apostrophe read as {@code '}.</li>
 *   <li>Each lexicon word has its mean human-rated valence (-4 to +4). Degree modifiers (boosters such as
 *       {@code very}, dampeners such as {@code slightly}) and negations carry none of their own.</li>
 *   <li>A word written in capitals while the text has other words that are not raises the size of its
 *       valence by {@value #CAPS}.</li>
 *   <li>Looking back up to three words that carry no valence themselves: a booster adds {@value
 *       RuleWords#MODIFIER_SCALAR} to the size of the valence (a dampener takes it away; {@value #CAPS} more
 *       when the modifier is in capitals), times 0.95 two words back and 0.9 three words back; a negation
 *       (a word of {@link RuleWords#NEGATIONS} or any word with {@code n't}) multiplies the valence by
 *       {@value #NEGATION}, except {@code never so} and {@code never this} in front of the word, which
 *       intensify it by {@value #NEVER_SO}, and {@code without doubt}, which does not negate. {@code no}
 *       before a lexicon word negates it (up to two words back, or three through {@code or}/{@code nor})
 *       and has no valence itself then; {@code least} negates the next word unless after {@code at} or
 *       {@code very}; {@code kind of} and {@code sort of} dampen it, and {@code kind} then carries no
 *       valence.</li>
 *   <li>With {@code but} (the first one) in the text, the valences before it count half and those after it
 *       one and a half times.</li>
 *   <li>The valences sum; exclamation marks (up to four) add {@value #EXCLAMATION} each and question marks
 *       (two or three) {@value #QUESTION} each, {@value #MANY_QUESTIONS} for four or more, to the size of a
 *       non-zero sum. The compound score is {@code sum / sqrt(sum² + 15)}, clipped to [-1, 1].</li>
 *   <li>The proportions: each positive valence counts {@code valence + 1}, each negative one
 *       {@code |valence| + 1}, each word without valence 1; the punctuation emphasis goes to the larger of
 *       the positive and negative sides; each side over the total is its proportion.</li>
 * </ol>
 *
 * <p>The constants are those VADER publishes with the lexicon; they are not re-estimated here. Thread-safe:
 * every call works on its own scratch arrays.
 */
public final class VaderScorer {

    /** Multiplies the valence of a negated word. */
    static final double NEGATION = -0.74;
    /** Added to the size of a valence (or a modifier's scalar) written in capitals. */
    static final double CAPS = 0.733;
    /** Added per exclamation mark, up to {@link #MAX_EXCLAMATIONS}. */
    static final double EXCLAMATION = 0.292;
    static final int MAX_EXCLAMATIONS = 4;
    /** Added per question mark when there are two or three. */
    static final double QUESTION = 0.18;
    /** Added for four question marks or more. */
    static final double MANY_QUESTIONS = 0.96;
    /** Multiplies the valence after {@code never so} / {@code never this}. */
    static final double NEVER_SO = 1.25;
    /** The normalisation constant of the compound score. */
    static final double ALPHA = 15;
    /** The weights of valences before and after {@code but}. */
    static final double BEFORE_BUT = 0.5;
    static final double AFTER_BUT = 1.5;
    /** The weight of a modifier by its distance (index) from the word: 1, 0.95, 0.9. */
    private static final double[] DISTANCE = {0, 1, 0.95, 0.9};

    private static final byte UPPER = 1;
    private static final byte NT = 2;

    private final VaderLexicon lexicon;
    private final Vocabulary words;

    /**
     * Creates a scorer on {@code lexicon}.
     *
     * @param lexicon the words
     */
    public VaderScorer(VaderLexicon lexicon) {
        this.lexicon = lexicon;
        this.words = lexicon.vocabulary();
    }

    /**
     * Scores {@code text}, or its first {@code maxLength} characters (cut back to the last whitespace, so that
     * no word is cut) when it is longer.
     *
     * @param text the text
     * @param maxLength the most characters scored, positive
     * @return the score; neutral and blank when the text has no words
     */
    public SentimentScore score(CharSequence text, int maxLength) {
        int length = text.length();
        boolean truncated = length > maxLength;
        int end = truncated ? cut(text, maxLength) : length;
        Tokens tokens = new Tokens(end);
        char[] chars = new char[end];
        text.toString().getChars(0, end, chars, 0);
        tokenise(chars, end, tokens);
        if (tokens.count == 0) {
            return truncated ? new SentimentScore(0, 0, 1, 0, text.toString().isBlank(), true)
                    : SentimentScore.ofBlankText();
        }
        double[] valences = valences(tokens);
        return summarise(valences, tokens, truncated);
    }

    /** Returns where to cut a text longer than {@code maxLength}: before the word the limit falls in. */
    static int cut(CharSequence text, int maxLength) {
        int cut = maxLength;
        if (Character.isLowSurrogate(text.charAt(cut)) && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        if (isSpace(text.charAt(cut))) {
            return cut;
        }
        for (int i = cut - 1; i > 0; i--) {
            if (isSpace(text.charAt(i))) {
                return i;
            }
        }
        return cut;
    }

    private static boolean isSpace(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private void tokenise(char[] text, int end, Tokens tokens) {
        int start = -1;
        int i = 0;
        while (i < end) {
            char c = text[i];
            if (c < 0x80) {
                if (c <= ' ') {
                    if (start >= 0) {
                        addToken(text, start, i, tokens);
                        start = -1;
                    }
                } else {
                    if (c == '!') {
                        tokens.exclamations++;
                    } else if (c == '?') {
                        tokens.questions++;
                    }
                    if (start < 0) {
                        start = i;
                    }
                }
                i++;
                continue;
            }
            int codePoint = Character.codePointAt(text, i, end);
            int width = Character.charCount(codePoint);
            String emoji;
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                if (start >= 0) {
                    addToken(text, start, i, tokens);
                    start = -1;
                }
            } else if ((emoji = lexicon.emoji(codePoint)) != null) {
                if (start >= 0) {
                    addToken(text, start, i, tokens);
                    start = -1;
                }
                addDescription(emoji, tokens);
            } else if (start < 0) {
                start = i;
            }
            i += width;
        }
        if (start >= 0) {
            addToken(text, start, end, tokens);
        }
    }

    private void addDescription(String text, Tokens tokens) {
        char[] description = text.toCharArray();
        int start = -1;
        for (int i = 0; i < description.length; i++) {
            if (description[i] == ' ') {
                if (start >= 0) {
                    addToken(description, start, i, tokens);
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            addToken(description, start, description.length, tokens);
        }
    }

    /** Looks up the token {@code text[from, to)} and records its id and marks. */
    private void addToken(char[] text, int from, int to, Tokens tokens) {
        int n = to - from;
        char[] buffer = tokens.buffer(n);
        boolean upper = false;
        boolean lower = false;
        boolean apostrophe = false;
        for (int k = 0; k < n; k++) {
            char c = text[from + k];
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    upper = true;
                    c += 'a' - 'A';
                } else if (c >= 'a' && c <= 'z') {
                    lower = true;
                } else if (c == '\'') {
                    apostrophe = true;
                }
            } else if (c == '\u2019' || c == '\u2018') {
                c = '\'';
                apostrophe = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
                c = Character.toLowerCase(c);
            } else if (Character.isLowerCase(c)) {
                lower = true;
            }
            buffer[k] = c;
        }
        int id = words.find(buffer, 0, n);
        int a = 0;
        int b = n;
        if (id < 0) {
            while (a < b && isPunctuation(buffer[a])) {
                a++;
            }
            while (b > a && isPunctuation(buffer[b - 1])) {
                b--;
            }
            if (a < b && (a > 0 || b < n)) {
                id = words.find(buffer, a, b);
            }
            if (id < 0) {
                // An emoticon followed by sentence punctuation (":)!", ":(.") is still the emoticon.
                int c = n;
                while (c > 0 && isSentencePunctuation(buffer[c - 1])) {
                    c--;
                }
                if (c > 0 && c < n) {
                    id = words.find(buffer, 0, c);
                }
            }
        }
        byte marks = 0;
        if (upper && !lower) {
            marks |= UPPER;
            tokens.upper++;
        }
        if (apostrophe && containsNt(buffer, a, b)) {
            marks |= NT;
        }
        tokens.add(id, marks);
    }

    /** Returns whether {@code c} is ASCII punctuation (Python's {@code string.punctuation}). */
    private static boolean isPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }

    private static boolean isSentencePunctuation(char c) {
        return c == '.' || c == ',' || c == '!' || c == '?' || c == ';';
    }

    private static boolean containsNt(char[] chars, int from, int to) {
        for (int i = from + 1; i + 1 < to; i++) {
            if (chars[i] == '\'' && chars[i - 1] == 'n' && chars[i + 1] == 't') {
                return true;
            }
        }
        return false;
    }

    /** Returns each token's valence after every rule but the punctuation emphasis. */
    private double[] valences(Tokens tokens) {
        int count = tokens.count;
        int[] ids = tokens.ids;
        boolean capsDiffer = tokens.upper > 0 && tokens.upper < count;
        double[] valences = new double[count];
        int but = -1;
        for (int t = 0; t < count; t++) {
            int id = ids[t];
            int code = words.code(id);
            if (code == RuleWords.BUT && but < 0) {
                but = t;
            }
            if (!words.has(id, Vocabulary.SENTIMENT) || words.has(id, Vocabulary.MODIFIER)
                    || code == RuleWords.KIND_OR_SORT && t + 1 < count && words.code(ids[t + 1]) == RuleWords.OF) {
                continue;
            }
            valences[t] = valence(tokens, t, capsDiffer);
        }
        if (but >= 0) {
            for (int t = 0; t < count; t++) {
                valences[t] *= t < but ? BEFORE_BUT : t > but ? AFTER_BUT : 1;
            }
        }
        return valences;
    }

    /** Returns the valence of the lexicon word at {@code t} in its context. */
    private double valence(Tokens tokens, int t, boolean capsDiffer) {
        int[] ids = tokens.ids;
        int count = tokens.count;
        double base = words.valence(ids[t]);
        double v = base;
        if (words.code(ids[t]) == RuleWords.NO && t + 1 < count && words.has(ids[t + 1], Vocabulary.SENTIMENT)) {
            v = 0;
        }
        if (t > 0 && words.code(ids[t - 1]) == RuleWords.NO || t > 1 && words.code(ids[t - 2]) == RuleWords.NO
                || t > 2 && words.code(ids[t - 3]) == RuleWords.NO && words.code(ids[t - 1]) == RuleWords.OR_NOR) {
            v = base * NEGATION;
        }
        if (capsDiffer && (tokens.marks[t] & UPPER) != 0) {
            v += Math.signum(v) * CAPS;
        }
        if (t > 1 && words.code(ids[t - 2]) == RuleWords.KIND_OR_SORT && words.code(ids[t - 1]) == RuleWords.OF) {
            v -= Math.signum(v) * RuleWords.MODIFIER_SCALAR;
        }
        for (int d = 1; d <= 3 && d <= t; d++) {
            int before = ids[t - d];
            if (words.has(before, Vocabulary.SENTIMENT)) {
                continue;
            }
            if (v != 0 && words.has(before, Vocabulary.MODIFIER)) {
                double scalar = words.scalar(before) * Math.signum(v);
                if (capsDiffer && (tokens.marks[t - d] & UPPER) != 0) {
                    scalar += Math.signum(v) * CAPS;
                }
                v += scalar * DISTANCE[d];
            }
            v = negation(tokens, t, d, v);
        }
        if (t > 0 && words.code(ids[t - 1]) == RuleWords.LEAST
                && (t == 1 || words.code(ids[t - 2]) != RuleWords.AT_OR_VERY)) {
            v *= NEGATION;
        }
        return v;
    }

    /** Applies the negation rule for the word {@code d} places before {@code t}. */
    private double negation(Tokens tokens, int t, int d, double v) {
        int[] ids = tokens.ids;
        if (d == 2) {
            int first = words.code(ids[t - 2]);
            int second = words.code(ids[t - 1]);
            if (first == RuleWords.NEVER && second == RuleWords.SO_OR_THIS) {
                return v * NEVER_SO;
            }
            if (first == RuleWords.WITHOUT && second == RuleWords.DOUBT) {
                return v;
            }
        } else if (d == 3) {
            int first = words.code(ids[t - 3]);
            int second = words.code(ids[t - 2]);
            int third = words.code(ids[t - 1]);
            if (first == RuleWords.NEVER && (second == RuleWords.SO_OR_THIS || third == RuleWords.SO_OR_THIS)) {
                return v * NEVER_SO;
            }
            if (first == RuleWords.WITHOUT && (second == RuleWords.DOUBT || third == RuleWords.DOUBT)) {
                return v;
            }
        }
        return negates(tokens, t - d) ? v * NEGATION : v;
    }

    private boolean negates(Tokens tokens, int t) {
        return words.has(tokens.ids[t], Vocabulary.NEGATION) || (tokens.marks[t] & NT) != 0;
    }

    private static SentimentScore summarise(double[] valences, Tokens tokens, boolean truncated) {
        double sum = 0;
        double positive = 0;
        double negative = 0;
        int neutral = 0;
        for (double v : valences) {
            sum += v;
            if (v > 0) {
                positive += v + 1;
            } else if (v < 0) {
                negative += 1 - v;
            } else {
                neutral++;
            }
        }
        double emphasis = Math.min(tokens.exclamations, MAX_EXCLAMATIONS) * EXCLAMATION
                + (tokens.questions < 2 ? 0 : tokens.questions <= 3 ? tokens.questions * QUESTION : MANY_QUESTIONS);
        sum += Math.signum(sum) * emphasis;
        double compound = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + ALPHA)));
        if (positive > negative) {
            positive += emphasis;
        } else if (negative > positive) {
            negative += emphasis;
        }
        double total = positive + negative + neutral;
        return new SentimentScore(compound, positive / total, neutral / total, negative / total, false, truncated);
    }

    /** The tokens of one text, in growable scratch arrays. */
    private static final class Tokens {
        int count;
        int[] ids;
        byte[] marks;
        int upper;
        int exclamations;
        int questions;
        private char[] buffer = new char[32];

        Tokens(int length) {
            int capacity = Math.max(8, Math.min(length / 2 + 2, 4096));
            ids = new int[capacity];
            marks = new byte[capacity];
        }

        char[] buffer(int length) {
            if (buffer.length < length) {
                buffer = new char[Math.max(length, buffer.length * 2)];
            }
            return buffer;
        }

        void add(int id, byte mark) {
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
                marks = Arrays.copyOf(marks, count * 2);
            }
            ids[count] = id;
            marks[count] = mark;
            count++;
        }
    }
}
