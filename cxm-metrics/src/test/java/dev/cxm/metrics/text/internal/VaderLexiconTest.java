package dev.cxm.metrics.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cxm.metrics.text.LexiconFiles;
import dev.cxm.metrics.text.SentimentScore;

/**
 * The lexicon's readers against the resource files read independently here (the rules of the class Javadoc: a
 * token rated twice keeps its later line, a lower-case entry wins over its upper-case twin, entries of two words
 * are left out), and the emoji table against the emoji file: every emoji of one code point scores exactly as the
 * words of its description.
 */
class VaderLexiconTest {

    @Test
    void publishedEntriesAreTheFileReadByItsRules() throws IOException {
        Map<String, Double> expected = new LinkedHashMap<>();
        Map<String, Boolean> fromLowerCase = new LinkedHashMap<>();
        int twoWords = 0;
        for (String[] fields : LexiconFiles.lines("vader_lexicon.txt")) {
            if (fields[0].contains(" ")) {
                twoWords++;
                continue;
            }
            String key = fields[0].toLowerCase(Locale.ROOT);
            boolean lower = key.equals(fields[0]);
            if (lower || !fromLowerCase.getOrDefault(key, false)) {
                expected.put(key, Double.parseDouble(fields[1]));
                fromLowerCase.put(key, lower || fromLowerCase.getOrDefault(key, false));
            }
        }
        Map<String, Double> entries = VaderLexicon.publishedEntries();
        assertThat(entries).containsExactlyEntriesOf(expected);
        assertThat(twoWords).isPositive();
        assertThat(entries).doesNotContainKey("can't stand").containsEntry("lol", 1.8).containsEntry("ok", 1.2)
                .containsEntry("good", 1.9);
        assertThat(entries.keySet().iterator().next()).isEqualTo("$:");
    }

    @Test
    void anUpperCaseTwinNeverReplacesTheLowerCaseEntry() throws IOException {
        // The file's ":D" and ":d" (and the like): wherever the lower-case line stands, its value counts.
        Map<String, String> lowerLines = new LinkedHashMap<>();
        for (String[] fields : LexiconFiles.lines("vader_lexicon.txt")) {
            if (!fields[0].contains(" ") && fields[0].equals(fields[0].toLowerCase(Locale.ROOT))) {
                lowerLines.put(fields[0], fields[1]);
            }
        }
        int twins = 0;
        Map<String, Double> entries = VaderLexicon.publishedEntries();
        for (String[] fields : LexiconFiles.lines("vader_lexicon.txt")) {
            String key = fields[0].toLowerCase(Locale.ROOT);
            if (!key.equals(fields[0]) && lowerLines.containsKey(key)) {
                twins++;
                assertThat(entries.get(key)).as(fields[0]).isEqualTo(Double.parseDouble(lowerLines.get(key)));
            }
        }
        assertThat(twins).isPositive();
    }

    @Test
    void extraEntriesAndTheirSourcesAreCxLexiconInFileOrder() throws IOException {
        Map<String, Double> valences = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String[] fields : LexiconFiles.lines("cx_lexicon.txt")) {
            valences.put(fields[0], Double.parseDouble(fields[1]));
            sources.put(fields[0], fields[2]);
        }
        assertThat(valences).hasSize(25);
        assertThat(VaderLexicon.extraEntries()).containsExactlyEntriesOf(valences).containsEntry("unhelpful", -1.8);
        assertThat(VaderLexicon.extraSources()).containsExactlyEntriesOf(sources).containsEntry("unhelpful", "useless");
    }

    @Test
    void everyEmojiOfOneCodePointScoresAsItsDescription() throws IOException {
        VaderScorer scorer = new VaderScorer(VaderLexicon.of(true));
        int checked = 0;
        for (String[] fields : LexiconFiles.lines("emoji_utf8_lexicon.txt")) {
            String emoji = fields[0];
            if (emoji.codePointCount(0, emoji.length()) != 1) {
                continue;
            }
            assertThat(VaderLexicon.of(true).emoji(emoji.codePointAt(0))).isEqualTo(fields[1]);
            SentimentScore alone = scorer.score(emoji, 10_000);
            SentimentScore described = scorer.score(fields[1], 10_000);
            assertThat(alone).as(emoji + " " + fields[1]).isEqualTo(described);
            checked++;
        }
        assertThat(checked).isEqualTo(1_212);
        // Around the table: no description below the first emoji or between code points.
        assertThat(VaderLexicon.of(true).emoji('a')).isNull();
        assertThat(VaderLexicon.of(false).emoji(0x10FFFF)).isNull();
    }
}
