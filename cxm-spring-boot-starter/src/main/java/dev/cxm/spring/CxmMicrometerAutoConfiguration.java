package dev.cxm.spring;

import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.RatingScore;
import dev.cxm.micrometer.FeedbackMeters;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The live-score meters ({@link FeedbackMeters}) of the NPS, CSAT and CES beans, when Micrometer and
 * cxm-micrometer are on the class path and {@code cxm.micrometer.enabled} is not false. Spring Boot's
 * metrics auto-configuration binds it to the host's registries as it binds every {@code MeterBinder}; the host
 * records responses with {@code feedbackMeters.record(response)}.
 */
@AutoConfiguration(after = CxmAutoConfiguration.class)
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
}
