package dev.cxm.metrics.clv.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The configuration idiom of the RFM package, the two meanings of a calibration end, and the package's
 * independence of the models. Oracles: the calendar (which instant starts the day after a given one in a
 * zone), the documented defaults, and the package's own sources.
 */
class RfmConfigurationTest {

    @Test
    void aLastCalibrationDayMeansTheStartOfTheNextDayInItsZone() {
        // Oracle: the calendar: calibration through 1997-09-30 in UTC ends at 1997-10-01T00:00Z (CDNOW's
        // convention); through 2025-03-29 in Berlin, the night clocks go forward, it ends at 23:00Z that day.
        RfmSummaryOptions byDay = RfmSummaryOptions.ofDefaults(LocalDate.parse("1997-09-30"), ZoneOffset.UTC,
                ChronoUnit.WEEKS);
        RfmSummaryOptions byInstant = RfmSummaryOptions.ofDefaults(Instant.parse("1997-10-01T00:00:00Z"),
                ChronoUnit.WEEKS);
        assertThat(byDay).isEqualTo(byInstant).hasSameHashCodeAs(byInstant);
        assertThat(byDay.lastCalibrationDay()).isEqualTo(LocalDate.parse("1997-09-30"));
        assertThat(byDay.purchasePeriod()).contains(ChronoUnit.DAYS);
        assertThat(byDay.holdoutEnd()).isEmpty();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        RfmSummaryOptions berlinWeeks = RfmSummaryOptions.custom(LocalDate.parse("2025-03-29"), berlin, ChronoUnit.DAYS)
                .lastHoldoutDay(LocalDate.parse("2025-04-05")).build();
        assertThat(berlinWeeks.calibrationEnd()).isEqualTo(Instant.parse("2025-03-29T23:00:00Z"));
        assertThat(berlinWeeks.holdoutEnd()).contains(Instant.parse("2025-04-05T22:00:00Z"));
        assertThat(berlinWeeks.zone()).isEqualTo(berlin);
        assertThat(berlinWeeks.lastCalibrationDay()).isEqualTo(LocalDate.parse("2025-03-29"));
        assertThat(berlinWeeks.lastHoldoutDay()).contains(LocalDate.parse("2025-04-05"));
        // The day is placed in the zone the builder has when it builds.
        RfmSummaryOptions moved = RfmSummaryOptions.custom(LocalDate.parse("2025-03-29"), ZoneOffset.UTC,
                ChronoUnit.DAYS).zone(berlin).build();
        assertThat(moved.calibrationEnd()).isEqualTo(berlinWeeks.calibrationEnd());
    }

    @Test
    void summaryOptionsFollowTheIdiom() {
        RfmSummaryOptions weekly = RfmSummaryOptions.custom(LocalDate.parse("2025-12-28"), ZoneOffset.UTC,
                ChronoUnit.WEEKS).purchasePeriod(ChronoUnit.WEEKS).holdoutEnd(Instant.parse("2026-01-05T00:00:00Z"))
                        .build();
        assertThat(RfmSummaryOptions.from(weekly).build()).isEqualTo(weekly);
        assertThat(RfmSummaryOptions.from(weekly).continuousTime().build().purchasePeriod()).isEmpty();
        assertThat(weekly.toString()).contains("purchasePeriod=Optional[Weeks]");
        RfmSummaryOptions.Builder builder = RfmSummaryOptions.custom(Instant.parse("2026-01-01T00:00:00Z"),
                ChronoUnit.DAYS);
        assertThatThrownBy(() -> builder.purchasePeriod(ChronoUnit.HALF_DAYS))
                .hasMessageStartingWith("purchasePeriod: HalfDays is not a calendar period");
        assertThatThrownBy(() -> RfmSummaryOptions.custom(LocalDate.parse("2025-12-31"), ZoneOffset.UTC,
                ChronoUnit.WEEKS).purchasePeriod(ChronoUnit.WEEKS).build())
                .hasMessageContaining("calibrationEnd: 2026-01-01T00:00:00Z is not at the start of a Weeks period");
    }

    @Test
    void segmentationAndReaderFollowTheIdiom() {
        RfmSegmentation standard = RfmSegmentation.ofDefaults();
        assertThat(standard.rules()).hasSize(10);
        assertThat(standard.fallback()).isEqualTo("Other");
        assertThat(RfmSegmentation.from(standard).build()).isEqualTo(standard).hasSameHashCodeAs(standard);
        RfmSegmentation own = RfmSegmentation.custom().rules(List.of(RfmSegmentRule.of("Best", RfmScoreRange.only(5),
                RfmScoreRange.ANY))).fallback("Rest").build();
        assertThat(own).isNotEqualTo(standard);
        assertThat(own.toString()).contains("Best").contains("fallback=Rest");
        assertThatThrownBy(() -> RfmSegmentation.custom().fallback(" ")).hasMessageStartingWith("fallback:");
        SummaryCsvReader reader = SummaryCsvReader.custom(ChronoUnit.DAYS).separator(';').build();
        assertThat(reader).isEqualTo(new SummaryCsvReader(ChronoUnit.DAYS, ';'));
        assertThat(SummaryCsvReader.from(reader).build()).isEqualTo(reader);
        assertThat(SummaryCsvReader.ofDefaults(ChronoUnit.DAYS).separator()).isEqualTo(',');
    }

    @Test
    void theRfmPackageDoesNotDependOnTheModels() throws IOException {
        // Oracle: the package's own sources: nothing in clv.rfm (or its implementation) imports or names a type
        // of dev.cxm.metrics.clv outside it, so summaries and segments need no model.
        Path root = Path.of("src/main/java/dev/cxm/metrics/clv/rfm");
        assertThat(root).isDirectory();
        Pattern outside = Pattern.compile("dev\\.cxm\\.metrics\\.clv\\.(?!rfm\\b)\\w+");
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> sources = files.filter(file -> file.toString().endsWith(".java")).toList();
            assertThat(sources).hasSizeGreaterThan(15);
            for (Path source : sources) {
                Matcher matcher = outside.matcher(Files.readString(source));
                assertThat(matcher.find()).as("%s names %s", source, matcher.find(0) ? matcher.group() : "")
                        .isFalse();
            }
        }
        assertThat(Optional.of(root)).isPresent();
    }
}
