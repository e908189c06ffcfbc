package dev.cxm.engage.segment;

import java.time.Instant;
import java.util.Optional;

import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.PurchaseMark;
import dev.cxm.journey.track.StageVisit;

/** The instants of a profile whose time since a condition compares; each has its JSON name. */
public enum TimeField {
    /** When the customer was first seen. */
    FIRST_SEEN("firstSeen"),
    /** When the customer's latest event happened. */
    LAST_SEEN("lastSeen"),
    /** When the latest purchase was placed. */
    LAST_PURCHASE("lastPurchase"),
    /** When the current journey stage was entered. */
    STAGE_ENTERED("stageEntered");

    private final String jsonName;

    TimeField(String jsonName) {
        this.jsonName = jsonName;
    }

    /**
     * Returns the name in JSON, such as {@code lastSeen}.
     *
     * @return the name
     */
    public String jsonName() {
        return jsonName;
    }

    /**
     * Returns the field's instant in a profile.
     *
     * @param profile the profile
     * @return the instant; empty when the profile has none
     */
    public Optional<Instant> valueOf(CustomerProfile profile) {
        switch (this) {
            case FIRST_SEEN:
                return profile.firstSeen();
            case LAST_SEEN:
                return profile.lastSeen();
            case LAST_PURCHASE:
                return profile.lastPurchase().map(PurchaseMark::at);
            case STAGE_ENTERED:
                return profile.journeyStage().map(StageVisit::enteredAt);
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Returns the field with the given JSON name.
     *
     * @param jsonName the name, such as {@code lastSeen}
     * @return the field, or empty when no time field has that name
     */
    public static Optional<TimeField> ofJsonName(String jsonName) {
        for (TimeField field : values()) {
            if (field.jsonName.equals(jsonName)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
