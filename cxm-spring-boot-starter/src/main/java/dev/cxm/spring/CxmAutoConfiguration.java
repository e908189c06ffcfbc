package dev.cxm.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.cxm.core.store.CustomerStore;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryCustomerStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.metrics.feedback.FeedbackRecorder;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.feedback.RatingResult;
import dev.cxm.metrics.feedback.RatingScore;

/**
 * The core of cxm in a Spring Boot host: an in-memory {@link EventStore} and {@link CustomerStore} (unless
 * {@link CxmJdbcAutoConfiguration} made them in a database), the feedback metrics NPS, CSAT and CES at the
 * level of {@code cxm.feedback.level}, and a thread-safe {@link FeedbackRecorder} of each. Every bean backs
 * off when the host defines its own (by type for the stores and NPS, by name for {@code csat}, {@code ces}
 * and the recorders).
 */
@AutoConfiguration
@EnableConfigurationProperties(CxmProperties.class)
public class CxmAutoConfiguration {

    /** Made by Spring. */
    public CxmAutoConfiguration() {}

    /**
     * Returns the in-memory event store, when neither the host nor {@link CxmJdbcAutoConfiguration} made one.
     *
     * @param properties the settings
     * @return the store
     * @throws IllegalStateException when {@code cxm.store.url} is set, which needs cxm-jdbc on the class path
     */
    @Bean
    @ConditionalOnMissingBean
    public EventStore eventStore(CxmProperties properties) {
        requireNoUrl(properties);
        return InMemoryEventStore.create();
    }

    /**
     * Returns the in-memory customer store, when neither the host nor {@link CxmJdbcAutoConfiguration} made one.
     *
     * @param properties the settings
     * @return the store
     * @throws IllegalStateException when {@code cxm.store.url} is set, which needs cxm-jdbc on the class path
     */
    @Bean
    @ConditionalOnMissingBean
    public CustomerStore customerStore(CxmProperties properties) {
        requireNoUrl(properties);
        return InMemoryCustomerStore.create();
    }

    /** A database named but kept in memory would lose every event at the next start: refused. */
    private static void requireNoUrl(CxmProperties properties) {
        if (properties.store().url().isPresent()) {
            throw new IllegalStateException("cxm.store.url: set, but cxm-jdbc (dev.cxm:cxm-jdbc) is not on the class"
                    + " path; add it, or unset cxm.store.url to keep events in memory");
        }
    }

    /**
     * Returns the NPS metric at the configured level.
     *
     * @param properties the settings
     * @return the metric
     */
    @Bean
    @ConditionalOnMissingBean
    public NetPromoterScore netPromoterScore(CxmProperties properties) {
        return NetPromoterScore.custom().level(properties.feedback().level()).build();
    }

    /**
     * Returns the CSAT metric (top-2-box share on 1..5) at the configured level.
     *
     * @param properties the settings
     * @return the metric
     */
    @Bean
    @ConditionalOnMissingBean(name = "csat")
    public RatingScore csat(CxmProperties properties) {
        return RatingScore.from(RatingScore.csat()).level(properties.feedback().level()).build();
    }

    /**
     * Returns the CES metric (mean effort on 1..7) at the configured level.
     *
     * @param properties the settings
     * @return the metric
     */
    @Bean
    @ConditionalOnMissingBean(name = "ces")
    public RatingScore ces(CxmProperties properties) {
        return RatingScore.from(RatingScore.ces()).level(properties.feedback().level()).build();
    }

    /**
     * Returns a thread-safe recorder of NPS responses.
     *
     * @param netPromoterScore the metric
     * @return the recorder
     */
    @Bean
    @ConditionalOnMissingBean(name = "npsRecorder")
    public FeedbackRecorder<NpsResult> npsRecorder(NetPromoterScore netPromoterScore) {
        return netPromoterScore.recorder();
    }

    /**
     * Returns a thread-safe recorder of CSAT responses.
     *
     * @param csat the metric
     * @return the recorder
     */
    @Bean
    @ConditionalOnMissingBean(name = "csatRecorder")
    public FeedbackRecorder<RatingResult> csatRecorder(RatingScore csat) {
        return csat.recorder();
    }

    /**
     * Returns a thread-safe recorder of CES responses.
     *
     * @param ces the metric
     * @return the recorder
     */
    @Bean
    @ConditionalOnMissingBean(name = "cesRecorder")
    public FeedbackRecorder<RatingResult> cesRecorder(RatingScore ces) {
        return ces.recorder();
    }
}
