package dev.cxm.core.model;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import dev.cxm.core.internal.AsciiNumbers;
import dev.cxm.core.internal.Checks;

/**
 * A non-negative amount of money in one currency, less than 10<sup>18</sup> and with at most 18 decimal
 * places.
 *
 * <p>The amount is normalised on construction so that numerically equal amounts are equal values:
 * trailing zeros are removed, then the scale is raised to at least the currency's minor-unit digits
 * ({@code 10}, {@code 10.0} and {@code 10.000} in USD all become {@code 10.00}; {@code 10.005} stays).
 *
 * <p>The bounds ({@link #MAX_INTEGER_DIGITS}, {@link #MAX_SCALE}) hold every real price and total in every
 * currency, keep each amount's plain decimal text under 40 characters, and so guarantee that every amount cxm
 * writes (as JSON, CSV or in a store) it reads back; an import rejects a row beyond them.
 *
 * @param amount zero or positive, less than 10<sup>18</sup>, at most 18 decimal places
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {

    /** Most digits an amount has before its decimal point: every amount is less than 10<sup>18</sup>. */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** Most digits an amount has after its decimal point, once trailing zeros are removed. */
    public static final int MAX_SCALE = 18;

    /**
     * Validates and normalises the amount.
     *
     * @param amount zero or positive, less than 10<sup>18</sup>, at most 18 decimal places once trailing zeros
     *     are removed; held at no fewer decimal places than the currency's minor unit
     * @param currency the ISO 4217 currency
     * @throws IllegalArgumentException when the amount is negative, 10<sup>18</sup> or more, or has more than
     *     18 decimal places (the message names the rule, never the amount)
     */
    public Money {
        Checks.present("amount", amount);
        Checks.present("currency", currency);
        int minorDigits = Math.max(0, currency.getDefaultFractionDigits());
        amount = inBounds(amount, minorDigits);
        amount = amount.scale() < minorDigits ? amount.setScale(minorDigits) : amount;
    }

    /**
     * Returns the amount checked against the bounds before any arithmetic that could take long or overflow on a
     * huge exponent (such as {@code 1e999999999}): without trailing zeros, or as it is when it has no more
     * decimal places than the currency's minor unit (the constructor pads both to the minor unit alike).
     */
    private static BigDecimal inBounds(BigDecimal amount, int minorDigits) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount: is negative; an amount must be 0 or more");
        }
        if (amount.signum() == 0) {
            return BigDecimal.ZERO;
        }
        long integerDigits = (long) amount.precision() - amount.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("amount: is 10^" + MAX_INTEGER_DIGITS + " or more; an amount must be"
                    + " less than 10^" + MAX_INTEGER_DIGITS);
        }
        if (amount.scale() <= minorDigits) {
            // Held at the minor unit or coarser (the sum of two prices): stripping the trailing zeros and padding
            // back to the minor unit gives the amount itself, so the strip, the dearest step, is skipped.
            return amount;
        }
        // The first significant digit lies -integerDigits + 1 places after the point; the last one no earlier.
        if (-integerDigits + 1 > MAX_SCALE) {
            throw tooManyDecimals();
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > MAX_SCALE) {
            throw tooManyDecimals();
        }
        return stripped;
    }

    private static IllegalArgumentException tooManyDecimals() {
        return new IllegalArgumentException("amount: has more than " + MAX_SCALE + " decimal places; an amount has"
                + " at most " + MAX_SCALE);
    }

    /**
     * Returns the amount of money.
     *
     * @param amount the amount in decimal notation of ASCII digits, such as {@code "19.99"}
     * @param currencyCode an ISO 4217 code, such as {@code "EUR"}
     * @return the amount of money
     * @throws IllegalArgumentException when the text is not a decimal number, the amount is out of bounds or
     *     the code is not a currency
     */
    public static Money of(String amount, String currencyCode) {
        Checks.present("amount", amount);
        BigDecimal value;
        try {
            value = AsciiNumbers.parseDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount: is not a decimal number of ASCII digits such as 19.99", e);
        }
        return new Money(value, currency(currencyCode));
    }

    /**
     * Returns the amount of money.
     *
     * @param amount zero or positive, within the bounds
     * @param currency the currency
     * @return the amount of money
     * @throws IllegalArgumentException when the amount is out of bounds
     */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /**
     * Returns zero in the given currency.
     *
     * @param currency the currency
     * @return zero
     */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * Returns the sum of this amount and {@code other}.
     *
     * @param other an amount in the same currency
     * @return the sum
     * @throws IllegalArgumentException when the currencies differ (amounts in one computation must share one),
     *     or the sum is 10<sup>18</sup> or more
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * Throws when {@code other} is in another currency than this amount.
     *
     * @param other the other amount
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
     * @param code the code, such as {@code "EUR"} (case and surrounding blanks ignored)
     * @return the currency
     * @throws IllegalArgumentException when the code is not a known currency (without repeating the text)
     */
    public static Currency currency(String code) {
        Checks.nonBlank("currency", code);
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency: is not an ISO 4217 currency code such as EUR", e);
        }
    }

    /** Returns the amount and currency code, such as {@code "19.99 EUR"}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
