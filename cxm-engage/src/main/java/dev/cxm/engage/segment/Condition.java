package dev.cxm.engage.segment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.Channel;
import dev.cxm.engage.profile.CustomerProfile;

/**
 * A typed test of a profile: a number compared, a category in a set, the time since an instant, the journey
 * stage, a channel used, an attribute, a consent; and their combinations. A closed set of records, so that a
 * definition read from JSON is data and never code.
 *
 * <pre>{@code
 * Condition loyalDetractor = Condition.category(CategoryField.NPS_CATEGORY, "detractor")
 *         .and(Condition.number(NumberField.PURCHASE_COUNT, Comparison.AT_LEAST, 3))
 *         .and(Condition.consent("service-call"));
 * }</pre>
 *
 * <p>A condition on a value the profile lacks (no NPS answer, no CLV estimate, no journey stage) is false; so is
 * its comparison with {@link Comparison#NOT_EQUAL}. Use {@link #not} to select the profiles without it.
 */
public sealed interface Condition {

    /**
     * Returns whether the profile satisfies the condition at {@code now}.
     *
     * @param profile the profile
     * @param now the instant durations since are measured to
     * @return whether it does
     */
    boolean test(CustomerProfile profile, Instant now);

    /**
     * Returns the condition that both this and {@code other} hold.
     *
     * @param other the other condition
     * @return the conjunction
     */
    default Condition and(Condition other) {
        return allOf(this, other);
    }

    /**
     * Returns the condition that this or {@code other} holds.
     *
     * @param other the other condition
     * @return the disjunction
     */
    default Condition or(Condition other) {
        return anyOf(this, other);
    }

    /**
     * Returns a comparison of a number field with a value.
     *
     * @param field the field
     * @param comparison how it compares
     * @param value the value, finite
     * @return the condition
     */
    static Condition number(NumberField field, Comparison comparison, double value) {
        return new NumberIs(field, comparison, value);
    }

    /**
     * Returns a test that a category field has one of the given values.
     *
     * @param field the field
     * @param values the values, at least one
     * @return the condition
     */
    static Condition category(CategoryField field, String... values) {
        return new CategoryIn(field, Set.of(values));
    }

    /**
     * Returns a comparison of the time since an instant of the profile with a duration.
     *
     * @param field the instant's field
     * @param comparison how the time since it compares
     * @param duration the duration, zero or more
     * @return the condition
     */
    static Condition since(TimeField field, Comparison comparison, Duration duration) {
        return new TimeSince(field, comparison, duration);
    }

    /**
     * Returns a test that the customer is in a journey stage.
     *
     * @param stage the stage's name
     * @return the condition
     */
    static Condition stage(String stage) {
        return new StageIs(stage);
    }

    /**
     * Returns a test that the customer used a channel.
     *
     * @param channel the channel
     * @return the condition
     */
    static Condition channelUsed(Channel channel) {
        return new ChannelUsed(channel);
    }

    /**
     * Returns a test that an attribute of the customer record has a value.
     *
     * @param name the attribute's name
     * @param value the value
     * @return the condition
     */
    static Condition attribute(String name, String value) {
        return new AttributeIs(name, value);
    }

    /**
     * Returns a test that the customer's latest decision for a purpose grants it.
     *
     * @param purpose the purpose
     * @return the condition
     */
    static Condition consent(String purpose) {
        return new ConsentGiven(purpose);
    }

    /**
     * Returns the condition that every one of {@code conditions} holds.
     *
     * @param conditions at least one
     * @return the conjunction
     */
    static Condition allOf(Condition... conditions) {
        return new AllOf(List.of(conditions));
    }

    /**
     * Returns the condition that one of {@code conditions} holds.
     *
     * @param conditions at least one
     * @return the disjunction
     */
    static Condition anyOf(Condition... conditions) {
        return new AnyOf(List.of(conditions));
    }

    /**
     * Returns the condition that {@code condition} does not hold.
     *
     * @param condition the condition
     * @return the negation
     */
    static Condition not(Condition condition) {
        return new Not(condition);
    }

    /**
     * A number field compared with a value.
     *
     * @param field the field
     * @param comparison how it compares
     * @param value the value, finite
     */
    record NumberIs(NumberField field, Comparison comparison, double value) implements Condition {
        /**
         * Validates the condition.
         *
         * @param field the field
         * @param comparison how it compares
         * @param value the value, finite
         * @throws IllegalArgumentException when the value is not finite
         */
        public NumberIs {
            Checks.present("field", field);
            Checks.present("comparison", comparison);
            Checks.finite("value", value);
        }

        @Override
        public boolean test(CustomerProfile profile, Instant now) {
            double actual = field.valueOrNaN(profile);
            return !Double.isNaN(actual) && comparison.holds(Double.compare(actual, value));
        }
    }

    /**
     * A category field with one of a set of values.
     *
     * @param field the field
     * @param values the values, at least one
     */
    record CategoryIn(CategoryField field, Set<String> values) implements Condition {
        /**
         * Validates the condition.
         *
         * @param field the field
         * @param values the values, at least one, none blank
         * @throws IllegalArgumentException when there is no value or a blank one
         */
        public CategoryIn {
            Checks.present("field", field);
            values = ImmutableSortedSet.copyOf(Checks.noNullElements("values", values));
            if (values.isEmpty()) {
                throw new IllegalArgumentException("values: is empty; a category condition names at least one value");
            }
            values.forEach(value -> Checks.nonBlank("values", value));
        }

        @Override
        public boolean test(CustomerProfile profile, Instant now) {
            Optional<String> actual = field.valueOf(profile);
            return actual.isPresent() && values.contains(actual.get());
        }
    }

    /**
     * The time since an instant of the profile compared with a duration.
     *
     * @param field the instant's field
     * @param comparison how the time since compares
     * @param duration the duration, zero or more
     */
    record TimeSince(TimeField field, Comparison comparison, Duration duration) implements Condition {
        /**
         * Validates the condition.
         *
         * @param field the instant's field
         * @param comparison how the time since compares
         * @param duration the duration, zero or more
         * @throws IllegalArgumentException when the duration is negative
         */
        public TimeSince {
            Checks.present("field", field);
            Checks.present("comparison", comparison);
            Checks.present("duration", duration);
            if (duration.isNegative()) {
                throw new IllegalArgumentException("duration: " + duration + " is negative; it must be zero or more");
            }
        }

        @Override
        public boolean test(CustomerProfile profile, Instant now) {
            Optional<Instant> at = field.valueOf(profile);
            return at.isPresent() && comparison.holds(compareElapsed(at.get(), now, duration));
        }
    }

    /**
     * The customer is in a journey stage.
     *
     * @param stage the stage's name
     */
    record StageIs(String stage) implements Condition {
        /**
         * Validates the condition.
         *
         * @param stage the stage's name, non-blank
         */
        public StageIs {
            Checks.nonBlank("stage", stage);
        }

        @Override
        public boolean test(CustomerProfile profile, Instant now) {
            return profile.journeyStage().isPresent() && profile.journeyStage().get().stage().equals(stage);
        }
    }

    /**
     * The customer used a channel.
     *
     * @param channel the channel
     */
    record ChannelUsed(Channel channel) implements Condition {
        /**
         * Validates the condition.
         *
         * @param channel the channel
         */
        public ChannelUsed {
            Checks.present("channel", channel);
        }

        @Override
        public boolean test(CustomerProfile profile, Instant now) {
            return profile.usedChannel(channel);
        }
    }

    /**
     * An attribute of the customer record has a value.
     *
     * @param name the attribute's name
     * @param value the value
     */
    record AttributeIs(String name, String value) implements Condition {
        /**
         * Validates the condition.
         *
         * @param name the attribute's name, non-blank
         * @param value the value
         */
        public AttributeIs {
            Checks.nonBlank("name", name);
            Checks.present("value", value);
        }

        @Override
        public boolean test(CustomerProfile profile, Instant now) {
            return value.equals(profile.attributes().get(name));
        }
    }

    /**
     * The customer's latest decision for a purpose grants it.
     *
     * @param purpose the purpose
     */
    record ConsentGiven(String purpose) implements Condition {
        /**
         * Validates the condition.
         *
         * @param purpose the purpose, non-blank
         */
        public ConsentGiven {
            Checks.nonBlank("purpose", purpose);
        }

        @Override
        public boolean test(CustomerProfile profile, Instant now) {
            return profile.hasConsented(purpose);
        }
    }

    /**
     * Every one of the conditions holds.
     *
     * @param conditions at least one
     */
    record AllOf(List<Condition> conditions) implements Condition {
        /**
         * Validates the condition.
         *
         * @param conditions at least one
         * @throws IllegalArgumentException when there is none
         */
        public AllOf {
            conditions = ImmutableList.copyOf(requireSome("allOf", conditions));
        }

        @Override
        public boolean test(CustomerProfile profile, Instant now) {
            // An indexed loop: no iterator for each of a million profiles.
            for (int i = 0; i < conditions.size(); i++) {
                if (!conditions.get(i).test(profile, now)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * One of the conditions holds.
     *
     * @param conditions at least one
     */
    record AnyOf(List<Condition> conditions) implements Condition {
        /**
         * Validates the condition.
         *
         * @param conditions at least one
         * @throws IllegalArgumentException when there is none
         */
        public AnyOf {
            conditions = ImmutableList.copyOf(requireSome("anyOf", conditions));
        }

        @Override
        public boolean test(CustomerProfile profile, Instant now) {
            for (int i = 0; i < conditions.size(); i++) {
                if (conditions.get(i).test(profile, now)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The condition does not hold.
     *
     * @param condition the condition negated
     */
    record Not(Condition condition) implements Condition {
        /**
         * Validates the condition.
         *
         * @param condition the condition negated
         */
        public Not {
            Checks.present("condition", condition);
        }

        @Override
        public boolean test(CustomerProfile profile, Instant now) {
            return !condition.test(profile, now);
        }
    }

    /**
     * Compares the time from {@code from} to {@code to} with {@code duration}, as
     * {@code Duration.between(from, to).compareTo(duration)} does, without allocating.
     */
    private static int compareElapsed(Instant from, Instant to, Duration duration) {
        long seconds = to.getEpochSecond() - from.getEpochSecond();
        int nanos = to.getNano() - from.getNano();
        if (nanos < 0) {
            nanos += 1_000_000_000;
            seconds--;
        }
        int order = Long.compare(seconds, duration.getSeconds());
        return order != 0 ? order : Integer.compare(nanos, duration.getNano());
    }

    private static List<Condition> requireSome(String field, List<Condition> conditions) {
        Checks.noNullElements(field, conditions);
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException(field + ": is empty; it combines at least one condition");
        }
        return conditions;
    }
}
