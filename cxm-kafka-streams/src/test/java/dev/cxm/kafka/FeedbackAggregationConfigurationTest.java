package dev.cxm.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.feedback.RatingScore;

/** The configuration idiom: documented defaults, value equality, copies, and setters that refuse at once. */
class FeedbackAggregationConfigurationTest {

    private static final TimeWindows HOURLY = TimeWindows.ofSizeAndGrace(Duration.ofHours(1), Duration.ofMinutes(5));

    @Test
    void defaultsAreOneGroupUpdatesAndAStoreNamedAfterTheScale() {
        FeedbackAggregation<NpsResult> defaults = FeedbackAggregation.ofDefaults(NetPromoterScore.ofDefaults(), HOURLY);

        assertThat(defaults.groupBy()).isEmpty();
        assertThat(defaults.emit()).isEqualTo(EmitStrategy.StrategyType.ON_WINDOW_UPDATE);
        assertThat(defaults.storeName()).isEqualTo("cxm-nps-all");
        assertThat(defaults.windows()).isEqualTo(HOURLY);
        assertThat(defaults).isEqualTo(FeedbackAggregation.custom(NetPromoterScore.ofDefaults(), HOURLY).build())
                .hasSameHashCodeAs(FeedbackAggregation.custom(NetPromoterScore.ofDefaults(), HOURLY).build());
    }

    @Test
    void storeNamesFollowTheKeyWithCharactersKafkaRefusesReplaced() {
        assertThat(FeedbackAggregation.custom(NetPromoterScore.ofDefaults(), HOURLY).groupBy(GroupKeys.channel())
                .build().storeName()).isEqualTo("cxm-nps-by-channel");
        assertThat(FeedbackAggregation.custom(RatingScore.csat(), HOURLY).groupBy(GroupKeys.attribute("plan"))
                .build().storeName()).isEqualTo("cxm-csat-by-attribute_plan");
    }

    @Test
    void fromCopiesEverySettingAndOneChangeMakesAnotherValue() {
        FeedbackAggregation<NpsResult> custom = FeedbackAggregation.custom(NetPromoterScore.ofDefaults(), HOURLY)
                .groupBy(GroupKeys.survey()).storeName("nps-by-survey").emitOnWindowClose().build();

        assertThat(FeedbackAggregation.from(custom).build()).isEqualTo(custom).hasSameHashCodeAs(custom)
                .hasToString(custom.toString());
        assertThat(FeedbackAggregation.from(custom).emitOnWindowUpdate().build()).isNotEqualTo(custom);
        assertThat(FeedbackAggregation.from(custom).noGroups().build().groupBy()).isEmpty();
        assertThat(custom.toString()).contains("by survey", "nps-by-survey", "ON_WINDOW_CLOSE");
    }

    @Test
    void aStoreNameKafkaCannotUseIsRefusedAndLeavesTheBuilderAsItWas() {
        FeedbackAggregation.Builder<NpsResult> builder = FeedbackAggregation.custom(NetPromoterScore.ofDefaults(),
                HOURLY).storeName("kept");

        assertThatThrownBy(() -> builder.storeName("no spaces")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("storeName: a name of 9 characters with a character outside a-z A-Z 0-9 . _ -;"
                        + " it must be 1 to 200 of those, as Kafka names topics");
        assertThatThrownBy(() -> builder.storeName("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("storeName: a name of 0 characters without");
        assertThatThrownBy(() -> builder.groupBy(null)).isInstanceOf(NullPointerException.class);
        assertThat(builder.build().storeName()).isEqualTo("kept");
    }
}
