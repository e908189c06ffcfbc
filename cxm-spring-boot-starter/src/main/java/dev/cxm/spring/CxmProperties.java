package dev.cxm.spring;

import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of cxm in a Spring Boot host, under {@code cxm.*}; IDEs complete them from the configuration
 * metadata in the jar.
 *
 * @param store where events and customers are kept ({@code cxm.store.*})
 * @param feedback the feedback metrics ({@code cxm.feedback.*})
 * @param journey the journey tracker ({@code cxm.journey.*})
 * @param micrometer the live-score meters ({@code cxm.micrometer.*})
 */
@ConfigurationProperties("cxm")
public record CxmProperties(@DefaultValue Store store, @DefaultValue Feedback feedback,
        @DefaultValue Journey journey, @DefaultValue Micrometer micrometer) {

    /**
     * The journey tracker, made when cxm-journey is on the class path and a map is given.
     *
     * @param map the location of the journey map's JSON, such as classpath:journey.json; unset: no tracker
     *     (unless the host has a JourneyMap bean)
     * @param tolerance how far before a customer's latest event an event may arrive and still be placed
     * @param name the journey tag of the journey's meters
     */
    public record Journey(Optional<String> map, @DefaultValue("5m") Duration tolerance,
            @DefaultValue("journey") String name) {

        /**
         * Takes an unset map as empty: the binder passes {@code null} for a property that is not set.
         *
         * @param map the map's location, or empty
         * @param tolerance the tolerance
         * @param name the meters' journey tag
         */
        @SuppressWarnings("NullableOptional")
        public Journey {
            map = java.util.Objects.requireNonNullElse(map, Optional.empty());
        }
    }

    /**
     * Where events and customers are kept: in memory, unless cxm-jdbc is on the class path and either
     * {@code url} is set or the host has a {@code DataSource} (and {@code useDataSource} is not false).
     *
     * @param url the database of cxm's own connection pool: h2:PATH (an embedded H2 file, created when
     *     missing), jdbc:h2:... or jdbc:postgresql://HOST[:PORT]/DB; unset: the host's DataSource, if any
     * @param user the user of the url's database
     * @param password the password of the url's database
     * @param useDataSource whether, without a url, cxm keeps its tables in the host's DataSource
     * @param schema the schema of cxm's tables; unset: the connection's current schema
     * @param tablePrefix the prefix of every cxm table's name
     * @param migrate whether cxm applies its Flyway migrations (its own history table, cxm_schema_history);
     *     false when the host's Flyway applies them from cxm's location
     */
    public record Store(Optional<String> url, Optional<String> user, Optional<String> password,
            @DefaultValue("true") boolean useDataSource, Optional<String> schema,
            @DefaultValue("cxm_") String tablePrefix, @DefaultValue("true") boolean migrate) {

        /**
         * Takes unset values as empty: the binder passes {@code null} for a property that is not set.
         *
         * @param url the database of cxm's own pool, or empty
         * @param user its user, or empty
         * @param password its password, or empty
         * @param useDataSource whether to use the host's DataSource
         * @param schema the schema, or empty
         * @param tablePrefix the table prefix
         * @param migrate whether to migrate
         */
        @SuppressWarnings("NullableOptional")
        public Store {
            url = java.util.Objects.requireNonNullElse(url, Optional.empty());
            user = java.util.Objects.requireNonNullElse(user, Optional.empty());
            password = java.util.Objects.requireNonNullElse(password, Optional.empty());
            schema = java.util.Objects.requireNonNullElse(schema, Optional.empty());
        }

        /**
         * Returns the settings without the URL (it may carry a password among its settings) and the password,
         * for logs.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return "Store[url=" + (url.isPresent() ? "(set)" : "(unset)") + ", user=" + user.orElse("(unset)") + ", password="
                    + (password.isPresent() ? "(set)" : "(unset)") + ", useDataSource=" + useDataSource
                    + ", schema=" + schema.orElse("(current)") + ", tablePrefix=" + tablePrefix + ", migrate="
                    + migrate + "]";
        }
    }

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
