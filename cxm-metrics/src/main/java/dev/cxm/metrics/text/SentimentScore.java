package dev.cxm.metrics.text;

/**
 * The sentiment of one text: its valence as a compound score, and the proportions of the text that read
 * positive, neutral and negative.
 *
 * <p>The compound score runs from -1 (most negative) to +1 (most positive); VADER's convention reads a
 * text at 0.05 or more as positive, at -0.05 or less as negative, and neutral in between. The three
 * proportions sum to 1. This is valence and its strength, not a discrete emotion: a score of -0.9 says the
 * text is strongly negative, not whether the customer is angry, sad or afraid.
 *
 * @param compound the normalised sum of the text's valences, in [-1, 1]
 * @param positive the proportion of the text that reads positive, in [0, 1]
 * @param neutral the proportion that reads neutral, in [0, 1]
 * @param negative the proportion that reads negative, in [0, 1]
 * @param blank whether the text was empty or whitespace only (scored neutral: compound 0, neutral 1)
 * @param truncated whether the text was longer than the analyzer's limit and only its first part was scored
 */
public record SentimentScore(double compound, double positive, double neutral, double negative, boolean blank,
        boolean truncated) {

    /** How far the proportions may miss a sum of 1, for analyzers that round them. */
    public static final double PROPORTION_TOLERANCE = 1e-6;

    private static final SentimentScore BLANK = new SentimentScore(0, 0, 1, 0, true, false);

    /**
     * Validates the score.
     *
     * @param compound the normalised sum of the text's valences, in [-1, 1]
     * @param positive the proportion of the text that reads positive, in [0, 1]
     * @param neutral the proportion that reads neutral, in [0, 1]
     * @param negative the proportion that reads negative, in [0, 1]
     * @param blank whether the text was empty or whitespace only
     * @param truncated whether only the first part of the text was scored
     * @throws IllegalArgumentException naming the field when a value is outside its range, or when the
     *     proportions do not sum to 1 (within {@value #PROPORTION_TOLERANCE})
     */
    public SentimentScore {
        if (!(compound >= -1 && compound <= 1)) {
            throw new IllegalArgumentException("compound: " + compound + " is outside [-1, 1]");
        }
        requireProportion("positive", positive);
        requireProportion("neutral", neutral);
        requireProportion("negative", negative);
        double sum = positive + neutral + negative;
        if (Math.abs(sum - 1) > PROPORTION_TOLERANCE) {
            throw new IllegalArgumentException("positive + neutral + negative: " + sum + " is not 1; the proportions"
                    + " of a text sum to 1");
        }
        if (blank && compound != 0) {
            throw new IllegalArgumentException("compound: " + compound + " for a blank text; a blank text scores 0");
        }
    }

    /**
     * Returns the score of an empty or whitespace-only text: neutral (compound 0, neutral proportion 1),
     * flagged blank.
     *
     * @return the score
     */
    public static SentimentScore ofBlankText() {
        return BLANK;
    }

    private static void requireProportion(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(field + ": " + value + " is outside [0, 1]; it is a proportion");
        }
    }
}
