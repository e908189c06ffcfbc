package dev.cxm.metrics.clv.rfm;

/**
 * An inclusive range of RFM quintile scores, 1 (worst fifth) to 5 (best fifth), as the rules of an
 * {@link RfmSegmentation} use them.
 *
 * @param min the lowest score in the range, 1 to 5
 * @param max the highest, {@code min} to 5
 */
public record RfmScoreRange(int min, int max) {

    /** The range that every score falls in. */
    public static final RfmScoreRange ANY = new RfmScoreRange(1, 5);

    /**
     * Validates the range.
     *
     * @param min the lowest score in the range, 1 to 5
     * @param max the highest, {@code min} to 5
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public RfmScoreRange {
        if (min < 1 || max > 5 || min > max) {
            throw new IllegalArgumentException("scores: " + min + ".." + max + " is not a range within 1..5");
        }
    }

    /**
     * Returns the range {@code min..max}.
     *
     * @param min the lowest score, 1 to 5
     * @param max the highest, {@code min} to 5
     * @return the range
     */
    public static RfmScoreRange of(int min, int max) {
        return new RfmScoreRange(min, max);
    }

    /**
     * Returns the range holding the one score {@code score}.
     *
     * @param score 1 to 5
     * @return the range
     */
    public static RfmScoreRange only(int score) {
        return new RfmScoreRange(score, score);
    }

    /**
     * Returns whether {@code score} lies in the range.
     *
     * @param score the score
     * @return whether {@code min <= score <= max}
     */
    public boolean contains(int score) {
        return score >= min && score <= max;
    }

    /** Returns {@code min..max}. */
    @Override
    public String toString() {
        return min + ".." + max;
    }
}
