package dev.cxm.engage.action;

import java.time.Duration;
import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * A rule of the closed loop that turns what happens into an action, each naming the action of the catalogue it
 * starts: a detractor's NPS answer opens a follow-up due within a stated time; a stall in a journey stage sends
 * a nudge; a drop of P(alive) below a threshold starts a win-back. {@link Triggers} fires each rule once per
 * occurrence.
 */
public sealed interface Trigger {

    /**
     * Returns the rule's name.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the name of the catalogue action the rule starts.
     *
     * @return the action's name
     */
    String action();

    /**
     * A detractor's NPS answer (score 0 to 6) opens a follow-up, due {@code within} after the answer.
     *
     * @param name the rule's name
     * @param action the action it starts
     * @param within how soon the follow-up is due; positive
     */
    record DetractorFollowUp(String name, String action, Duration within) implements Trigger {
        /**
         * Validates the rule.
         *
         * @param name the rule's name
         * @param action the action it starts
         * @param within positive
         */
        public DetractorFollowUp {
            Checks.identifier("name", name);
            Checks.identifier("action", action);
            Checks.present("within", within);
            if (within.isNegative() || within.isZero()) {
                throw new IllegalArgumentException("within: " + within + " is not positive; a follow-up is due after"
                        + " the answer");
            }
        }
    }

    /**
     * A stall in a journey stage (any stage, or the one named) sends a nudge.
     *
     * @param name the rule's name
     * @param action the action it starts
     * @param stage the stage whose stalls count; empty for every stage
     */
    record StallNudge(String name, String action, Optional<String> stage) implements Trigger {
        /**
         * Validates the rule.
         *
         * @param name the rule's name
         * @param action the action it starts
         * @param stage the stage, when only one counts
         */
        public StallNudge {
            Checks.identifier("name", name);
            Checks.identifier("action", action);
            Checks.present("stage", stage).ifPresent(s -> Checks.nonBlank("stage", s));
        }
    }

    /**
     * A drop of P(alive) below {@code threshold} starts a win-back: once per drop, again only after P(alive) rose
     * to the threshold or above.
     *
     * @param name the rule's name
     * @param action the action it starts
     * @param threshold the P(alive) below which the customer is at risk; above 0, at most 1
     */
    record WinBack(String name, String action, double threshold) implements Trigger {
        /**
         * Validates the rule.
         *
         * @param name the rule's name
         * @param action the action it starts
         * @param threshold above 0, at most 1
         */
        public WinBack {
            Checks.identifier("name", name);
            Checks.identifier("action", action);
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("threshold: " + threshold + " is not a probability above 0 and at"
                        + " most 1");
            }
        }
    }
}
