package dev.cxm.metrics.feedback;

import com.fasterxml.jackson.annotation.JsonCreator;
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
     * Reads the JSON form {@code from..to} back, as written by {@link #toString()}.
     *
     * @param text the text, such as {@code 4..5} or {@code -3..-1}
     * @return the range
     * @throws IllegalArgumentException naming the rule when the text is not two whole numbers joined by {@code ..}
     *     or the range is invalid
     */
    @JsonCreator
    static ScoreRange parse(String text) {
        int dots = text.indexOf("..", 1);
        try {
            if (dots > 0) {
                return new ScoreRange(Integer.parseInt(text.substring(0, dots)), Integer.parseInt(text.substring(dots + 2)));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("range: a text of " + text.length()
                + " characters is not two whole numbers joined by .., such as 4..5");
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
