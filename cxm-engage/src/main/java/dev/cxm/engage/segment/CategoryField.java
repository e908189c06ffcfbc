package dev.cxm.engage.segment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import dev.cxm.core.model.Channel;
import dev.cxm.engage.profile.CustomerProfile;
import dev.cxm.engage.profile.NpsCategory;
import dev.cxm.journey.track.StageVisit;

/** The categorical fields of a profile a condition tests for membership in a set; each has its JSON name. */
public enum CategoryField {
    /** The NPS category of the latest NPS answer: {@code promoter}, {@code passive} or {@code detractor}. */
    NPS_CATEGORY("npsCategory"),
    /** The preferred channel, in lower case, such as {@code web} or {@code mobile_app}. */
    PREFERRED_CHANNEL("preferredChannel"),
    /** The current journey stage's name. */
    JOURNEY_STAGE("journeyStage");

    private static final String[] CHANNEL_NAMES = Arrays.stream(Channel.values())
            .map(channel -> channel.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    private final String jsonName;

    CategoryField(String jsonName) {
        this.jsonName = jsonName;
    }

    /**
     * Returns the name in JSON, such as {@code npsCategory}.
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
     * @return the value; empty when the profile has none
     */
    public Optional<String> valueOf(CustomerProfile profile) {
        switch (this) {
            case NPS_CATEGORY:
                return profile.npsCategory().map(NpsCategory::label);
            case PREFERRED_CHANNEL:
                return profile.preferredChannel().map(channel -> CHANNEL_NAMES[channel.ordinal()]);
            case JOURNEY_STAGE:
                return profile.journeyStage().map(StageVisit::stage);
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Returns the field with the given JSON name.
     *
     * @param jsonName the name, such as {@code npsCategory}
     * @return the field, or empty when no category field has that name
     */
    public static Optional<CategoryField> ofJsonName(String jsonName) {
        for (CategoryField field : values()) {
            if (field.jsonName.equals(jsonName)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
