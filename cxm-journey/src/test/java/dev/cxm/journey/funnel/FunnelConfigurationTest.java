package dev.cxm.journey.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.journey.EventMatcher;

/** The funnel follows the configuration idiom; bad values are refused naming the field (the rule is the oracle). */
class FunnelConfigurationTest {

    private static final List<FunnelStep> STEPS = List.of(FunnelStep.touchpoint("a"), FunnelStep.touchpoint("b"));

    @Test
    void defaultsAreDocumentedAndConfigurationsCompareByValue() {
        Funnel defaults = Funnel.ofDefaults(STEPS);
        assertThat(defaults.window()).isEqualTo(Duration.ofDays(14));
        assertThat(defaults.order()).isEqualTo(FunnelOrder.ORDERED);
        assertThat(defaults.counting()).isEqualTo(FunnelCounting.FIRST_COMPLETION);
        assertThat(defaults.exclusions()).isEmpty();
        assertThat(defaults.breakdown()).isEmpty();
        assertThat(defaults.dropOffSample()).isEqualTo(100);
        assertThat(defaults.level()).isEqualTo(0.95);
        Funnel custom = Funnel.custom(STEPS).window(Duration.ofDays(7)).order(FunnelOrder.STRICT)
                .exclude(EventMatcher.touchpoint("x"), 1, 2).breakdown(GroupKeys.channel(), Attribution.atStep(2))
                .dropOffSample(5).level(0.9).build();
        assertThat(Funnel.from(custom).build()).isEqualTo(custom).hasSameHashCodeAs(custom);
        assertThat(Funnel.custom(STEPS).window(Duration.ofDays(7)).order(FunnelOrder.STRICT)
                .exclude(EventMatcher.touchpoint("x"), 1, 2).breakdown(GroupKeys.channel(), Attribution.atStep(2))
                .dropOffSample(5).level(0.9).build()).isEqualTo(custom);
        assertThat(custom.toString()).contains("PT168H");
        assertThat(Funnel.from(custom).counting(FunnelCounting.EVERY_ATTEMPT).build()).isNotEqualTo(custom);
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndLeaveTheBuilderAsItWas() {
        Funnel.Builder builder = Funnel.custom(STEPS);
        assertThatThrownBy(() -> builder.window(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window: PT0S is not positive; a conversion window is more than zero");
        assertThatThrownBy(() -> builder.window(Duration.ofSeconds(-1))).hasMessageStartingWith("window: PT-1S");
        assertThatThrownBy(() -> builder.exclude(EventMatcher.touchpoint("x"), 2, 2))
                .hasMessageStartingWith("exclusion toStep: 2 is not after fromStep 2");
        assertThatThrownBy(() -> builder.exclude(EventMatcher.touchpoint("x"), 1, 3))
                .hasMessageStartingWith("exclusions: toStep 3 is beyond the 2 steps");
        assertThatThrownBy(() -> builder.breakdown(GroupKeys.channel(), Attribution.atStep(3)))
                .hasMessageStartingWith("attribution: step 3 is beyond");
        assertThatThrownBy(() -> builder.level(1)).hasMessageStartingWith("level: 1.0 is outside (0, 1)");
        assertThatThrownBy(() -> builder.dropOffSample(-1)).hasMessageStartingWith("dropOffSample: -1 is negative");
        assertThat(builder.build()).isEqualTo(Funnel.ofDefaults(STEPS));
    }

    @Test
    void anEmptyStepListAndExclusionsOfAnUnorderedFunnelAreRefused() {
        assertThatThrownBy(() -> Funnel.ofDefaults(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("steps: the list is empty; a funnel has at least one step");
        assertThatThrownBy(() -> Funnel.custom(STEPS).order(FunnelOrder.UNORDERED)
                .exclude(EventMatcher.touchpoint("x"), 1, 2).build())
                .hasMessageStartingWith("exclusions: an unordered funnel has no order of steps");
        assertThatThrownBy(() -> new FunnelStep(" ", EventMatcher.touchpoint("a"))).hasMessageStartingWith("step name:");
        assertThatThrownBy(() -> Funnel.ofDefaults(java.util.Collections.nCopies(33, FunnelStep.touchpoint("a"))))
                .hasMessageStartingWith("steps: 33 are more than the 32");
        assertThatThrownBy(() -> new Funnel(STEPS, Duration.ofDays(1), FunnelOrder.ORDERED,
                FunnelCounting.FIRST_COMPLETION, List.of(), Optional.empty(), Attribution.firstTouch(), 1, 0.95).accumulator(new FunnelState(0, 0, new long[3],
                        Funnel.ofDefaults(List.of(FunnelStep.touchpoint("a"), FunnelStep.touchpoint("b"),
                                FunnelStep.touchpoint("c"))).accumulator().state().overall(), List.of())))
                .hasMessageStartingWith("state: counts 3 steps; this funnel has 2");
    }

    @Test
    void stepsAreNamedByTheirMatcherAndMatchersCompareByValue() {
        assertThat(FunnelStep.touchpoint("checkout").name()).isEqualTo("checkout");
        assertThat(FunnelStep.of(EventMatcher.and(EventMatcher.attribute("plan", "pro"),
                EventMatcher.or(EventMatcher.touchpoint("a"), EventMatcher.not(EventMatcher.stage("buy"))))).name())
                .isEqualTo("plan=pro and (a or not stage=buy)");
        assertThat(EventMatcher.touchpoint("a")).isEqualTo(EventMatcher.touchpoint("a"));
        assertThat(FunnelOrder.parse(" Strict ")).isEqualTo(FunnelOrder.STRICT);
        assertThatThrownBy(() -> FunnelOrder.parse("random"))
                .hasMessage("order: is not a funnel order; expected ordered, strict or unordered");
        assertThat(FunnelCounting.parse("Every-Attempt")).isEqualTo(FunnelCounting.EVERY_ATTEMPT);
        assertThat(FunnelCounting.FIRST_COMPLETION.cliName()).isEqualTo("first-completion");
        assertThatThrownBy(() -> FunnelCounting.parse("totals"))
                .hasMessage("counting: is not a funnel counting; expected first-completion or every-attempt");
    }
}
