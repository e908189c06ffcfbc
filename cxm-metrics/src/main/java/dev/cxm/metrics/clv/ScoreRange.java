package dev.cxm.metrics.clv;

/**
 * An inclusive range of RFM quintile scores, 1 (worst fifth) to 5 (best fifth).
 *
 * @param min the lowest score in the range, 1 to 5
 * @param max the highest, {@code min} to 5
 */
public record ScoreRange(int min, int max) {

    /** The range that every score falls in. */
    public static final ScoreRange ANY = new ScoreRange(1, 5);

    /** Validates the range. */
    public ScoreRange {
        if (min < 1 || max > 5 || min > max) {
            throw new IllegalArgumentException("scores: " + min + ".." + max + " is not a range within 1..5");
        }
    }

    /** Returns the range {@code min..max}. */
    public static ScoreRange of(int min, int max) {
        return new ScoreRange(min, max);
    }

    /** Returns the range holding the one score {@code score}. */
    public static ScoreRange only(int score) {
        return new ScoreRange(score, score);
    }

    /** Returns whether {@code score} lies in the range. */
    public boolean contains(int score) {
        return score >= min && score <= max;
    }

    /** Returns {@code min..max}. */
    @Override
    public String toString() {
        return min + ".." + max;
    }
}
