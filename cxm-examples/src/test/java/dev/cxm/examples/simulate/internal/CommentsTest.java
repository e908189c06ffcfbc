package dev.cxm.examples.simulate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.examples.simulate.internal.Comments.Theme;
import dev.cxm.metrics.text.ThemeComparison;
import dev.cxm.metrics.text.Themes;
import dev.cxm.metrics.text.VaderSentiment;

/**
 * The comment templates read as their themes mean: VADER (the library's, on its published lexicon) scores every
 * complaint negative (-0.05 or less) and every praise positive (0.05 or more), and the terms that tell
 * complaints from praise (log-odds with a Dirichlet prior) are the complaints' words.
 */
class CommentsTest {

    private static final List<Theme> COMPLAINTS = List.of(Theme.LONG_WAIT, Theme.SLOW_REPLY, Theme.UNRESOLVED,
            Theme.PRICE, Theme.PRODUCT, Theme.DELIVERY);

    private static List<String> texts(Theme theme) {
        return theme.templates().stream().map(template -> template.replace("%d", "35")).toList();
    }

    @Test
    void complaintsScoreNegativeAndPraisePositive() {
        VaderSentiment vader = VaderSentiment.ofDefaults();
        for (Theme theme : COMPLAINTS) {
            for (String text : texts(theme)) {
                assertThat(vader.score(text).compound()).as(text).isLessThanOrEqualTo(-0.05);
            }
        }
        for (String text : texts(Theme.PRAISE)) {
            assertThat(vader.score(text).compound()).as(text).isGreaterThanOrEqualTo(0.05);
        }
    }

    @Test
    void theTermsThatSetComplaintsApartAreTheirOwnWords() {
        List<String> complaints = new ArrayList<>();
        COMPLAINTS.forEach(theme -> complaints.addAll(texts(theme)));
        ThemeComparison themes = Themes.ofDefaults().compare(complaints, texts(Theme.PRAISE));
        assertThat(themes.focus()).isNotEmpty();
        String joined = String.join(" ", complaints).toLowerCase(java.util.Locale.ROOT);
        themes.focus().stream().limit(5).forEach(term -> assertThat(joined).contains(term.term()));
    }
}
