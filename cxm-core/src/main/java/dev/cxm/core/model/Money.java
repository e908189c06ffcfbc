package dev.cxm.core.model;

import java.math.BigDecimal;
import java.util.Currency;

import dev.cxm.core.internal.Checks;

/**
 * A non-negative amount of money in one currency.
 *
 * <p>The amount is normalised on construction so that numerically equal amounts are equal values:
 * trailing zeros are removed, then the scale is raised to at least the currency's minor-unit digits
 * ({@code 10}, {@code 10.0} and {@code 10.000} in USD all become {@code 10.00}; {@code 10.005} stays).
 *
 * @param amount zero or positive
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {

    /** Validates and normalises the amount. */
    public Money {
        Checks.present("amount", amount);
        Checks.present("currency", currency);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(
                    "amount: " + amount.toPlainString() + " is negative; an amount must be 0 or more");
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        int minorDigits = Math.max(0, currency.getDefaultFractionDigits());
        amount = stripped.scale() < minorDigits ? stripped.setScale(minorDigits) : stripped;
    }

    /** Returns the amount of money; {@code amount} in plain decimal notation, such as {@code "19.99"}. */
    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), currency(currencyCode));
    }

    /** Returns the amount of money. */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** Returns zero in the given currency. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * Returns the sum of this amount and {@code other}.
     *
     * @throws IllegalArgumentException when the currencies differ: amounts in one computation must share one
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * Throws when {@code other} is in another currency than this amount.
     *
     * @throws IllegalArgumentException naming both currencies
     */
    public void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency: " + other.currency.getCurrencyCode() + " does not match "
                    + currency.getCurrencyCode() + "; amounts in one computation must share a currency");
        }
    }

    /**
     * Parses an ISO 4217 currency code.
     *
     * @throws IllegalArgumentException naming the code when it is not a known currency
     */
    public static Currency currency(String code) {
        Checks.nonBlank("currency", code);
        try {
            return Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency: \"" + code + "\" is not an ISO 4217 currency code", e);
        }
    }

    /** Returns the amount and currency code, such as {@code "19.99 EUR"}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
