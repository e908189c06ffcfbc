package dev.cxm.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The lexicon as the analyzer uses it, against the published file read independently here: every single-token
 * entry, alone, scores its own mean valence (compound {@code v / sqrt(v² + 15)}); the two tokens the file rates
 * twice ({@code lol}, {@code ok}) score their later line; the extra lexicon adds only words the published one
 * does not rate, and each borrows the valence of the published word it names.
 */
class LexiconTest {

    @Test
    void everyPublishedEntryScoresItsMeanValenceAlone() throws IOException {
        Map<String, Double> published = read("vader_lexicon.txt", 1);
        // 7,520 lines; the file's own lower-case entries win over an upper-case twin (":D" and ":d").
        assertThat(published).hasSizeGreaterThan(7_400);
        VaderSentiment analyzer = VaderSentiment.custom().cxLexicon(false).build();
        int checked = 0;
        for (Map.Entry<String, Double> entry : published.entrySet()) {
            String token = entry.getKey();
            double v = entry.getValue();
            assertThat(analyzer.score(token).compound()).as(token).isCloseTo(v / Math.sqrt(v * v + 15), within(1e-12));
            checked++;
        }
        assertThat(checked).isEqualTo(published.size());
        assertThat(published.get("lol")).isEqualTo(1.8);
        assertThat(published.get("ok")).isEqualTo(1.2);
    }

    @Test
    void theExtraLexiconOnlyAddsWordsAndBorrowsPublishedValences() throws IOException {
        Map<String, Double> published = read("vader_lexicon.txt", 1);
        Map<String, String[]> extra = new LinkedHashMap<>();
        for (String[] fields : LexiconFiles.lines("cx_lexicon.txt")) {
            extra.put(fields[0], fields);
        }
        assertThat(extra).hasSize(25);
        for (String[] fields : extra.values()) {
            assertThat(published).as("the published lexicon rates " + fields[0]).doesNotContainKey(fields[0]);
            assertThat(Double.parseDouble(fields[1])).as(fields[0] + " borrows from " + fields[2])
                    .isEqualTo(published.get(fields[2]));
            double v = Double.parseDouble(fields[1]);
            assertThat(VaderSentiment.ofDefaults().score(fields[0]).compound()).isCloseTo(v / Math.sqrt(v * v + 15),
                    within(1e-12));
        }
    }

    /** Reads a lexicon: lower-case token to the number in {@code column}; a later line replaces an earlier one. */
    private static Map<String, Double> read(String file, int column) throws IOException {
        Map<String, Double> entries = new LinkedHashMap<>();
        Map<String, Boolean> fromLowerCase = new LinkedHashMap<>();
        for (String[] fields : LexiconFiles.lines(file)) {
            if (fields[0].contains(" ")) {
                continue;
            }
            String key = fields[0].toLowerCase(Locale.ROOT);
            boolean lower = key.equals(fields[0]);
            if (lower || !fromLowerCase.getOrDefault(key, false)) {
                entries.put(key, Double.parseDouble(fields[column]));
                fromLowerCase.put(key, lower || fromLowerCase.getOrDefault(key, false));
            }
        }
        return entries;
    }
}
