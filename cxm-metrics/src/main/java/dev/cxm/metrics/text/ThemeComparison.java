package dev.cxm.metrics.text;

import java.util.List;

import dev.cxm.core.internal.Checks;

/**
 * The terms that distinguish a focus group of texts (detractors, this month) from the rest (promoters, last
 * month), as {@link Themes#compare} ranks them.
 *
 * @param focusTexts the number of texts in the focus group
 * @param restTexts the number of texts in the rest
 * @param focusTerms the term occurrences in the focus group
 * @param restTerms the term occurrences in the rest
 * @param priorStrength the prior's total pseudo-count {@code alpha_0} used
 * @param focus the terms of the focus group, most distinctive first (z descending)
 * @param rest the terms of the rest, most distinctive first (z ascending)
 */
public record ThemeComparison(long focusTexts, long restTexts, long focusTerms, long restTerms, double priorStrength,
        List<Theme> focus, List<Theme> rest) {

    /**
     * Validates the comparison and copies the lists.
     *
     * @param focusTexts the number of texts in the focus group
     * @param restTexts the number of texts in the rest
     * @param focusTerms the term occurrences in the focus group
     * @param restTerms the term occurrences in the rest
     * @param priorStrength the prior's total pseudo-count used
     * @param focus the terms of the focus group, most distinctive first
     * @param rest the terms of the rest, most distinctive first
     * @throws IllegalArgumentException naming the field when a value is invalid
     */
    public ThemeComparison {
        if (focusTexts < 0 || restTexts < 0 || focusTerms < 0 || restTerms < 0) {
            throw new IllegalArgumentException("focusTexts, restTexts, focusTerms, restTerms: counts are 0 or more");
        }
        Checks.nonNegative("priorStrength", priorStrength);
        focus = List.copyOf(Checks.present("focus", focus));
        rest = List.copyOf(Checks.present("rest", rest));
    }
}
