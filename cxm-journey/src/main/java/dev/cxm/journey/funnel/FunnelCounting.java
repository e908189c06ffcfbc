package dev.cxm.journey.funnel;

import java.util.Locale;

/**
 * What a funnel counts per customer: the customer once, by their first completion, or each of their attempts.
 * See {@code docs/journeys.md} for both with a worked example.
 */
public enum FunnelCounting {
    /**
     * Each customer once, at the furthest step they reached; times and attribution come from the path that
     * reached it first. Step counts are customers. The default, as in PostHog's funnels.
     */
    FIRST_COMPLETION,
    /**
     * Each attempt: a customer's events are cut into attempts from the first event on, each starting at the
     * first event that takes step 1 (unordered: any step) after the previous attempt's last step and taking the
     * path that counts among the paths that start there. Step counts are attempts, so one customer may count
     * several times (Amplitude's and Mixpanel's "totals").
     */
    EVERY_ATTEMPT;

    /**
     * Returns the lower-case name a command line takes, such as {@code first-completion}.
     *
     * @return the name
     */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a name, ignoring case.
     *
     * @param text {@code first-completion} or {@code every-attempt}
     * @return the counting
     * @throws IllegalArgumentException when the text names no counting
     */
    public static FunnelCounting parse(String text) {
        String normalised = text.strip().toLowerCase(Locale.ROOT);
        for (FunnelCounting counting : values()) {
            if (counting.cliName().equals(normalised)) {
                return counting;
            }
        }
        throw new IllegalArgumentException("counting: is not a funnel counting; expected first-completion or"
                + " every-attempt");
    }
}
