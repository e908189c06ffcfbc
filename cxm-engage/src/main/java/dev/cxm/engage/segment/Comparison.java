package dev.cxm.engage.segment;

import java.util.Optional;

/** How a condition compares a profile's value with its own: the six comparisons, with their JSON symbols. */
public enum Comparison {
    /** Less than. */
    LESS("<"),
    /** Less than or equal. */
    AT_MOST("<="),
    /** Greater than. */
    GREATER(">"),
    /** Greater than or equal. */
    AT_LEAST(">="),
    /** Equal. */
    EQUAL("=="),
    /** Not equal. */
    NOT_EQUAL("!=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /**
     * Returns the symbol in JSON, such as {@code >=}.
     *
     * @return the symbol
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Returns whether {@code order}, the sign of comparing a profile's value with the condition's, satisfies
     * this comparison.
     *
     * @param order negative, zero or positive as the profile's value is below, at or above the condition's
     * @return whether the comparison holds
     */
    public boolean holds(int order) {
        switch (this) {
            case LESS:
                return order < 0;
            case AT_MOST:
                return order <= 0;
            case GREATER:
                return order > 0;
            case AT_LEAST:
                return order >= 0;
            case EQUAL:
                return order == 0;
            case NOT_EQUAL:
                return order != 0;
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Returns the comparison with the given symbol.
     *
     * @param symbol the symbol, such as {@code >=}
     * @return the comparison, or empty when no comparison has that symbol
     */
    public static Optional<Comparison> ofSymbol(String symbol) {
        for (Comparison comparison : values()) {
            if (comparison.symbol.equals(symbol)) {
                return Optional.of(comparison);
            }
        }
        return Optional.empty();
    }
}
