package dev.cxm.metrics.feedback;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which measure of a rating scale a {@link RatingResult} reports as its headline score. */
public enum RatingMeasure {
    /**
     * The weighted share of "good" responses (the top boxes), in percent 0..100, with Wilson's interval:
     * CSAT's usual headline.
     */
    GOOD_SHARE("good-share"),
    /**
     * The share of good minus the share of bad responses, in percent points -100..100, with the adjusted
     * Wald interval of a net score (as NPS).
     */
    NET("net"),
    /** The weighted mean score on the scale's own units, with the t interval: CES's usual headline. */
    MEAN("mean");

    private final String measureName;

    RatingMeasure(String measureName) {
        this.measureName = measureName;
    }

    /**
     * Returns the lower-case name used in JSON and on the command line, such as {@code "good-share"}.
     *
     * @return the name
     */
    @JsonValue
    public String measureName() {
        return measureName;
    }
}
