package dev.cxm.spring;

import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.RatingScore;
import dev.cxm.micrometer.FeedbackMeters;
import dev.cxm.micrometer.JourneyMeters;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The live-score meters ({@link FeedbackMeters}) of the NPS, CSAT and CES beans, and the journey's meters
 * ({@link JourneyMeters}) of the {@link StageTracker} bean when there is one, when Micrometer and cxm-micrometer
 * are on the class path and {@code cxm.micrometer.enabled} is not false. Spring Boot's metrics
 * auto-configuration binds them to the host's registries as it binds every {@code MeterBinder}; the host
 * records responses with {@code feedbackMeters.record(response)} and tracks events with the tracker.
 */
@AutoConfiguration(after = {CxmAutoConfiguration.class, CxmJourneyAutoConfiguration.class})
@ConditionalOnClass({MeterRegistry.class, FeedbackMeters.class})
@ConditionalOnProperty(prefix = "cxm.micrometer", name = "enabled", havingValue = "true", matchIfMissing = true)
public class CxmMicrometerAutoConfiguration {

    /** Made by Spring. */
    public CxmMicrometerAutoConfiguration() {}

    /**
     * Returns the meters configured by {@code cxm.micrometer.*}.
     *
     * @param properties the settings
     * @param netPromoterScore the NPS metric
     * @param csat the CSAT metric
     * @param ces the CES metric
     * @return the meters
     */
    @Bean
    @ConditionalOnMissingBean
    public FeedbackMeters feedbackMeters(CxmProperties properties, NetPromoterScore netPromoterScore,
            @Qualifier("csat") RatingScore csat, @Qualifier("ces") RatingScore ces) {
        CxmProperties.Micrometer settings = properties.micrometer();
        FeedbackMeters.Builder builder = FeedbackMeters.custom().metrics(List.of(netPromoterScore, csat, ces))
                .groupBy(GroupKeys.named(settings.groupBy())).maxGroups(settings.maxGroups());
        settings.window().ifPresent(builder::window);
        return builder.build();
    }

    /** The journey's meters, only when cxm-journey is on the class path (cxm-micrometer brings it, unless excluded). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.cxm.journey.track.StageTracker")
    static class JourneyMetersConfiguration {

        /**
         * Returns the meters of the journey tracker: customers per stage, ignored events, tagged
         * {@code journey=}{@code cxm.journey.name}.
         *
         * @param properties the settings
         * @param tracker the tracker
         * @return the meters
         */
        @Bean
        @ConditionalOnBean(StageTracker.class)
        @ConditionalOnMissingBean
        JourneyMeters journeyMeters(CxmProperties properties, StageTracker tracker) {
            return JourneyMeters.custom(tracker).name(properties.journey().name()).build();
        }
    }
}
