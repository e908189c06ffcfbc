package dev.cxm.metrics.feedback;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An inclusive range of scores, such as the "top two boxes" 4..5 of a CSAT scale. In JSON it is its text,
 * {@code "4..5"}, as the command line prints it.
 *
 * @param from the lowest score in the range
 * @param to the highest score in the range; not below {@code from}
 */
public record ScoreRange(int from, int to) {

    /**
     * Validates the range.
     *
     * @param from the lowest score in the range
     * @param to the highest score in the range; not below {@code from}
     * @throws IllegalArgumentException naming the field and the rule when a value is invalid
     */
    public ScoreRange {
        if (to < from) {
            throw new IllegalArgumentException("range: " + from + ".." + to + " is empty; to must not be below from");
        }
    }

    /**
     * Returns whether {@code score} lies in the range.
     *
     * @param score the score
     * @return whether {@code from <= score <= to}
     */
    public boolean contains(int score) {
        return score >= from && score <= to;
    }

    /**
     * Returns whether the two ranges share a score.
     *
     * @param other the other range
     * @return whether some score lies in both
     */
    public boolean overlaps(ScoreRange other) {
        return from <= other.to && other.from <= to;
    }

    /**
     * Returns {@code from..to}, also the range's JSON form.
     *
     * @return the text, such as {@code 4..5}
     */
    @JsonValue
    @Override
    public String toString() {
        return from + ".." + to;
    }
}
