package dev.cxm.metrics.clv.rfm;

import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;

/**
 * What a customer of the calibration period did in the holdout period that follows it: the actuals that
 * predictions are checked against.
 *
 * @param frequency the number of purchases (purchase periods) in the holdout period
 * @param monetaryValue their mean value; empty without purchases or amounts
 * @param totalSpend their total value; empty without amounts
 */
public record HoldoutSummary(int frequency, OptionalDouble monetaryValue, OptionalDouble totalSpend) {

    /**
     * Validates the holdout summary.
     *
     * @param frequency the number of purchases (purchase periods) in the holdout period
     * @param monetaryValue their mean value; empty without purchases or amounts
     * @param totalSpend their total value; empty without amounts
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public HoldoutSummary {
        Checks.nonNegative("holdout frequency", frequency);
        Checks.present("monetaryValue", monetaryValue);
        Checks.present("totalSpend", totalSpend);
        monetaryValue.ifPresent(value -> Checks.nonNegative("holdout monetaryValue", value));
        totalSpend.ifPresent(value -> Checks.nonNegative("holdout totalSpend", value));
        if (frequency == 0 && monetaryValue.isPresent()) {
            throw new IllegalArgumentException("holdout monetaryValue: " + monetaryValue.getAsDouble()
                    + " is given without holdout purchases");
        }
    }
}
