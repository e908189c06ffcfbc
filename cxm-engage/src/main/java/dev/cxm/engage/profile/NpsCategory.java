package dev.cxm.engage.profile;

import java.util.Locale;

import dev.cxm.metrics.feedback.NetPromoterScore;

/** Where an NPS answer places a customer: the three groups of the Net Promoter Score. */
public enum NpsCategory {
    /** Scores 9 and 10. */
    PROMOTER,
    /** Scores 7 and 8. */
    PASSIVE,
    /** Scores 0 to 6. */
    DETRACTOR;

    private final String label = name().toLowerCase(Locale.ROOT);

    /**
     * Returns the category of an NPS score, by the thresholds of {@link NetPromoterScore}.
     *
     * @param score the score, 0 to 10
     * @return the category
     * @throws IllegalArgumentException when the score is off the NPS scale
     */
    public static NpsCategory of(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("score: " + score + " is outside the NPS scale 0..10");
        }
        if (score >= NetPromoterScore.PROMOTER_MIN) {
            return PROMOTER;
        }
        return score <= NetPromoterScore.DETRACTOR_MAX ? DETRACTOR : PASSIVE;
    }

    /**
     * Returns the lower-case name, as JSON and the command line write it: {@code promoter}, {@code passive} or
     * {@code detractor}.
     *
     * @return the name
     */
    public String label() {
        return label;
    }
}
