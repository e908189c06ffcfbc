package dev.cxm.metrics.text.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The words of the sentiment rules, read once from the resources beside this class: the published VADER
 * lexicon ({@code vader_lexicon.txt}, MIT licence, Hutto &amp; Gilbert 2014), cxm's extra lexicon of
 * customer-experience words ({@code cx_lexicon.txt}) and the emoji descriptions
 * ({@code emoji_utf8_lexicon.txt}).
 *
 * <p>Lexicon words are looked up in lower case. The published file rates a few tokens twice ({@code lol}
 * and {@code ok}; the later line counts, as a plain reader of the file that overwrites keeps it) and a few
 * emoticons in two cases ({@code :D} and {@code :d}; the lower-case entry counts, since tokens are looked up
 * in lower case). Its few entries of two words ({@code can't stand}, {@code fed up}) never match one token
 * and are left out.
 */
public final class VaderLexicon {

    private static final String PUBLISHED = "vader_lexicon.txt";
    private static final String EXTRA = "cx_lexicon.txt";
    private static final String EMOJI = "emoji_utf8_lexicon.txt";

    /** Opens the shipped lexicon files: the resources beside this class. */
    static final Function<String, @Nullable InputStream> RESOURCES = VaderLexicon.class::getResourceAsStream;

    private final Vocabulary vocabulary;
    private final int[] emojiCodePoints;
    private final String[] emojiDescriptions;

    private VaderLexicon(Vocabulary vocabulary, int[] emojiCodePoints, String[] emojiDescriptions) {
        this.vocabulary = vocabulary;
        this.emojiCodePoints = emojiCodePoints;
        this.emojiDescriptions = emojiDescriptions;
    }

    /**
     * Returns the lexicon with or without cxm's extra customer-experience words.
     *
     * @param withCxTerms whether the extra words are rated
     * @return the lexicon, loaded on first use and shared
     */
    public static VaderLexicon of(boolean withCxTerms) {
        return withCxTerms ? WithCx.LEXICON : PublishedOnly.LEXICON;
    }

    /**
     * Returns the published lexicon's entries as read (lower-case token to mean valence), for tests and docs.
     *
     * @return the entries, in file order
     */
    public static Map<String, Double> publishedEntries() {
        return entries(PUBLISHED, RESOURCES);
    }

    /**
     * Returns cxm's extra entries (word to valence), for tests and docs.
     *
     * @return the entries, in file order
     */
    public static Map<String, Double> extraEntries() {
        return entries(EXTRA, RESOURCES);
    }

    /**
     * Returns the published lexicon word each extra word borrows its valence from.
     *
     * @return word to the published word, in file order
     */
    public static Map<String, String> extraSources() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String[] fields : lines(EXTRA, RESOURCES)) {
            sources.put(fields[0], fields[2]);
        }
        return sources;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Returns the description of the emoji {@code codePoint}, or null when it has none (hot path: no Optional). */
    @Nullable String emoji(int codePoint) {
        int at = Arrays.binarySearch(emojiCodePoints, codePoint);
        return at < 0 ? null : emojiDescriptions[at];
    }

    /**
     * Builds a lexicon from the files {@code files} opens by name (the holders pass {@link #RESOURCES}; tests pass
     * the shipped files or their own, since the holders load once per JVM).
     */
    static VaderLexicon load(boolean withCxTerms, Function<String, @Nullable InputStream> files) {
        Vocabulary.Builder words = Vocabulary.builder();
        entries(PUBLISHED, files).forEach(words::sentiment);
        if (withCxTerms) {
            entries(EXTRA, files).forEach((word, valence) -> {
                if (words.hasSentiment(word)) {
                    throw new IllegalStateException(EXTRA + ": " + word + " is in the published lexicon; the extra"
                            + " lexicon only adds words");
                }
                words.sentiment(word, valence);
            });
        }
        RuleWords.NEGATIONS.forEach(words::negation);
        RuleWords.BOOSTERS.forEach(word -> words.modifier(word, RuleWords.MODIFIER_SCALAR));
        RuleWords.DAMPENERS.forEach(word -> words.modifier(word, -RuleWords.MODIFIER_SCALAR));
        RuleWords.CODES.forEach(words::code);
        Map<Integer, String> descriptions = new TreeMap<>();
        for (String[] fields : lines(EMOJI, files)) {
            String emoji = fields[0];
            if (emoji.codePointCount(0, emoji.length()) == 1) {
                descriptions.put(emoji.codePointAt(0), fields[1]);
            }
        }
        int[] keys = descriptions.keySet().stream().mapToInt(Integer::intValue).toArray();
        String[] values = descriptions.values().toArray(String[]::new);
        return new VaderLexicon(words.build(), keys, values);
    }

    /** Reads {@code resource}'s entries: token (lower case) to the number in its second column. */
    private static Map<String, Double> entries(String resource, Function<String, @Nullable InputStream> files) {
        Map<String, Double> entries = new LinkedHashMap<>();
        Map<String, Boolean> lowerCaseKey = new LinkedHashMap<>();
        for (String[] fields : lines(resource, files)) {
            String token = fields[0];
            if (token.indexOf(' ') >= 0) {
                continue;
            }
            String key = token.toLowerCase(Locale.ROOT);
            boolean lower = key.equals(token);
            if (!lower && Boolean.TRUE.equals(lowerCaseKey.get(key))) {
                continue;
            }
            entries.put(key, Double.parseDouble(fields[1]));
            lowerCaseKey.merge(key, lower, Boolean::logicalOr);
        }
        return entries;
    }

    private static List<String[]> lines(String resource, Function<String, @Nullable InputStream> files) {
        List<String[]> lines = new ArrayList<>();
        try (InputStream in = files.apply(resource)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + resource + " is missing from cxm-metrics");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith("# ")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length < 2) {
                    throw new IllegalStateException(resource + ": a line without a tab-separated value");
                }
                lines.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + resource, e);
        }
        return lines;
    }

    /** The lexicon without the extra words, loaded on first use. */
    private static final class PublishedOnly {
        static final VaderLexicon LEXICON = load(false, RESOURCES);
    }

    /** The lexicon with the extra words, loaded on first use. */
    private static final class WithCx {
        static final VaderLexicon LEXICON = load(true, RESOURCES);
    }
}
