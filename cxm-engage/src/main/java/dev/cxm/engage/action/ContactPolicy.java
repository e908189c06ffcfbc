package dev.cxm.engage.action;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.cxm.core.internal.Checks;
import dev.cxm.engage.profile.CustomerProfile;

/**
 * How often and when a customer may be contacted, across all actions: at most {@code maxContacts} in any
 * {@code period}, never in the quiet hours of the customer's time zone (read from a record attribute, else the
 * default zone), and, with {@code preferChannel}, on the customer's preferred channel when the action has it.
 * A configuration with the house idiom; a policy that could never allow a contact is refused.
 *
 * <pre>{@code
 * ContactPolicy policy = ContactPolicy.custom().maxContacts(2).period(Duration.ofDays(7))
 *         .quietHours(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0))).build();
 * }</pre>
 *
 * @param maxContacts the most contacts in any period; 1 or more
 * @param period the length of the window the cap counts over; positive
 * @param quietHours the hours without contact, when any
 * @param timeZoneAttribute the record attribute holding the customer's time zone id, such as
 *     {@code Europe/Berlin}
 * @param defaultTimeZone the zone of a customer without a valid zone attribute
 * @param preferChannel whether an action uses the customer's preferred channel when it has it
 */
public record ContactPolicy(int maxContacts, Duration period, Optional<QuietHours> quietHours,
        String timeZoneAttribute, ZoneId defaultTimeZone, boolean preferChannel) {

    private static final ContactPolicy DEFAULTS = new ContactPolicy(3, Duration.ofDays(7),
            Optional.of(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0))), "timeZone", ZoneOffset.UTC, true);

    /**
     * Validates the policy.
     *
     * @param maxContacts 1 or more
     * @param period positive
     * @param quietHours the hours without contact, when any
     * @param timeZoneAttribute non-blank
     * @param defaultTimeZone the default zone
     * @param preferChannel whether the preferred channel is used
     * @throws IllegalArgumentException naming the field, the value and the rule when the policy could never
     *     allow a contact or a value is invalid
     */
    public ContactPolicy {
        requireMax(maxContacts);
        requirePeriod(period);
        Checks.present("quietHours", quietHours);
        Checks.nonBlank("timeZoneAttribute", timeZoneAttribute);
        Checks.present("defaultTimeZone", defaultTimeZone);
    }

    private static int requireMax(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxContacts: " + value + " is below 1; the policy would never allow a"
                    + " contact");
        }
        return value;
    }

    private static Duration requirePeriod(Duration value) {
        Checks.present("period", value);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("period: " + value + " is not positive; the cap counts over a positive"
                    + " window");
        }
        return value;
    }

    /**
     * Returns the defaults: at most 3 contacts in any 7 days, quiet from 21:00 to 08:00 in the zone of the
     * {@code timeZone} attribute (UTC without one), on the preferred channel when the action has it.
     *
     * @return the default policy
     */
    public static ContactPolicy ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Starts a policy from the defaults.
     *
     * @return the builder
     */
    public static Builder custom() {
        return new Builder(DEFAULTS);
    }

    /**
     * Starts a policy from {@code base}.
     *
     * @param base the policy to change
     * @return the builder
     */
    public static Builder from(ContactPolicy base) {
        return new Builder(Checks.present("base", base));
    }

    /**
     * Returns the time zone of a customer: the zone named by the attribute when it names one, else the default.
     *
     * @param profile the profile
     * @return the zone
     */
    public ZoneId zoneOf(CustomerProfile profile) {
        String id = profile.attributes().get(timeZoneAttribute);
        if (id != null) {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException e) {
                return defaultTimeZone;
            }
        }
        return defaultTimeZone;
    }

    /** Builds a {@link ContactPolicy}; each setter refuses a bad value at once and leaves the builder as it was. */
    public static final class Builder {
        private int maxContacts;
        private Duration period;
        private Optional<QuietHours> quietHours;
        private String timeZoneAttribute;
        private ZoneId defaultTimeZone;
        private boolean preferChannel;

        private Builder(ContactPolicy base) {
            this.maxContacts = base.maxContacts;
            this.period = base.period;
            this.quietHours = base.quietHours;
            this.timeZoneAttribute = base.timeZoneAttribute;
            this.defaultTimeZone = base.defaultTimeZone;
            this.preferChannel = base.preferChannel;
        }

        /**
         * Sets the most contacts in any period.
         *
         * @param value 1 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code value} is below 1
         */
        public Builder maxContacts(int value) {
            this.maxContacts = requireMax(value);
            return this;
        }

        /**
         * Sets the window the cap counts over.
         *
         * @param value positive
         * @return this builder
         * @throws IllegalArgumentException when {@code value} is not positive
         */
        public Builder period(Duration value) {
            this.period = requirePeriod(value);
            return this;
        }

        /**
         * Sets the quiet hours.
         *
         * @param value the hours without contact
         * @return this builder
         */
        public Builder quietHours(QuietHours value) {
            this.quietHours = Optional.of(Checks.present("quietHours", value));
            return this;
        }

        /**
         * Allows contacts at every hour.
         *
         * @return this builder
         */
        public Builder noQuietHours() {
            this.quietHours = Optional.empty();
            return this;
        }

        /**
         * Sets the record attribute holding the customer's time zone.
         *
         * @param value the attribute's name, non-blank
         * @return this builder
         */
        public Builder timeZoneAttribute(String value) {
            this.timeZoneAttribute = Checks.nonBlank("timeZoneAttribute", value);
            return this;
        }

        /**
         * Sets the zone of customers without a valid zone attribute.
         *
         * @param value the zone
         * @return this builder
         */
        public Builder defaultTimeZone(ZoneId value) {
            this.defaultTimeZone = Checks.present("defaultTimeZone", value);
            return this;
        }

        /**
         * Sets whether an action uses the customer's preferred channel when it has it (else its first channel).
         *
         * @param value whether to
         * @return this builder
         */
        public Builder preferChannel(boolean value) {
            this.preferChannel = value;
            return this;
        }

        /**
         * Returns the policy.
         *
         * @return the policy
         */
        public ContactPolicy build() {
            return new ContactPolicy(maxContacts, period, quietHours, timeZoneAttribute, defaultTimeZone,
                    preferChannel);
        }
    }
}
