package dev.cxm.metrics.feedback;

/**
 * An inclusive range of scores, such as the "top two boxes" 4..5 of a CSAT scale.
 *
 * @param from the lowest score in the range
 * @param to the highest score in the range; not below {@code from}
 */
public record ScoreRange(int from, int to) {

    /** Validates the range. */
    public ScoreRange {
        if (to < from) {
            throw new IllegalArgumentException("range: " + from + ".." + to + " is empty; to must not be below from");
        }
    }

    /** Returns whether {@code score} lies in the range. */
    public boolean contains(int score) {
        return score >= from && score <= to;
    }

    /** Returns whether the two ranges share a score. */
    public boolean overlaps(ScoreRange other) {
        return from <= other.to && other.from <= to;
    }

    /** Returns {@code from..to}. */
    @Override
    public String toString() {
        return from + ".." + to;
    }
}
