package dev.cxm.engage.action;

import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.segment.NumberField;

/**
 * What an action is worth for one customer: a fixed amount, or a number of the profile times a factor (such as
 * the lifetime value at risk, {@code NumberField.VALUE_AT_RISK}: CLV x (1 - P(alive))).
 */
public sealed interface ActionValue {

    /**
     * Returns the value for a profile.
     *
     * @param profile the profile
     * @return the value; empty when the profile lacks the number it is computed from
     */
    OptionalDouble valueFor(CustomerProfile profile);

    /**
     * Returns a fixed value.
     *
     * @param amount the value, finite
     * @return the value
     */
    static ActionValue fixed(double amount) {
        return new Fixed(amount);
    }

    /**
     * Returns a value computed from the profile: {@code field}'s value times {@code factor}.
     *
     * @param field the profile's number, such as {@code VALUE_AT_RISK}
     * @param factor the factor, finite
     * @return the value
     */
    static ActionValue fromProfile(NumberField field, double factor) {
        return new FromProfile(field, factor);
    }

    /**
     * A fixed value.
     *
     * @param amount the value, finite
     */
    record Fixed(double amount) implements ActionValue {
        /**
         * Validates the value.
         *
         * @param amount the value, finite
         */
        public Fixed {
            Checks.finite("amount", amount);
        }

        @Override
        public OptionalDouble valueFor(CustomerProfile profile) {
            return OptionalDouble.of(amount);
        }
    }

    /**
     * A number of the profile times a factor.
     *
     * @param field the profile's number
     * @param factor the factor, finite
     */
    record FromProfile(NumberField field, double factor) implements ActionValue {
        /**
         * Validates the value.
         *
         * @param field the profile's number
         * @param factor the factor, finite
         */
        public FromProfile {
            Checks.present("field", field);
            Checks.finite("factor", factor);
        }

        @Override
        public OptionalDouble valueFor(CustomerProfile profile) {
            OptionalDouble value = field.valueOf(profile);
            return value.isPresent() ? OptionalDouble.of(value.getAsDouble() * factor) : OptionalDouble.empty();
        }
    }
}
