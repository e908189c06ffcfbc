package dev.cxm.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Themes: the tokenisation rules on hand-made comments, and the log-odds ratios and z-scores of Monroe, Colaresi
 * &amp; Quinn (2008) on a tiny corpus, against the formula worked by hand in the comments (the closed forms are
 * written out as the expected values).
 */
class ThemesTest {

    private static final Themes THEMES = Themes.ofDefaults();

    @Test
    void negationsJoinTheNextKeptWord() {
        assertThat(THEMES.terms("The agent wasn't very helpful.")).containsExactly("agent", "not helpful");
        assertThat(THEMES.terms("Not at all helpful")).containsExactly("not helpful");
        assertThat(THEMES.terms("No response, never again!")).containsExactly("no response");
        assertThat(THEMES.terms("I cannot log in")).containsExactly("not log");
        assertThat(THEMES.terms("didnt work")).containsExactly("not work");
        // Three stop words on, the negation has lapsed; a clause end drops it.
        assertThat(THEMES.terms("not at all the best")).containsExactly("best");
        assertThat(THEMES.terms("not. helpful")).containsExactly("helpful");
    }

    @Test
    void phrasesAreTwoKeptWordsInARowInAClause() {
        assertThat(THEMES.terms("Long wait times")).containsExactly("long", "wait", "long wait", "times", "wait times");
        assertThat(THEMES.terms("the agent's attitude")).containsExactly("agent", "attitude", "agent attitude");
        assertThat(Themes.custom().phrases(false).build().terms("Long wait times")).containsExactly("long", "wait",
                "times");
    }

    @Test
    void idsNumbersAddressesAndTheHostsTermsAreDropped() {
        assertThat(THEMES.terms("Order #12345 arrived late")).containsExactly("order", "arrived", "late",
                "arrived late");
        assertThat(THEMES.terms("email me at john@example.com or call")).containsExactly("email", "call");
        assertThat(THEMES.terms("see https://example.com/x and www.example.com")).containsExactly("see");
        assertThat(Themes.custom().excluding(List.of("Acme", "C-1001")).build().terms("ACME support was great"))
                .containsExactly("support", "great", "support great");
        assertThat(Themes.defaultStopWords()).contains("the", "very", "was").doesNotContain("not", "no", "never",
                "without");
    }

    @Test
    void logOddsAndZScoresFollowTheFormulaByHand() {
        // Focus: "slow delivery", "slow refund, not helpful" -> slow 2, delivery 1, slow delivery 1, refund 1,
        // slow refund 1, not helpful 1: n_f = 7. Rest: "fast delivery", "helpful staff" -> fast, delivery,
        // fast delivery, helpful, staff, helpful staff, each 1: n_r = 6. Pooled prior: alpha_0 = 13, a_w = y_f + y_r.
        // slow:       a = 2: delta = ln(4 / (7 + 13 - 2 - 2)) - ln(2 / (6 + 13 - 0 - 2)) = ln(17/8), var = 1/4 + 1/2
        // delivery:   a = 2: delta = ln(3/17) - ln(3/16) = ln(16/17), var = 1/3 + 1/3
        // not helpful a = 1: delta = ln(2/18) - ln(1/18) = ln 2, var = 1/2 + 1
        // helpful:    a = 1: delta = ln(1/19) - ln(2/17) = ln(17/38), var = 1 + 1/2
        ThemeComparison themes = Themes.custom().minCount(1).build().compare(
                List.of("slow delivery", "slow refund, not helpful"), List.of("fast delivery", "helpful staff"));

        assertThat(themes.focusTerms()).isEqualTo(7);
        assertThat(themes.restTerms()).isEqualTo(6);
        assertThat(themes.focusTexts()).isEqualTo(2);
        assertThat(themes.priorStrength()).isEqualTo(13);
        Theme slow = themes.focus().get(0);
        assertThat(slow.term()).isEqualTo("slow");
        assertThat(slow.focusCount()).isEqualTo(2);
        assertThat(slow.restCount()).isZero();
        assertThat(slow.logOddsRatio()).isCloseTo(Math.log(17.0 / 8), within(1e-12));
        assertThat(slow.standardError()).isCloseTo(Math.sqrt(0.75), within(1e-12));
        assertThat(slow.z()).isCloseTo(Math.log(17.0 / 8) / Math.sqrt(0.75), within(1e-12));
        // Ties (the same counts) are ordered by term.
        assertThat(themes.focus()).extracting(Theme::term).containsExactly("slow", "not helpful", "refund",
                "slow delivery", "slow refund");
        assertThat(themes.focus().get(1).z()).isCloseTo(Math.log(2) / Math.sqrt(1.5), within(1e-12));
        assertThat(themes.rest()).extracting(Theme::term).containsExactly("fast", "fast delivery", "helpful",
                "helpful staff", "staff", "delivery");
        Theme helpful = themes.rest().get(2);
        assertThat(helpful.z()).isCloseTo(Math.log(17.0 / 38) / Math.sqrt(1.5), within(1e-12));
        Theme delivery = themes.rest().get(5);
        assertThat(delivery.logOddsRatio()).isCloseTo(Math.log(16.0 / 17), within(1e-12));
        assertThat(delivery.z()).isCloseTo(Math.log(16.0 / 17) / Math.sqrt(2.0 / 3), within(1e-12));
    }

    @Test
    void aFixedPriorStrengthScalesThePooledShares() {
        // alpha_0 = 1.3: a_slow = 1.3 x 2 / 13 = 0.2; delta = ln(2.2 / 6.1) - ln(0.2 / 7.1) = ln(15.62 / 1.22),
        // var = 1/2.2 + 1/0.2.
        ThemeComparison themes = Themes.custom().minCount(1).priorStrength(1.3).build().compare(
                List.of("slow delivery", "slow refund, not helpful"), List.of("fast delivery", "helpful staff"));
        Theme slow = themes.focus().stream().filter(t -> t.term().equals("slow")).findFirst().orElseThrow();
        assertThat(slow.logOddsRatio()).isCloseTo(Math.log(15.62 / 1.22), within(1e-12));
        assertThat(slow.z()).isCloseTo(Math.log(15.62 / 1.22) / Math.sqrt(1 / 2.2 + 5), within(1e-12));
        assertThat(themes.priorStrength()).isEqualTo(1.3);
    }

    @Test
    void termsBelowTheMinimumCountAndBeyondTheTopAreNotListed() {
        ThemeComparison themes = Themes.custom().top(1).build().compare(
                List.of("slow delivery", "slow refund, not helpful", "slow app"), List.of("fast delivery"));
        // Pooled counts: slow 3 (listed), delivery 2 and the rest 1 (not).
        assertThat(themes.focus()).extracting(Theme::term).containsExactly("slow");
        assertThat(themes.rest()).isEmpty();
    }

    @Test
    void withNothingToCompareBothListsAreEmpty() {
        assertThat(THEMES.compare(List.of("great"), List.of()).focus()).isEmpty();
        assertThat(THEMES.compare(List.of("the"), List.of("a")).focusTerms()).isZero();
        ThemeComparison one = Themes.custom().minCount(1).build().compare(List.of("slow"), List.of("slow"));
        assertThat(one.focus()).isEmpty();
        assertThat(one.rest()).isEmpty();
    }

    @Test
    void countsAddUp() {
        TermCounts first = THEMES.count(List.of("slow delivery"));
        TermCounts both = first.plus(THEMES.count(List.of("slow refund")));
        assertThat(both).isEqualTo(THEMES.count(List.of("slow delivery", "slow refund")));
        assertThat(both.count("slow")).isEqualTo(2);
        assertThat(both.texts()).isEqualTo(2);
        assertThat(both.total()).isEqualTo(6);
    }
}
