package dev.cxm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.map.Stage;
import dev.cxm.journey.track.StageTracker;
import dev.cxm.journey.track.StageTracking;
import dev.cxm.micrometer.JourneyMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The journey tracker's conditions in a context runner: no map, a map by location (the oracle: the same map
 * built in code, and what the tracker then tracks), the host's own beans, cxm-journey absent, Micrometer absent.
 */
class CxmJourneyAutoConfigurationTest {

    /** The map of {@code journey-map.json} in the test resources, built in code. */
    private static final JourneyMap MAP = JourneyMap.builder()
            .stage(Stage.named("awareness").touchpoints("home").build())
            .stage(Stage.named("purchase").touchpoints("checkout").expectedTime(Duration.ofDays(1)).build())
            .stage(Stage.named("service").touchpoints("hotline").finalStage().build())
            .transition("awareness", "purchase").transition("purchase", "service").transition("service", "purchase")
            .build();
    private static final String LOCATION = "cxm.journey.map=classpath:dev/cxm/spring/journey-map.json";

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(CxmAutoConfiguration.class, CxmJourneyAutoConfiguration.class,
                    CxmMicrometerAutoConfiguration.class));

    @Test
    void withoutAMapThereIsNoTracker() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(StageTracker.class)
                .doesNotHaveBean(JourneyMeters.class));
    }

    @Test
    void aMapByLocationGivesATrackerWithTheToleranceTheHostsClockAndItsMeters() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-05T00:00:00Z"), ZoneOffset.UTC);
        runner.withPropertyValues(LOCATION, "cxm.journey.tolerance=10m", "cxm.journey.name=shop")
                .withBean(Clock.class, () -> clock).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(JourneyMap.class)).isEqualTo(MAP);
                    StageTracker tracker = context.getBean(StageTracker.class);
                    assertThat(tracker.configuration()).isEqualTo(StageTracking.custom(MAP)
                            .tolerance(Duration.ofMinutes(10)).clock(clock).build());
                    tracker.track(Interaction.builder(CustomerId.of("ann"), Instant.parse("2026-03-02T10:00:00Z"),
                            Touchpoint.of("checkout", "Checkout", Channel.WEB)).eventId("e1").outcome("ok").build());
                    // By the fixed clock, three days in purchase (expected: one) is a stall.
                    assertThat(tracker.checkStalls()).hasSize(1);

                    JourneyMeters meters = context.getBean(JourneyMeters.class);
                    assertThat(meters.name()).isEqualTo("shop");
                    assertThat(meters.tracker()).isSameAs(tracker);
                    SimpleMeterRegistry registry = new SimpleMeterRegistry();
                    meters.bindTo(registry);
                    assertThat(registry.get(JourneyMeters.CUSTOMERS).tags("journey", "shop", "stage", "purchase")
                            .gauge().value()).isEqualTo(1.0);
                });
    }

    @Test
    void aLocationThatHoldsNothingStopsTheContextNamingTheSetting() {
        runner.withPropertyValues("cxm.journey.map=classpath:no/such/map.json").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessage("cxm.journey.map: classpath:no/such/map.json"
                    + " does not exist; name the JSON of a journey map, such as classpath:journey.json");
        });
    }

    @Test
    void theHostsMapOrTrackerIsKept() {
        runner.withBean(JourneyMap.class, () -> MAP).run(context -> {
            assertThat(context).hasSingleBean(StageTracker.class);
            assertThat(context.getBean(StageTracker.class).configuration().map()).isSameAs(MAP);
        });
        StageTracker own = StageTracking.ofDefaults(MAP).tracker();
        runner.withPropertyValues(LOCATION).withBean(StageTracker.class, () -> own).run(context -> {
            assertThat(context).hasSingleBean(StageTracker.class);
            assertThat(context.getBean(StageTracker.class)).isSameAs(own);
            assertThat(context.getBean(JourneyMeters.class).tracker()).isSameAs(own);
        });
    }

    @Test
    void withoutCxmJourneyOrMicrometerTheRestStands() {
        runner.withPropertyValues(LOCATION).withClassLoader(new FilteredClassLoader(StageTracker.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("stageTracker")
                        .doesNotHaveBean("journeyMeters").hasBean("feedbackMeters"));
        runner.withPropertyValues(LOCATION).withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(StageTracker.class)
                        .doesNotHaveBean(JourneyMeters.class));
    }
}
