package dev.cxm.engage.profile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.Money;

/**
 * What a customer spent in one currency: the number of purchases and their total; the mean follows.
 *
 * @param purchases the number of purchases in the currency; 1 or more
 * @param total their total, exact
 */
public record SpendTotal(long purchases, Money total) {

    /**
     * Validates the total.
     *
     * @param purchases the number of purchases in the currency; 1 or more
     * @param total their total
     * @throws IllegalArgumentException when {@code purchases} is below 1
     */
    public SpendTotal {
        if (purchases < 1) {
            throw new IllegalArgumentException("purchases: " + purchases + " is below 1; a spend total counts purchases");
        }
        Checks.present("total", total);
    }

    /**
     * Returns the mean spend per purchase, to 16 significant digits, rounded half-even.
     *
     * @return the total divided by the number of purchases
     */
    public BigDecimal mean() {
        return total.amount().divide(BigDecimal.valueOf(purchases), MathContext.DECIMAL64)
                .setScale(Math.max(total.amount().scale(), 2), RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    /**
     * Returns this total with one more purchase of {@code amount}.
     *
     * @param amount the purchase's amount, in this total's currency
     * @return the new total
     */
    SpendTotal plus(Money amount) {
        return new SpendTotal(purchases + 1, total.plus(amount));
    }

    /**
     * Returns the sum of two totals in one currency.
     *
     * @param other the other total
     * @return the combined total
     */
    SpendTotal plus(SpendTotal other) {
        return new SpendTotal(purchases + other.purchases, total.plus(other.total));
    }
}
