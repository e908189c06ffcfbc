package dev.cxm.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.metrics.stats.ConfidenceInterval;
import dev.cxm.metrics.time.CalendarPeriod;

/**
 * The guards, boundaries and small contracts of the text package's records and configurations: each invalid value
 * refused by name (the rule of each Javadoc), each boundary value accepted, and the numbers of the intervals at the
 * edges of the t-quantile cache checked against closed forms: for 1 degree of freedom the t distribution is
 * Cauchy's, {@code t(0.975, 1) = tan(0.475 pi)}; for many, the Cornish-Fisher expansion of t in z = 1.959963984540054
 * (Abramowitz &amp; Stegun 26.7.5, four terms, error below 1e-12 at 511 degrees of freedom). Means and variances
 * by the two-pass formula in the test.
 */
class TextRecordsEdgeCasesTest {

    private static final double Z975 = 1.959963984540054;

    @Test
    void aScoreRefusesEachProportionOutsideZeroToOneByName() {
        assertThatThrownBy(() -> new SentimentScore(0, -0.5, 1.5, 0, false, false))
                .hasMessage("positive: -0.5 is outside [0, 1]; it is a proportion");
        assertThatThrownBy(() -> new SentimentScore(0, 0, 1.5, -0.5, false, false))
                .hasMessage("neutral: 1.5 is outside [0, 1]; it is a proportion");
        assertThatThrownBy(() -> new SentimentScore(0, 0.75, 0.75, -0.5, false, false))
                .hasMessage("negative: -0.5 is outside [0, 1]; it is a proportion");
        assertThatThrownBy(() -> new SentimentScore(0.5, 0.5, 0.5, 0, true, false))
                .hasMessage("compound: 0.5 for a blank text; a blank text scores 0");
        assertThat(new SentimentScore(0, 0, 1, 0, true, true).truncated()).isTrue();
        assertThat(new SentimentScore(0.5, 0.25, 0.75, 0, false, false).blank()).isFalse();
    }

    @Test
    void aTallyRefusesEachCountOutsideItsRangeByName() {
        // (band, strong, n, blank, truncated, positives, negatives, strongNegatives, compoundSum, absoluteSum, squares)
        assertThatThrownBy(() -> new SentimentTally(0, -0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0))
                .hasMessage("neutralBand: 0.0 is outside (0, 1)");
        assertThatThrownBy(() -> new SentimentTally(0.05, -0.5, -1, 0, 0, 0, 0, 0, 0, 0, 0))
                .hasMessageStartingWith("n: -1 is outside [0, ");
        assertThatThrownBy(() -> new SentimentTally(0.05, -0.5, 2, 3, 0, 0, 0, 0, 0, 0, 0))
                .hasMessage("blank: 3 is outside [0, 2]");
        assertThatThrownBy(() -> new SentimentTally(0.05, -0.5, 2, 0, 3, 0, 0, 0, 0, 0, 0))
                .hasMessage("truncated: 3 is outside [0, 2]");
        assertThatThrownBy(() -> new SentimentTally(0.05, -0.5, 2, 0, 0, 3, 0, 0, 0, 0, 0))
                .hasMessage("positives: 3 is outside [0, 2]");
        // Positives and negatives apart: one positive of two leaves room for one negative.
        assertThatThrownBy(() -> new SentimentTally(0.05, -0.5, 2, 0, 0, 1, 2, 0, 0, 0, 0))
                .hasMessage("negatives: 2 is outside [0, 1]");
        assertThatThrownBy(() -> new SentimentTally(0.05, -0.5, 2, 0, 0, 0, 1, 2, 0, 0, 0))
                .hasMessage("strongNegatives: 2 is outside [0, 1]");
        // The scores 0.5 and -0.6, both truncated: truncated, positives + negatives and strong negatives at their
        // upper bounds; compoundSum 5000 - 6000, absoluteSum 11000, squareSum (0.25 + 0.36) x 10^8.
        SentimentTally two = new SentimentTally(0.05, -0.5, 2, 0, 2, 1, 1, 1, -1000, 11000, 61000000);
        assertThat(two.n()).isEqualTo(2);
    }

    @Test
    void theThresholdsAcceptTheirClosedEndsAndRefuseTheOpenOnes() {
        assertThat(SentimentSummary.custom().strongNegativeThreshold(-1).build().strongNegativeThreshold())
                .isEqualTo(-1);
        // the threshold may equal minus the band: strongly negative texts are (barely) negative texts
        assertThat(SentimentSummary.custom().strongNegativeThreshold(-0.05).build().strongNegativeThreshold())
                .isEqualTo(-0.05);
        assertThatThrownBy(() -> SentimentSummary.custom().strongNegativeThreshold(-1).neutralBand(1))
                .hasMessage("neutralBand: 1.0 is outside (0, 1)");
        assertThatThrownBy(() -> new SentimentResult(0, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0.05, -1.5)).hasMessageStartingWith(
                        "strongNegativeThreshold: -1.5 is outside [-1, -0.05]");
    }

    @Test
    void aSummaryRefusesAStateOfOtherThresholds() {
        assertThatThrownBy(() -> SentimentSummary.ofDefaults().result(SentimentTally.empty(0.1, -0.5)))
                .hasMessageStartingWith("neutralBand, strongNegativeThreshold: 0.1, -0.5 differ from 0.05, -0.5");
    }

    @Test
    void twoScoresHaveATIntervalWithOneDegreeOfFreedom() {
        // 0.50 and 0.52: mean 0.51, s² = (0.01² + 0.01²) / 1 = 0.0002, se = sqrt(0.0002 / 2) = 0.01;
        // t(0.975, 1) = tan(0.475 pi) = 12.7062...: [0.51 - 0.127062, 0.51 + 0.127062].
        double half = Math.tan(0.475 * Math.PI) * 0.01;
        SentimentResult result = SentimentSummary.custom().build().accumulator().add(Texts.score(0.5, false))
                .add(Texts.score(0.52, false)).result();
        for (ConfidenceInterval interval : List.of(result.meanCompound().orElseThrow().interval().orElseThrow(),
                result.intensity().orElseThrow().interval().orElseThrow())) {
            assertThat(interval.lower()).isCloseTo(0.51 - half, within(1e-9));
            assertThat(interval.upper()).isCloseTo(0.51 + half, within(1e-9));
        }
    }

    @Test
    void tQuantilesAtTheEdgeOfTheCacheMatchTheCornishFisherExpansion() {
        for (int n : new int[] {512, 513, 600}) {
            SentimentSummary summary = SentimentSummary.custom().build();
            SentimentAccumulator accumulator = summary.accumulator();
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = ((i % 7) - 3) / 10.0;
                accumulator.add(Texts.score(x[i], false));
            }
            double mean = 0;
            for (double v : x) {
                mean += v / n;
            }
            double squares = 0;
            for (double v : x) {
                squares += (v - mean) * (v - mean);
            }
            double half = tQuantile975(n - 1) * Math.sqrt(squares / (n - 1) / n);
            ConfidenceInterval interval = accumulator.result().meanCompound().orElseThrow().interval().orElseThrow();
            assertThat(interval.lower()).as("n " + n).isCloseTo(mean - half, within(1e-9));
            assertThat(interval.upper()).as("n " + n).isCloseTo(mean + half, within(1e-9));
            // Asked again (from the cache below 512 degrees of freedom): the same.
            assertThat(accumulator.result().meanCompound().orElseThrow().interval().orElseThrow()).isEqualTo(interval);
        }
    }

    /** t(0.975, nu) by Cornish-Fisher: z + g1/nu + g2/nu² + g3/nu³ + g4/nu⁴ (Abramowitz &amp; Stegun 26.7.5). */
    private static double tQuantile975(double nu) {
        double z = Z975;
        double g1 = (Math.pow(z, 3) + z) / 4;
        double g2 = (5 * Math.pow(z, 5) + 16 * Math.pow(z, 3) + 3 * z) / 96;
        double g3 = (3 * Math.pow(z, 7) + 19 * Math.pow(z, 5) + 17 * Math.pow(z, 3) - 15 * z) / 384;
        double g4 = (79 * Math.pow(z, 9) + 776 * Math.pow(z, 7) + 1482 * Math.pow(z, 5) - 1920 * Math.pow(z, 3)
                - 945 * z) / 92160;
        return z + g1 / nu + g2 / (nu * nu) + g3 / (nu * nu * nu) + g4 / (nu * nu * nu * nu);
    }

    @Test
    void aBreakdownStateRefusesATrendLongerThanTenThousandPeriodsOrPartsThatDoNotAddUp() {
        // One text of 0.5 per period: compoundSum 5000, absoluteSum 5000, squareSum 0.25 x 10^8.
        SentimentTally one = new SentimentTally(0.05, -0.5, 1, 0, 0, 1, 0, 0, 5000, 5000, 25_000_000);
        SentimentTally two = one.plus(one);
        LocalDate first = LocalDate.of(2000, 1, 1);
        // first to first + 9,999 days: exactly 10,000 day periods, the most a trend has.
        assertThat(state(two, Map.of(first, one, first.plusDays(9_999), one)).periods()).hasSize(2);
        assertThatThrownBy(() -> state(two, Map.of(first, one, first.plusDays(10_000), one)))
                .hasMessageStartingWith("periods: from 2000-01-01 to 2027-05-19 are 10001 day periods; a trend has at"
                        + " most 10000");
        assertThatThrownBy(() -> state(two, Map.of(first, one)))
                .hasMessage("periods: the parts count 1 texts (and their sums) but their total 2; the parts of a"
                        + " breakdown add up to it");
    }

    private static SentimentBreakdownState state(SentimentTally overall, Map<LocalDate, SentimentTally> periods) {
        return new SentimentBreakdownState(Optional.empty(), Optional.of(CalendarPeriod.DAY), ZoneId.of("UTC"), overall,
                new TreeMap<>(periods), new TreeMap<>());
    }

    @Test
    void aMinimumNOfZeroFlagsNothing() {
        SentimentBreakdownResult result = SentimentBreakdown.custom().minimumN(0).build()
                .compute(Stream.of(CustomerText.of(Texts.call("e1", "2026-03-02T10:00:00Z", Texts.WEB), "good")));
        assertThat(result.minimumN()).isZero();
        assertThat(result.overallBelowMinimumN()).isFalse();
        assertThat(result.overall().n()).isEqualTo(1);
    }

    @Test
    void aComparisonOfNothingIsValidAndNegativeCountsAreNot() {
        ThemeComparison empty = new ThemeComparison(0, 0, 0, 0, 0, List.of(), List.of());
        assertThat(empty.focus()).isEmpty();
        assertThatThrownBy(() -> new ThemeComparison(0, 0, 0, -1, 0, List.of(), List.of()))
                .hasMessageStartingWith("focusTexts, restTexts, focusTerms, restTerms:");
        assertThatThrownBy(() -> new ThemeComparison(0, 0, -1, 0, 0, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThemeComparison(0, -1, 0, 0, 0, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThemeComparison(-1, 0, 0, 0, 0, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoTermsAreEnoughToCompare() {
        // slow 1 | fast 1: n_f = n_r = 1, pooled prior alpha_0 = 2, a = 1 for each:
        // slow: delta = ln(2 / (1 + 2 - 1 - 1)) - ln(1 / (1 + 2 - 0 - 1)) = ln 4, se = sqrt(1/2 + 1/1).
        ThemeComparison themes = Themes.custom().minCount(1).build().compare(List.of("slow"), List.of("fast"));
        assertThat(themes.focus()).extracting(Theme::term).containsExactly("slow");
        assertThat(themes.rest()).extracting(Theme::term).containsExactly("fast");
        assertThat(themes.focus().get(0).z()).isCloseTo(Math.log(4) / Math.sqrt(1.5), within(1e-12));
        assertThat(themes.rest().get(0).z()).isCloseTo(-Math.log(4) / Math.sqrt(1.5), within(1e-12));
    }

    @Test
    void aTermAsFrequentInBothGroupsIsListedInNeither() {
        // slow parcel | fast parcel, no phrases: n_f = n_r = 2, alpha_0 = 4; parcel: a = 2,
        // delta = ln(3 / 3) - ln(3 / 3) = 0, so z = 0 exactly: neither distinctive of the focus nor of the rest.
        ThemeComparison themes = Themes.custom().minCount(1).phrases(false).build()
                .compare(List.of("slow parcel"), List.of("fast parcel"));
        assertThat(themes.focus()).extracting(Theme::term).containsExactly("slow");
        assertThat(themes.rest()).extracting(Theme::term).containsExactly("fast");
    }

    @Test
    void configurationsThatDifferHashApartAndDescribeThemselves() {
        assertThat(Set.of(Themes.ofDefaults().hashCode(), Themes.custom().top(5).build().hashCode(),
                Themes.custom().phrases(false).build().hashCode())).hasSize(3);
        assertThat(Themes.custom().phrases(false).build().phrases()).isFalse();
        assertThat(Set.of(SentimentSummary.ofDefaults().hashCode(), SentimentSummary.custom().level(0.9).build()
                .hashCode(), SentimentSummary.custom().neutralBand(0.1).build().hashCode())).hasSize(3);
        assertThat(SentimentSummary.ofDefaults().toString())
                .isEqualTo("SentimentSummary[level 0.95, neutralBand 0.05, strongNegative <= -0.5]");
        assertThat(Set.of(VaderSentiment.ofDefaults().hashCode(), VaderSentiment.custom().maxLength(50).build()
                .hashCode(), VaderSentiment.custom().cxLexicon(false).build().hashCode())).hasSize(3);
        assertThat(VaderSentiment.custom().cxLexicon(false).build().cxLexicon()).isFalse();
        assertThat(VaderSentiment.custom().cxLexicon(false).build().toString())
                .isEqualTo("VaderSentiment[maxLength 10000, published lexicon only]");
        assertThat(Set.of(SentimentBreakdown.ofDefaults().hashCode(), SentimentBreakdown.custom().minimumN(5).build()
                .hashCode(), SentimentBreakdown.custom().per(CalendarPeriod.WEEK, ZoneId.of("UTC")).build()
                .hashCode())).hasSize(3);
        TextCsv full = TextCsv.custom("comment").idColumn("id").groupColumn("segment").separator(';').build();
        assertThat(Set.of(TextCsv.ofDefaults("comment").hashCode(), full.hashCode(),
                TextCsv.ofDefaults("text").hashCode())).hasSize(3);
        assertThat(full.toString()).isEqualTo("TextCsv[text=comment, id=id, group=segment, separator=;]");
        assertThat(TextCsv.ofDefaults("comment").toString())
                .isEqualTo("TextCsv[text=comment, id=none, group=none, separator=,]");
    }

    @Test
    void aCsvReadReturnsItsRowCountAndTakesIdAndGroupFromTheFirstColumn(@TempDir Path dir) throws IOException {
        TextCsv csv = TextCsv.custom("comment").idColumn("id").groupColumn("segment").build();
        List<TextRow> rows = new ArrayList<>();
        assertThat(csv.read(new StringReader("segment,comment,id\ngold,fine,r1\nsilver,slow,r2\n"), rows::add))
                .isEqualTo(2);
        assertThat(rows.get(0)).isEqualTo(new TextRow(1, Optional.of("r1"), "fine", Optional.of("gold")));
        rows.clear();
        Path file = dir.resolve("texts.csv");
        Files.writeString(file, "id,comment,segment\nr1,fine,gold\nr2,slow,silver\nr3,ok,gold\n", StandardCharsets.UTF_8);
        assertThat(csv.read(file, rows::add)).isEqualTo(3);
        assertThat(rows.get(2)).isEqualTo(new TextRow(3, Optional.of("r3"), "ok", Optional.of("gold")));
    }

    @Test
    void aCustomerTextNamesItsEventAndLengthNeverItsText() {
        CustomerText text = CustomerText.of(Texts.call("e1", "2026-03-02T10:00:00Z", Texts.WEB), "secret words");
        assertThat(text.toString()).isEqualTo("CustomerText[event e1, 12 characters]");
    }

    @Test
    void anAnalyzerScoresACommentWhenThereIsOne() {
        VaderSentiment vader = VaderSentiment.ofDefaults();
        assertThat(vader.scoreComment(Texts.comment("r1", 9, "good", "2026-03-02T10:00:00Z", Texts.WEB)))
                .contains(vader.score("good"));
        assertThat(vader.scoreComment(Texts.comment("r2", 9, "  ", "2026-03-02T10:00:00Z", Texts.WEB))).isEmpty();
    }
}
