package dev.cxm.metrics.text;

import dev.cxm.core.internal.Checks;

/**
 * A term that distinguishes two groups of texts: how often each group uses it, and the log-odds ratio of its
 * use in the focus group against the rest, with an informative Dirichlet prior (Monroe, Colaresi &amp; Quinn
 * 2008), its standard error and z-score. A positive z marks a term of the focus group, a negative one a term of
 * the rest; |z| above 1.96 is a difference unlikely by chance alone (per term, before any correction for the
 * many terms compared).
 *
 * @param term the word, phrase or negated word ({@code "not helpful"})
 * @param focusCount its occurrences in the focus group
 * @param restCount its occurrences in the rest
 * @param logOddsRatio the smoothed log-odds ratio, focus against rest
 * @param standardError its approximate standard error
 * @param z the log-odds ratio over its standard error
 */
public record Theme(String term, long focusCount, long restCount, double logOddsRatio, double standardError,
        double z) {

    /**
     * Validates the theme.
     *
     * @param term the word, phrase or negated word
     * @param focusCount its occurrences in the focus group
     * @param restCount its occurrences in the rest
     * @param logOddsRatio the smoothed log-odds ratio, focus against rest
     * @param standardError its approximate standard error
     * @param z the log-odds ratio over its standard error
     * @throws IllegalArgumentException naming the field when a value is invalid
     */
    public Theme {
        Checks.nonBlank("term", term);
        if (focusCount < 0 || restCount < 0) {
            throw new IllegalArgumentException("focusCount, restCount: " + focusCount + ", " + restCount
                    + "; counts are 0 or more");
        }
        Checks.finite("logOddsRatio", logOddsRatio);
        Checks.positive("standardError", standardError);
        Checks.finite("z", z);
    }
}
