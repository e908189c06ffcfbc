package dev.cxm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.metrics.feedback.FeedbackRecorder;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.RatingScore;
import dev.cxm.micrometer.FeedbackMeters;
import io.micrometer.core.instrument.MeterRegistry;

/** Each condition of the auto-configuration, in a context runner: defaults, properties, host beans, no Micrometer. */
class CxmAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(CxmAutoConfiguration.class, CxmMicrometerAutoConfiguration.class));

    @Test
    void defaultsAreAnInMemoryStoreTheThreeMetricsTheirRecordersAndTheMeters() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(EventStore.class)).isInstanceOf(InMemoryEventStore.class);
            assertThat(context.getBean(NetPromoterScore.class)).isEqualTo(NetPromoterScore.ofDefaults());
            assertThat(context.getBean("csat", RatingScore.class)).isEqualTo(RatingScore.csat());
            assertThat(context.getBean("ces", RatingScore.class)).isEqualTo(RatingScore.ces());
            assertThat(context.getBean("npsRecorder", FeedbackRecorder.class).metric())
                    .isEqualTo(NetPromoterScore.ofDefaults());
            assertThat(context.getBean("csatRecorder", FeedbackRecorder.class).metric()).isEqualTo(RatingScore.csat());
            assertThat(context.getBean("cesRecorder", FeedbackRecorder.class).metric()).isEqualTo(RatingScore.ces());
            FeedbackMeters meters = context.getBean(FeedbackMeters.class);
            assertThat(meters.groupBy()).isEqualTo(GroupKeys.channel());
            assertThat(meters.maxGroups()).isEqualTo(50);
            assertThat(meters.window()).isEmpty();
            assertThat(meters.metrics()).containsExactly(NetPromoterScore.ofDefaults(), RatingScore.csat(),
                    RatingScore.ces());
        });
    }

    @Test
    void propertiesUnderCxmConfigureTheMetricsAndTheMeters() {
        runner.withPropertyValues("cxm.feedback.level=0.9", "cxm.micrometer.group-by=survey",
                "cxm.micrometer.max-groups=5", "cxm.micrometer.window=1h").run(context -> {
            assertThat(context.getBean(NetPromoterScore.class))
                    .isEqualTo(NetPromoterScore.custom().level(0.9).build());
            assertThat(context.getBean("csat", RatingScore.class))
                    .isEqualTo(RatingScore.from(RatingScore.csat()).level(0.9).build());
            FeedbackMeters meters = context.getBean(FeedbackMeters.class);
            assertThat(meters.groupBy()).isEqualTo(GroupKeys.survey());
            assertThat(meters.maxGroups()).isEqualTo(5);
            assertThat(meters.window()).contains(Duration.ofHours(1));
        });
    }

    @Test
    void aBadValueStopsTheContextNamingTheSetting() {
        runner.withPropertyValues("cxm.micrometer.max-groups=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageStartingWith("maxGroups: 0 is outside");
        });
        runner.withPropertyValues("cxm.feedback.level=1.5").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("level");
        });
    }

    @Test
    void everyBeanBacksOffWhenTheHostDefinesItsOwn() {
        runner.withUserConfiguration(HostBeans.class).run(context -> {
            assertThat(context).hasSingleBean(EventStore.class).hasSingleBean(NetPromoterScore.class)
                    .hasSingleBean(FeedbackMeters.class);
            assertThat(context.getBean(EventStore.class)).isSameAs(HostBeans.STORE);
            assertThat(context.getBean(NetPromoterScore.class)).isSameAs(HostBeans.NPS);
            assertThat(context.getBean("csat", RatingScore.class)).isSameAs(HostBeans.CSAT);
            assertThat(context.getBean(FeedbackMeters.class)).isSameAs(HostBeans.METERS);
            assertThat(context.getBean("npsRecorder", FeedbackRecorder.class).metric()).isSameAs(HostBeans.NPS);
        });
    }

    @Test
    void withoutMicrometerOrWhenDisabledThereAreNoMeters() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(FeedbackMeters.class).hasSingleBean(EventStore.class);
        });
        runner.withClassLoader(new FilteredClassLoader(FeedbackMeters.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean("feedbackMeters");
        });
        runner.withPropertyValues("cxm.micrometer.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(FeedbackMeters.class);
        });
    }

    @Test
    void theJarCarriesConfigurationMetadataForEveryProperty() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated by spring-boot-configuration-processor").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        Map<String, JsonNode> properties = new java.util.TreeMap<>();
        metadata.get("properties").forEach(property -> properties.put(property.get("name").asText(), property));

        assertThat(properties).containsKeys("cxm.store.url", "cxm.store.user", "cxm.store.password",
                "cxm.store.use-data-source", "cxm.store.schema", "cxm.store.table-prefix", "cxm.store.migrate",
                "cxm.feedback.level", "cxm.journey.map", "cxm.journey.tolerance", "cxm.journey.name", "cxm.micrometer.enabled", "cxm.micrometer.group-by",
                "cxm.micrometer.max-groups", "cxm.micrometer.window");
        assertThat(properties.get("cxm.micrometer.group-by").get("defaultValue").asText()).isEqualTo("channel");
        assertThat(properties.get("cxm.micrometer.max-groups").get("defaultValue").asInt()).isEqualTo(50);
        assertThat(properties.get("cxm.feedback.level").get("defaultValue").asDouble()).isEqualTo(0.95);
        assertThat(properties.get("cxm.store.table-prefix").get("defaultValue").asText()).isEqualTo("cxm_");
        assertThat(properties.get("cxm.store.migrate").get("defaultValue").asBoolean()).isTrue();
        assertThat(properties.get("cxm.journey.tolerance").get("defaultValue").asText()).isEqualTo("5m");
        for (JsonNode property : properties.values()) {
            assertThat(property.path("description").asText()).as(property.get("name").asText()).isNotBlank();
        }
    }

    /** A host that defines its own beans. */
    @Configuration(proxyBeanMethods = false)
    static class HostBeans {
        static final EventStore STORE = InMemoryEventStore.create();
        static final NetPromoterScore NPS = NetPromoterScore.custom().level(0.8).build();
        static final RatingScore CSAT = RatingScore.from(RatingScore.csat()).level(0.8).build();
        static final FeedbackMeters METERS = FeedbackMeters.custom().metrics(List.of(NPS)).build();

        @Bean
        EventStore hostStore() {
            return STORE;
        }

        @Bean
        NetPromoterScore hostNps() {
            return NPS;
        }

        @Bean
        RatingScore csat() {
            return CSAT;
        }

        @Bean
        FeedbackMeters hostMeters() {
            return METERS;
        }
    }
}
