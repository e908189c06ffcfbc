package dev.cxm.engage.segment;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

import dev.cxm.engage.profile.ClvEstimate;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.internal.ProfileParts;
import dev.cxm.engage.profile.LatestAnswer;

/** The numeric fields of a profile a condition compares; each has its JSON name. */
public enum NumberField {
    /** The number of events. */
    EVENT_COUNT("eventCount"),
    /** The number of purchases. */
    PURCHASE_COUNT("purchaseCount"),
    /** The number of channels used. */
    CHANNEL_COUNT("channelCount"),
    /** The score of the latest NPS answer. */
    LATEST_NPS("latestNps"),
    /** The score of the latest CSAT answer. */
    LATEST_CSAT("latestCsat"),
    /** The score of the latest CES answer. */
    LATEST_CES("latestCes"),
    /** The mean compound sentiment of the comments. */
    MEAN_SENTIMENT("meanSentiment"),
    /** P(alive) of the CLV estimate. */
    PROBABILITY_ALIVE("probabilityAlive"),
    /** The expected purchases of the CLV estimate. */
    EXPECTED_PURCHASES("expectedPurchases"),
    /** The lifetime value of the CLV estimate. */
    LIFETIME_VALUE("lifetimeValue"),
    /** The lifetime value at risk: value times (1 - P(alive)). */
    VALUE_AT_RISK("valueAtRisk");

    private final String jsonName;

    NumberField(String jsonName) {
        this.jsonName = jsonName;
    }

    /**
     * Returns the name in JSON, such as {@code purchaseCount}.
     *
     * @return the name
     */
    public String jsonName() {
        return jsonName;
    }

    /**
     * Returns the field's value in a profile.
     *
     * @param profile the profile
     * @return the value; empty when the profile has none (no answer, no estimate)
     */
    public OptionalDouble valueOf(CustomerProfile profile) {
        switch (this) {
            case EVENT_COUNT:
                return OptionalDouble.of(profile.eventCount());
            case PURCHASE_COUNT:
                return OptionalDouble.of(profile.purchaseCount());
            case CHANNEL_COUNT:
                return OptionalDouble.of(ProfileParts.channelCount(profile));
            case LATEST_NPS:
                return score(profile.latestNps());
            case LATEST_CSAT:
                return score(profile.latestCsat());
            case LATEST_CES:
                return score(profile.latestCes());
            case MEAN_SENTIMENT:
                return profile.meanSentiment();
            case PROBABILITY_ALIVE:
                return estimate(profile, ClvEstimate::probabilityAlive);
            case EXPECTED_PURCHASES:
                return estimate(profile, ClvEstimate::expectedPurchases);
            case LIFETIME_VALUE:
                return profile.clv().map(ClvEstimate::lifetimeValue).orElse(OptionalDouble.empty());
            case VALUE_AT_RISK:
                return profile.clv().map(ClvEstimate::valueAtRisk).orElse(OptionalDouble.empty());
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Returns the field's value, or NaN when the profile lacks it: {@link #valueOf} without the wrapper, for
     * conditions tested a million times (every value a profile holds is finite).
     *
     * @param profile the profile
     * @return the value, or NaN when the profile lacks it
     */
    public double valueOrNaN(CustomerProfile profile) {
        switch (this) {
            case EVENT_COUNT:
                return profile.eventCount();
            case PURCHASE_COUNT:
                return profile.purchaseCount();
            case CHANNEL_COUNT:
                return ProfileParts.channelCount(profile);
            case LATEST_NPS:
                return scoreOrNaN(profile.latestNps());
            case LATEST_CSAT:
                return scoreOrNaN(profile.latestCsat());
            case LATEST_CES:
                return scoreOrNaN(profile.latestCes());
            default:
                OptionalDouble value = valueOf(profile);
                return value.isPresent() ? value.getAsDouble() : Double.NaN;
        }
    }

    private static double scoreOrNaN(Optional<LatestAnswer> answer) {
        return answer.isPresent() ? answer.get().score() : Double.NaN;
    }

    private static OptionalDouble score(Optional<LatestAnswer> answer) {
        return answer.isPresent() ? OptionalDouble.of(answer.get().score()) : OptionalDouble.empty();
    }

    private static OptionalDouble estimate(CustomerProfile profile, Function<ClvEstimate, Double> value) {
        return profile.clv().isPresent() ? OptionalDouble.of(value.apply(profile.clv().get())) : OptionalDouble.empty();
    }

    /**
     * Returns the field with the given JSON name.
     *
     * @param jsonName the name, such as {@code purchaseCount}
     * @return the field, or empty when no number field has that name
     */
    public static Optional<NumberField> ofJsonName(String jsonName) {
        for (NumberField field : values()) {
            if (field.jsonName.equals(jsonName)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
