package dev.cxm.journey.funnel;

import java.util.Locale;

/** How a funnel's steps must follow each other. */
public enum FunnelOrder {
    /** The steps in their order; other events of the customer may come between them. */
    ORDERED,
    /** The steps in their order with no other event of the customer between two steps. */
    STRICT,
    /** Every step, in any order: step {@code i} counts the customers who took any {@code i} of the steps. */
    UNORDERED;

    /**
     * Returns the lower-case name a command line takes, such as {@code ordered}.
     *
     * @return the name
     */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a name, ignoring case.
     *
     * @param text {@code ordered}, {@code strict} or {@code unordered}
     * @return the order
     * @throws IllegalArgumentException when the text names no order
     */
    public static FunnelOrder parse(String text) {
        String normalised = text.strip().toLowerCase(Locale.ROOT);
        for (FunnelOrder order : values()) {
            if (order.cliName().equals(normalised)) {
                return order;
            }
        }
        throw new IllegalArgumentException("order: is not a funnel order; expected ordered, strict or unordered");
    }
}
