package dev.cxm.core.model;

import java.util.Locale;

import dev.cxm.core.internal.AsciiNumbers;
import dev.cxm.core.internal.Checks;

/**
 * The answer scale of a survey question: an inclusive range of integer scores with a name.
 *
 * <p>The three standard scales are {@link #NPS} (0..10), {@link #CSAT} (1..5) and {@link #CES} (1..7,
 * CES 2.0); any other is a {@link #custom custom} scale.
 *
 * @param name the scale's name, such as {@code "nps"}
 * @param min the lowest score
 * @param max the highest score, greater than {@code min}
 */
public record FeedbackScale(String name, int min, int max) {

    /** Largest number of points a scale may have. */
    public static final int MAX_POINTS = 1001;

    /** Net Promoter Score: "How likely are you to recommend ...", 0..10. */
    public static final FeedbackScale NPS = new FeedbackScale("nps", 0, 10);
    /** Customer satisfaction, 1..5. */
    public static final FeedbackScale CSAT = new FeedbackScale("csat", 1, 5);
    /** Customer Effort Score 2.0, 1..7. */
    public static final FeedbackScale CES = new FeedbackScale("ces", 1, 7);

    /**
     * Validates the range.
     *
     * @param name the scale's name, such as {@code "nps"}; non-blank
     * @param min the lowest score
     * @param max the highest score, greater than {@code min}; the scale holds at most {@link #MAX_POINTS}
     *     scores, counting both ends
     * @throws IllegalArgumentException when the name is blank, or the range is empty, a single point or wider
     *     than {@link #MAX_POINTS} (the message names the rule, not the bounds, which may come from imported
     *     data)
     */
    public FeedbackScale {
        Checks.nonBlank("scale.name", name);
        if (max <= min) {
            throw new IllegalArgumentException("scale: is empty or a single point; max must be greater than min");
        }
        if ((long) max - min + 1 > MAX_POINTS) {
            throw new IllegalArgumentException("scale: has more than " + MAX_POINTS + " points");
        }
    }

    /**
     * Returns a custom scale.
     *
     * @param name the scale's name
     * @param min the lowest score
     * @param max the highest score, greater than {@code min}
     * @return the scale
     * @throws IllegalArgumentException when the range is empty or too wide
     */
    public static FeedbackScale custom(String name, int min, int max) {
        return new FeedbackScale(name, min, max);
    }

    /**
     * Parses {@code nps}, {@code csat} or {@code ces} (any case), or {@code name:min..max} for a custom scale
     * (such as {@code stars:1..10}); the bounds are integers of ASCII digits.
     *
     * @param text the scale's text
     * @return the scale
     * @throws IllegalArgumentException when the text is neither (without repeating it)
     */
    public static FeedbackScale parse(String text) {
        String trimmed = Checks.nonBlank("scale", text).strip();
        switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "nps":
                return NPS;
            case "csat":
                return CSAT;
            case "ces":
                return CES;
            default:
                break;
        }
        int colon = trimmed.lastIndexOf(':');
        int dots = trimmed.indexOf("..", colon + 1);
        if (colon > 0 && dots > colon) {
            try {
                int min = AsciiNumbers.parseInt(trimmed.substring(colon + 1, dots).strip());
                int max = AsciiNumbers.parseInt(trimmed.substring(dots + 2).strip());
                return canonical(custom(trimmed.substring(0, colon).strip(), min, max));
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException(
                "scale: is not a scale; expected nps, csat, ces or name:min..max such as stars:1..10");
    }

    /**
     * Returns {@link #NPS}, {@link #CSAT} or {@link #CES} for a scale equal to one of them (as {@code nps:0..10},
     * what {@link #toString()} writes, reads back), so that a scale read once per file compares by identity
     * with the metric's on every response; any other scale as it is.
     */
    private static FeedbackScale canonical(FeedbackScale scale) {
        return scale.equals(NPS) ? NPS : scale.equals(CSAT) ? CSAT : scale.equals(CES) ? CES : scale;
    }

    /**
     * Returns whether {@code score} lies on this scale.
     *
     * @param score the score
     * @return whether {@code min <= score <= max}
     */
    public boolean contains(int score) {
        return score >= min && score <= max;
    }

    /**
     * Returns the number of points on the scale.
     *
     * @return {@code max - min + 1}
     */
    public int points() {
        return max - min + 1;
    }

    /**
     * Returns {@code score} when it lies on this scale.
     *
     * @param score the score
     * @return {@code score}
     * @throws IllegalArgumentException naming the scale, but not the score (a customer's answer), otherwise:
     *     {@code score: is outside the NPS scale 0..10}
     */
    public int requireOnScale(int score) {
        if (!contains(score)) {
            throw new IllegalArgumentException("score: is outside the " + displayName() + " scale " + min + ".."
                    + max);
        }
        return score;
    }

    private String displayName() {
        return this.equals(NPS) || this.equals(CSAT) || this.equals(CES) ? name.toUpperCase(Locale.ROOT) : name;
    }

    /** Returns {@code name:min..max}, the form {@link #parse} reads. */
    @Override
    public String toString() {
        return name + ":" + min + ".." + max;
    }
}
