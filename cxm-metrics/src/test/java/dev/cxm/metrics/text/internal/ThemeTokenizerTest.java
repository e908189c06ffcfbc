package dev.cxm.metrics.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The tokenizer's rules (its class Javadoc) at their edges, on hand-made comments; each expected list is the
 * rules applied by hand, in the order the terms end in the text.
 */
class ThemeTokenizerTest {

    private static final ThemeTokenizer TOKENIZER = new ThemeTokenizer(ThemeTokenizer.defaultStopWords(),
            Set.of("acme"), true);

    private static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        TOKENIZER.terms(text, terms::add);
        return terms;
    }

    @Test
    void whitespaceAtTheEndsChangesNothing() {
        assertThat(terms("  slow delivery \t\n")).containsExactly("slow", "delivery", "slow delivery");
        assertThat(terms(" ")).isEmpty();
    }

    @Test
    void aPieceStartingWithAnAtSignIsAHandleAndBreaksThePhrase() {
        // "@acmehelp" is dropped; the words around it make no phrase.
        assertThat(terms("slow @acmehelp delivery")).containsExactly("slow", "delivery");
    }

    @Test
    void hyphensAndApostrophesAloneAreNoWordAndBreakNothing() {
        // "-" and "'" give no word and, unlike punctuation, do not end the clause: "great service" is a phrase.
        assertThat(terms("great - service")).containsExactly("great", "service", "great service");
        assertThat(terms("great ' service")).containsExactly("great", "service", "great service");
    }

    @Test
    void leadingAndTrailingHyphensAndThePossessiveAreStripped() {
        assertThat(terms("fast- -service")).containsExactly("fast", "service", "fast service");
        assertThat(terms("the agent's")).containsExactly("agent");
        assertThat(terms("agents'")).containsExactly("agents");
        // A lone 's has nothing to be the possessive of: its leading apostrophe stripped, it is the word s.
        assertThat(terms("'s")).containsExactly("s");
    }

    @Test
    void aWordWithADigitBreaksThePhraseAndCountsTowardsTheNegationsReach() {
        assertThat(terms("order 12345 late")).containsExactly("order", "late");
        // Three words on from "not" (two numbers and a stop word or three numbers) the negation has lapsed.
        assertThat(terms("not 12 34 helpful")).containsExactly("not helpful");
        assertThat(terms("not 12 34 56 helpful")).containsExactly("helpful");
    }

    @Test
    void anEmojiEndsTheClause() {
        // One end per emoji (a surrogate pair): the words around it make no phrase.
        assertThat(terms("slow\uD83D\uDE00delivery")).containsExactly("slow", "delivery");
        assertThat(terms("not \uD83D\uDE00 helpful")).containsExactly("helpful");
    }
}
