package dev.cxm.spring;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.journey.track.StageTracking;

/**
 * The journey tracker of cxm-journey, when it is on the class path and a journey map is configured
 * ({@code cxm.journey.map}, a resource location such as {@code classpath:journey.json} holding the map's JSON,
 * as {@code JourneyMap.toJson()} writes it) or the host has a {@link JourneyMap} bean: a {@link StageTracker}
 * with the tolerance of {@code cxm.journey.tolerance}, its stalls checked against the host's {@link Clock} bean
 * if there is one. The host tracks events with {@code stageTracker.track(event)}; with Micrometer, the stage
 * populations are gauges ({@code JourneyMeters}). Each bean backs off when the host defines its own.
 */
@AutoConfiguration(after = CxmAutoConfiguration.class)
@ConditionalOnClass(StageTracker.class)
@Conditional(CxmJourneyAutoConfiguration.MapGiven.class)
public class CxmJourneyAutoConfiguration {

    /** Made by Spring. */
    public CxmJourneyAutoConfiguration() {}

    /**
     * Returns the journey map read from {@code cxm.journey.map}.
     *
     * @param properties the settings
     * @param resources where the location is looked up
     * @return the map
     * @throws IllegalStateException when the location holds nothing
     * @throws IOException when the map cannot be read
     * @throws IllegalArgumentException when the JSON is not a valid journey map
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "cxm.journey", name = "map")
    public JourneyMap journeyMap(CxmProperties properties, ResourceLoader resources) throws IOException {
        String location = properties.journey().map().orElseThrow();
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException("cxm.journey.map: " + location + " does not exist; name the JSON of a"
                    + " journey map, such as classpath:journey.json");
        }
        try (Reader json = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return JourneyMap.fromJson(json);
        }
    }

    /**
     * Returns the tracker of customers through the map's stages, in memory.
     *
     * @param map the journey map
     * @param properties the settings
     * @param clock the host's clock, if it has one; else the system clock in UTC
     * @return the tracker
     */
    @Bean
    @ConditionalOnMissingBean
    public StageTracker stageTracker(JourneyMap map, CxmProperties properties, ObjectProvider<Clock> clock) {
        return StageTracking.custom(map).tolerance(properties.journey().tolerance())
                .clock(clock.getIfAvailable(Clock::systemUTC)).build().tracker();
    }

    /** A journey map is given: {@code cxm.journey.map} is set, or the host has a map bean. */
    static final class MapGiven extends AnyNestedCondition {

        MapGiven() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        /** {@code cxm.journey.map} is set. */
        @ConditionalOnProperty(prefix = "cxm.journey", name = "map")
        static final class Location {}

        /** The host has a journey map. */
        @ConditionalOnBean(JourneyMap.class)
        static final class HostMap {}
    }
}
