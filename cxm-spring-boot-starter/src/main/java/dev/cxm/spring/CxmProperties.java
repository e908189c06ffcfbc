package dev.cxm.spring;

import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of cxm in a Spring Boot host, under {@code cxm.*}; IDEs complete them from the configuration
 * metadata in the jar.
 *
 * @param feedback the feedback metrics ({@code cxm.feedback.*})
 * @param micrometer the live-score meters ({@code cxm.micrometer.*})
 */
@ConfigurationProperties("cxm")
public record CxmProperties(@DefaultValue Feedback feedback, @DefaultValue Micrometer micrometer) {

    /**
     * The feedback metrics.
     *
     * @param level the confidence level of every interval, above 0 and below 1
     */
    public record Feedback(@DefaultValue("0.95") double level) {}

    /**
     * The live-score meters ({@code FeedbackMeters}), made when Micrometer and cxm-micrometer are on the
     * class path.
     *
     * @param enabled whether to publish the meters
     * @param groupBy the group key of the meters: channel, touchpoint, touchpoint_name, stage, survey, or an
     *     attribute's name
     * @param maxGroups how many groups each metric publishes before it folds the rest into "(other)"
     * @param window the tumbling window the gauges count, such as 1h; unset: every response since the start
     */
    public record Micrometer(@DefaultValue("true") boolean enabled, @DefaultValue("channel") String groupBy,
            @DefaultValue("50") int maxGroups, Optional<Duration> window) {

        /**
         * Takes an unset window as empty: the binder passes {@code null} for a property that is not set.
         *
         * @param enabled whether to publish the meters
         * @param groupBy the group key of the meters
         * @param maxGroups how many groups each metric publishes
         * @param window the tumbling window, or empty
         */
        @SuppressWarnings("NullableOptional")
        public Micrometer {
            window = java.util.Objects.requireNonNullElse(window, Optional.empty());
        }
    }
}
