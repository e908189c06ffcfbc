package dev.cxm.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * The configuration idiom of each text calculator: the defaults as documented, a copy {@code from} itself equal to
 * it (equals, hashCode, toString), a single change not equal, and each setter refusing each bad value by name while
 * keeping the previous one.
 */
class TextConfigurationTest {

    @Test
    void vaderSentiment() {
        VaderSentiment defaults = VaderSentiment.ofDefaults();
        assertThat(defaults.maxLength()).isEqualTo(10_000);
        assertThat(defaults.cxLexicon()).isTrue();
        assertSameConfiguration(VaderSentiment.from(defaults).build(), defaults);
        assertThat(VaderSentiment.custom().cxLexicon(false).build()).isNotEqualTo(defaults);
        VaderSentiment.Builder builder = VaderSentiment.custom().maxLength(50);
        assertThatThrownBy(() -> builder.maxLength(0)).hasMessage("maxLength: 0 is below 1; it must be a positive"
                + " number of characters");
        assertThat(builder.build().maxLength()).isEqualTo(50);
        assertThat(defaults.toString()).isEqualTo("VaderSentiment[maxLength 10000, cxLexicon]");
    }

    @Test
    void sentimentSummary() {
        SentimentSummary defaults = SentimentSummary.ofDefaults();
        assertThat(defaults.level()).isEqualTo(0.95);
        assertThat(defaults.neutralBand()).isEqualTo(0.05);
        assertThat(defaults.strongNegativeThreshold()).isEqualTo(-0.5);
        assertSameConfiguration(SentimentSummary.from(defaults).build(), defaults);
        assertThat(SentimentSummary.custom().level(0.9).build()).isNotEqualTo(defaults);
        SentimentSummary.Builder builder = SentimentSummary.custom();
        assertThatThrownBy(() -> builder.level(1)).hasMessageStartingWith("level: 1.0 is outside (0, 1)");
        assertThatThrownBy(() -> builder.neutralBand(0)).hasMessage("neutralBand: 0.0 is outside (0, 1)");
        assertThatThrownBy(() -> builder.neutralBand(0.6)).hasMessageStartingWith("strongNegativeThreshold: -0.5 is"
                + " outside [-1, -0.6]");
        assertThatThrownBy(() -> builder.strongNegativeThreshold(-1.5)).hasMessageStartingWith(
                "strongNegativeThreshold: -1.5 is outside [-1, -0.05]");
        assertThatThrownBy(() -> builder.strongNegativeThreshold(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.build()).isEqualTo(defaults);
    }

    @Test
    void sentimentBreakdown() {
        SentimentBreakdown defaults = SentimentBreakdown.ofDefaults();
        assertThat(defaults.analyzer()).isEqualTo(VaderSentiment.ofDefaults());
        assertThat(defaults.minimumN()).isEqualTo(30);
        assertThat(defaults.groupBy()).isEmpty();
        SentimentBreakdown weekly = SentimentBreakdown.custom().groupBy(GroupKeys.channel())
                .per(CalendarPeriod.WEEK, ZoneId.of("Europe/Berlin")).minimumN(5).build();
        assertSameConfiguration(SentimentBreakdown.from(weekly).build(), weekly);
        assertThat(SentimentBreakdown.from(weekly).noGroups().noPeriods().minimumN(30).build()).isEqualTo(defaults);
        assertThat(SentimentBreakdown.from(weekly).minimumN(6).build()).isNotEqualTo(weekly);
        SentimentBreakdown.Builder builder = SentimentBreakdown.from(weekly);
        assertThatThrownBy(() -> builder.minimumN(-1)).hasMessage("minimumN: -1 is negative; it must be 0 or more");
        assertThat(builder.build()).isEqualTo(weekly);
        assertThat(weekly.toString()).contains("by channel").contains("per week in Europe/Berlin");
    }

    @Test
    void themes() {
        Themes defaults = Themes.ofDefaults();
        assertThat(defaults.top()).isEqualTo(20);
        assertThat(defaults.minCount()).isEqualTo(3);
        assertThat(defaults.priorStrength()).isEmpty();
        assertThat(defaults.stopWords()).isEqualTo(Themes.defaultStopWords());
        assertThat(defaults.phrases()).isTrue();
        Themes custom = Themes.custom().top(5).minCount(2).priorStrength(500).excluding(List.of("Acme")).build();
        assertSameConfiguration(Themes.from(custom).build(), custom);
        assertThat(Themes.from(custom).pooledPrior().build()).isNotEqualTo(custom);
        assertThat(custom.excludedTerms()).containsExactly("acme");
        Themes.Builder builder = Themes.from(custom);
        assertThatThrownBy(() -> builder.top(0)).hasMessageStartingWith("top: 0");
        assertThatThrownBy(() -> builder.minCount(-2)).hasMessageStartingWith("minCount: -2");
        assertThatThrownBy(() -> builder.priorStrength(0)).hasMessageStartingWith("priorStrength: 0.0");
        assertThatThrownBy(() -> builder.priorStrength(Double.POSITIVE_INFINITY))
                .hasMessageStartingWith("priorStrength: Infinity");
        assertThat(builder.build()).isEqualTo(custom);
        assertThat(custom.toString()).isEqualTo("Themes[top 5, minCount 2, prior alpha_0 500.0, "
                + Themes.defaultStopWords().size() + " stop words, 1 excluded terms, phrases]");
    }

    @Test
    void textCsv() {
        TextCsv csv = TextCsv.custom("comment").idColumn("id").groupColumn("segment").separator(';').build();
        assertSameConfiguration(TextCsv.from(csv).build(), csv);
        assertThat(TextCsv.ofDefaults("comment")).isNotEqualTo(csv);
        TextCsv.Builder builder = TextCsv.from(csv);
        assertThatThrownBy(() -> builder.separator('a')).hasMessageStartingWith("separator: 'a' cannot separate");
        assertThatThrownBy(() -> builder.idColumn(" ")).hasMessageStartingWith("idColumn:");
        assertThatThrownBy(() -> TextCsv.custom("")).hasMessageStartingWith("textColumn:");
        assertThat(builder.build()).isEqualTo(csv);
    }

    private static void assertSameConfiguration(Object copy, Object original) {
        assertThat(copy).isEqualTo(original).hasSameHashCodeAs(original);
        assertThat(copy.toString()).isEqualTo(original.toString());
    }
}
