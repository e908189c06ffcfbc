package dev.cxm.metrics.churn;

import java.util.Locale;
import java.util.function.Predicate;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.Interaction;

/**
 * The cancellations of {@link ChurnDefinition#cancellationOutcome}: interactions whose outcome equals
 * {@code outcome}, ignoring case and surrounding space. A value, so that two definitions of the same
 * outcome are equal.
 *
 * @param outcome the outcome, stripped and in lower case
 */
record OutcomeCancellation(String outcome) implements Predicate<CustomerEvent> {

    @Override
    public boolean test(CustomerEvent event) {
        return event instanceof Interaction interaction
                && interaction.outcome().strip().toLowerCase(Locale.ROOT).equals(outcome);
    }
}
