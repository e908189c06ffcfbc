package dev.cxm.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.journey.funnel.Funnel;
import dev.cxm.journey.funnel.FunnelGroupResult;
import dev.cxm.journey.funnel.FunnelResult;
import dev.cxm.journey.funnel.FunnelStep;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The funnel gauges on a {@code SimpleMeterRegistry} against the published result itself: every gauge is the
 * result's count or conversion of its step and group, and {@code (other)} holds the sum of the folded groups'
 * counts, added up here from the result's groups.
 */
class FunnelMetersTest {

    private static final Channel[] CHANNELS = {Channel.WEB, Channel.MOBILE_APP, Channel.EMAIL, Channel.PHONE};
    private static final List<String> TOUCHPOINTS = List.of("home", "product", "checkout", "blog");
    private static final Funnel FUNNEL = Funnel.custom(List.of(FunnelStep.touchpoint("home"),
                    FunnelStep.touchpoint("product"), FunnelStep.touchpoint("checkout")))
            .window(Duration.ofHours(1)).breakdown(GroupKeys.channel()).build();

    private static List<CustomerEvent> events(long seed) {
        Random random = new Random(seed);
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String touchpoint = TOUCHPOINTS.get(random.nextInt(TOUCHPOINTS.size()));
            events.add(Interaction.builder(CustomerId.of("c" + random.nextInt(200)),
                    Instant.parse("2026-03-02T00:00:00Z").plusSeconds(random.nextInt(4 * 3600)),
                    Touchpoint.of(touchpoint, touchpoint, CHANNELS[random.nextInt(CHANNELS.length)]))
                    .eventId("e" + i).outcome("ok").build());
        }
        return events;
    }

    @Test
    void everyGaugeIsTheLatestResultsCountOrConversionAndLaterGroupsAddUpInOther() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FunnelMeters meters = FunnelMeters.custom(FUNNEL).name("checkout").maxGroups(2).build();
        meters.bindTo(registry);
        assertThat(gauge(registry, FunnelMeters.CUSTOMERS, 1, FunnelMeters.OVERALL)).isZero();
        assertThat(gauge(registry, FunnelMeters.CONVERSION, 1, FunnelMeters.OVERALL)).isNaN();

        FunnelResult result = FUNNEL.computeEvents(events(5));
        meters.publish(result);

        assertThat(result.groups()).hasSize(4);
        for (int step = 1; step <= 3; step++) {
            assertThat(gauge(registry, FunnelMeters.CUSTOMERS, step, FunnelMeters.OVERALL))
                    .isEqualTo(result.step(step).count());
            assertThat(gauge(registry, FunnelMeters.CONVERSION, step, FunnelMeters.OVERALL))
                    .isEqualTo(result.step(step).conversionFromStart().orElseThrow());
            for (FunnelGroupResult group : result.groups().subList(0, 2)) {
                assertThat(gauge(registry, FunnelMeters.CUSTOMERS, step, group.group()))
                        .isEqualTo(group.steps().get(step - 1).count());
                assertThat(gauge(registry, FunnelMeters.CONVERSION, step, group.group()))
                        .isEqualTo(group.steps().get(step - 1).conversionFromStart().orElseThrow());
            }
            long folded = 0;
            long foldedFirst = 0;
            for (FunnelGroupResult group : result.groups().subList(2, 4)) {
                folded += group.steps().get(step - 1).count();
                foldedFirst += group.steps().get(0).count();
            }
            assertThat(gauge(registry, FunnelMeters.CUSTOMERS, step, FunnelMeters.OTHER)).isEqualTo(folded);
            assertThat(gauge(registry, FunnelMeters.CONVERSION, step, FunnelMeters.OTHER))
                    .isEqualTo((double) folded / foldedFirst);
        }
        assertThat(registry.get(FunnelMeters.FOLDED).tags("funnel", "checkout").gauge().value()).isEqualTo(2);
        assertThat(registry.getMeters()).as("steps x (maxGroups + 2) x 2 + 1").hasSize(3 * 4 * 2 + 1);
        assertThat(meters.latest()).contains(result);
    }

    @Test
    void groupsTheDataNamesAllOrOtherAddUpInOtherAndLeaveTheOverallSeriesAlone() {
        // Oracle: the result itself; the overall gauge is the result's step count, (other) the sum, added up here,
        // of the data's groups named "(all)" and "(other)", and the group "a" its own count.
        Funnel bySegment = Funnel.custom(FUNNEL.steps()).window(Duration.ofHours(1))
                .breakdown(GroupKeys.attribute("segment")).build();
        String[] segments = {FunnelMeters.OVERALL, FunnelMeters.OTHER, "a"};
        Random random = new Random(11);
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String touchpoint = TOUCHPOINTS.get(random.nextInt(TOUCHPOINTS.size()));
            int customer = random.nextInt(200);
            events.add(Interaction.builder(CustomerId.of("c" + customer),
                    Instant.parse("2026-03-02T00:00:00Z").plusSeconds(random.nextInt(4 * 3600)),
                    Touchpoint.of(touchpoint, touchpoint, Channel.WEB)).eventId("e" + i).outcome("ok")
                    .attribute("segment", segments[customer % 3]).build());
        }
        FunnelResult result = bySegment.computeEvents(events);
        assertThat(result.groups()).extracting(FunnelGroupResult::group).containsExactlyInAnyOrder(segments);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FunnelMeters meters = FunnelMeters.custom(bySegment).name("checkout").build();
        meters.bindTo(registry);

        meters.publish(result);

        for (int step = 1; step <= 3; step++) {
            int index = step - 1;
            assertThat(gauge(registry, FunnelMeters.CUSTOMERS, step, FunnelMeters.OVERALL))
                    .isEqualTo(result.step(step).count());
            long reserved = result.groups().stream().filter(group -> !group.group().equals("a"))
                    .mapToLong(group -> group.steps().get(index).count()).sum();
            assertThat(gauge(registry, FunnelMeters.CUSTOMERS, step, FunnelMeters.OTHER)).isEqualTo(reserved);
            assertThat(gauge(registry, FunnelMeters.CUSTOMERS, step, "a")).isEqualTo(result.groups().stream()
                    .filter(group -> group.group().equals("a")).findFirst().orElseThrow().steps().get(index).count());
        }
        assertThat(registry.get(FunnelMeters.FOLDED).tags("funnel", "checkout").gauge().value()).isEqualTo(2);
    }

    @Test
    void theConfigurationFollowsTheHouseIdiom() {
        FunnelMeters meters = FunnelMeters.custom(FUNNEL).name("checkout").maxGroups(5).build();
        FunnelMeters published = FunnelMeters.from(meters).build().publish(FUNNEL.computeEvents(events(13)));

        assertThat(published).isEqualTo(meters).hasSameHashCodeAs(meters);
        assertThat(FunnelMeters.from(meters).maxGroups(6).build()).isNotEqualTo(meters);
        assertThat(FunnelMeters.from(meters).name("other").build()).isNotEqualTo(meters);
        assertThat(meters).hasToString("FunnelMeters[funnel=checkout, 3 steps, maxGroups 5]");
    }

    @Test
    void aResultOfAnotherFunnelOrABadSettingIsRefused() {
        FunnelResult twoSteps = Funnel.ofDefaults(List.of(FunnelStep.touchpoint("home"), FunnelStep.touchpoint("blog")))
                .computeEvents(events(6));

        assertThatThrownBy(() -> FunnelMeters.ofDefaults(FUNNEL).publish(twoSteps))
                .hasMessage("result: counts 2 steps; the funnel of funnel has 3");
        assertThatThrownBy(() -> FunnelMeters.custom(FUNNEL).maxGroups(0)).hasMessageStartingWith("maxGroups: 0 is"
                + " outside 1..1000");
    }

    private static double gauge(SimpleMeterRegistry registry, String name, int step, String group) {
        return registry.get(name).tags("funnel", "checkout", "step", Integer.toString(step), "group", group).gauge()
                .value();
    }
}
