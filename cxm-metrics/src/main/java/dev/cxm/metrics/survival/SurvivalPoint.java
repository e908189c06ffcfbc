package dev.cxm.metrics.survival;

/**
 * A point of a predicted survival curve.
 *
 * @param time the duration
 * @param survival the predicted probability of lasting beyond {@code time}
 */
public record SurvivalPoint(double time, double survival) {

    /**
     * Validates that the survival is a probability.
     *
     * @param time the duration, in the unit of the data the model was fitted on
     * @param survival the predicted probability of lasting beyond {@code time}; in [0, 1]
     * @throws IllegalArgumentException if {@code survival} is outside [0, 1]
     */
    public SurvivalPoint {
        if (!(survival >= 0 && survival <= 1)) {
            throw new IllegalArgumentException("survival: " + survival + " is outside [0, 1]; it is a probability");
        }
    }
}
