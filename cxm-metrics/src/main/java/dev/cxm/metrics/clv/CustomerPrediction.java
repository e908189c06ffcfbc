package dev.cxm.metrics.clv;

import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.metrics.clv.rfm.CustomerHistory;

/**
 * One customer's (or cell's) predictions in a {@link CustomerPredictions}: the history they come from and
 * what the models said, each absent where no model gave it.
 *
 * @param row the row of the cells the customer came from, from 0
 * @param customerId the customer's id, when the row has one
 * @param history the customer's frequency, recency and T, in the model's unit
 * @param monetaryValue the mean repeat spend, when known
 * @param weight the number of customers the row stands for
 * @param probabilityAlive P(alive) at the end of calibration, when a purchase model was used
 * @param expectedPurchases the expected purchases over the horizon, when a purchase model was used
 * @param expectedSpend the expected spend per purchase, when a spend model was used and gives a finite one
 * @param value the discounted lifetime value over the horizon, when both models were used and it is defined
 */
public record CustomerPrediction(int row, Optional<CustomerId> customerId, CustomerHistory history,
        OptionalDouble monetaryValue, double weight, OptionalDouble probabilityAlive, OptionalDouble expectedPurchases,
        OptionalDouble expectedSpend, OptionalDouble value) {

    /**
     * Validates the prediction.
     *
     * @param row the row of the cells the customer came from, from 0
     * @param customerId the customer's id, when the row has one
     * @param history the customer's frequency, recency and T, in the model's unit
     * @param monetaryValue the mean repeat spend, when known
     * @param weight the number of customers the row stands for
     * @param probabilityAlive P(alive) at the end of calibration, when a purchase model was used
     * @param expectedPurchases the expected purchases over the horizon, when a purchase model was used
     * @param expectedSpend the expected spend per purchase, when a spend model was used and gives a finite one
     * @param value the discounted lifetime value over the horizon, when both models were used and it is defined
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public CustomerPrediction {
        Checks.nonNegative("row", row);
        Checks.present("customerId", customerId);
        Checks.present("history", history);
        Checks.present("monetaryValue", monetaryValue);
        Checks.positive("weight", weight);
        Checks.present("probabilityAlive", probabilityAlive);
        Checks.present("expectedPurchases", expectedPurchases);
        Checks.present("expectedSpend", expectedSpend);
        Checks.present("value", value);
    }
}
