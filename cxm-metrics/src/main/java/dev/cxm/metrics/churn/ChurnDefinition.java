package dev.cxm.metrics.churn;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.Interaction;

/**
 * When a customer counts as churned: the caller states the kind of business explicitly.
 *
 * <ul>
 *   <li>{@link Contractual}: the customer has a contract and churns at a cancellation. cxm's events have no
 *       cancellation type, so the caller says which events are cancellations, for example
 *       {@link #cancellationOutcome(String) an interaction whose outcome is "cancelled"}. A customer is
 *       active from their first event that is not a cancellation until the next cancellation; a later
 *       non-cancellation event starts a new contract (a reactivation). At one instant, other events come
 *       before a cancellation.</li>
 *   <li>{@link NonContractual}: customers simply stop coming. A customer is active from an event until
 *       {@code inactivity} has passed without another one, and churns at that moment (last event +
 *       inactivity); an event after that is a reactivation.</li>
 * </ul>
 *
 * <p>Definitions are values: {@link #cancellationOutcome} and {@link #nonContractual} definitions are equal
 * when they say the same; a {@link #contractual(Predicate)} definition compares the caller's predicate,
 * which for a lambda is by identity.
 */
public sealed interface ChurnDefinition permits ChurnDefinition.Contractual, ChurnDefinition.NonContractual {

    /**
     * Returns the contractual definition: a customer churns at an event that {@code isCancellation} accepts.
     *
     * @param isCancellation which events are cancellations; the definition is equal to another only when
     *     this predicate is (for a lambda: the same instance)
     * @return the definition
     */
    static Contractual contractual(Predicate<? super CustomerEvent> isCancellation) {
        return new Contractual(isCancellation, "caller's predicate");
    }

    /**
     * Returns the contractual definition where a cancellation is an {@link Interaction} whose outcome equals
     * {@code outcome}, ignoring case (such as {@code "cancelled"}); two such definitions of the same outcome
     * are equal.
     *
     * @param outcome the outcome of a cancellation; not blank
     * @return the definition
     * @throws IllegalArgumentException when the outcome is blank
     */
    static Contractual cancellationOutcome(String outcome) {
        String wanted = Checks.nonBlank("outcome", outcome).strip().toLowerCase(Locale.ROOT);
        return new Contractual(new OutcomeCancellation(wanted), "interaction outcome \"" + wanted + "\"");
    }

    /**
     * Returns the non-contractual definition: a customer churns after {@code inactivity} without an event.
     *
     * @param inactivity how long without an event makes a customer churned; positive
     * @return the definition
     * @throws IllegalArgumentException when the duration is not positive
     */
    static NonContractual nonContractual(Duration inactivity) {
        return new NonContractual(inactivity);
    }

    /**
     * Returns a short description for reports, such as {@code "non-contractual, inactivity PT2160H"}.
     *
     * @return the description
     */
    String describe();

    /**
     * Churn at a cancellation.
     *
     * @param isCancellation which events are cancellations
     * @param description what the predicate is, for reports
     */
    record Contractual(Predicate<? super CustomerEvent> isCancellation, String description) implements ChurnDefinition {

        /**
         * Validates the definition.
         *
         * @param isCancellation which events are cancellations
         * @param description what the predicate is, for reports; non-blank
         * @throws IllegalArgumentException if {@code description} is blank
         */
        public Contractual {
            Checks.present("isCancellation", isCancellation);
            Checks.nonBlank("description", description);
        }

        @Override
        public String describe() {
            return "contractual, cancellation: " + description;
        }
    }

    /**
     * Churn after a stretch of inactivity.
     *
     * @param inactivity how long without an event makes a customer churned; positive
     */
    record NonContractual(Duration inactivity) implements ChurnDefinition {

        /**
         * Validates the threshold.
         *
         * @param inactivity how long without an event makes a customer churned; positive
         * @throws IllegalArgumentException if {@code inactivity} is zero or negative
         */
        public NonContractual {
            Checks.present("inactivity", inactivity);
            if (inactivity.isNegative() || inactivity.isZero()) {
                throw new IllegalArgumentException("inactivity: " + inactivity + " is not positive; the inactivity"
                        + " threshold must be longer than zero");
            }
        }

        @Override
        public String describe() {
            return "non-contractual, inactivity " + inactivity;
        }
    }
}
