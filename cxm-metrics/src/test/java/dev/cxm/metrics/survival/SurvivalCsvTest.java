package dev.cxm.metrics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import dev.cxm.core.io.MissingColumnException;

/**
 * The library's reader of subject CSV files. Oracles: the published data sets read by this test's own
 * line splitter ({@link TestData}) give the same subjects, and R's published results on them (the g3
 * log-rank p = 0.0138, Rossi's Cox coefficient of fin -0.379422) come out of the data it reads; small files
 * written here check each rule by hand.
 */
class SurvivalCsvTest {

    private static final Path G3 = Path.of("src/test/resources/data/lifelines_g3.csv");
    private static final Path ROSSI = Path.of("src/test/resources/data/lifelines_rossi.csv");

    @Test
    void readsThePublishedDataSetsAsTheTestSplitterDoes() throws IOException {
        SurvivalData g3 = SurvivalCsv.custom(ChronoUnit.DAYS).durationColumn("time").groupColumn("group").build()
                .read(G3);
        SurvivalData expected = TestData.g3();
        assertThat(g3.size()).isEqualTo(expected.size());
        assertThat(g3.groups()).isEqualTo(expected.groups());
        for (int row = 1; row <= g3.size(); row++) {
            assertThat(g3.duration(row)).isEqualTo(expected.duration(row));
            assertThat(g3.observed(row)).isEqualTo(expected.observed(row));
            assertThat(g3.group(row)).isEqualTo(expected.group(row));
        }
        assertThat(LogRankTest.ofDefaults().compare(g3).pValue()).isCloseTo(0.0138, within(0.00005));
        SurvivalData rossi = SurvivalCsv.custom(ChronoUnit.WEEKS).durationColumn("week").eventColumn("arrest")
                .covariates("fin", "age", "race", "wexp", "mar", "paro", "prio").build().read(ROSSI);
        assertThat(rossi.unit()).isEqualTo(ChronoUnit.WEEKS);
        assertThat(CoxProportionalHazards.ofDefaults().fit(rossi).requireModel().coefficient("fin").coef())
                .isCloseTo(-0.379422, within(0.5e-6));
    }

    @Test
    void readsGroupsSeparatorsAndAByteOrderMark() throws IOException {
        // By hand: three subjects, semicolon-separated, the header starting with a UTF-8 byte order mark.
        SurvivalData data = SurvivalCsv.custom(ChronoUnit.DAYS).groupColumn("plan").groups("b", "a")
                .covariates("x").separator(';').build()
                .read(new StringReader("\uFEFFduration;event;plan;x\n3;1;a;0.5\n\n4;false; b ;2\n5;TRUE;a;-1\n"));
        assertThat(data.size()).isEqualTo(3);
        assertThat(data.groups()).containsExactly("b", "a");
        assertThat(data.group(2)).isEqualTo("b");
        assertThat(data.observed(2)).isFalse();
        assertThat(data.observed(3)).isTrue();
        assertThat(data.covariate(3, "x")).isEqualTo(-1.0);
    }

    @Test
    void namesTheRowColumnAndRuleNeverTheCell() {
        SurvivalCsv reader = SurvivalCsv.ofDefaults(ChronoUnit.DAYS);
        assertRefused(reader, "duration,event\n3,1\n4,maybe\n",
                "row 2: event: the value is not an event flag; expected 0, 1, true or false");
        assertRefused(reader, "duration,event\n3,1\nJane Doe,1\n", "row 2: column duration is not a number");
        assertRefused(reader, "duration,event\n3,1\n-4,0\n",
                "row 2: the duration is negative; a duration must be a finite number, zero or more");
        assertRefused(reader, "duration,event\n3,1\n4,0,7\n",
                "row 2: 3 columns, the header has 2; every row must have exactly the header's columns");
        assertRefused(reader, "duration,event,duration\n3,1,4\n",
                "header: columns 1 and 3 are both named \"duration\"; column names must be distinct");
        assertRefused(reader, "", "header: the input is empty; it needs a header row");
        assertRefused(SurvivalCsv.custom(ChronoUnit.DAYS).groupColumn("plan").groups("a").build(),
                "duration,event,plan\n3,1,a\n4,0,Jane Doe\n", "row 2: the group is not one of the declared groups [a]");
        assertThatThrownBy(() -> SurvivalCsv.custom(ChronoUnit.DAYS).durationColumn("days").build()
                .read(new StringReader("duration,event\n3,1\n")))
                .isInstanceOfSatisfying(MissingColumnException.class, e -> {
                    assertThat(e.setting()).isEqualTo("durationColumn");
                    assertThat(e.column()).isEqualTo("days");
                })
                .hasMessage("column \"days\" (durationColumn) is not in the header; the columns are [duration, event]");
    }

    @Test
    void theBuilderRejectsEachBadValueAtOnceAndConfigurationsCompareByValue() {
        // Expected: the configuration idiom: setters refuse at once naming the field; equal settings are equal;
        // from(base) starts from base's settings.
        assertThatThrownBy(() -> SurvivalCsv.custom(ChronoUnit.DAYS).durationColumn(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("durationColumn");
        assertThatThrownBy(() -> SurvivalCsv.custom(ChronoUnit.DAYS).covariates("x", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("covariates: \"x\" is named twice");
        assertThatThrownBy(() -> SurvivalCsv.custom(ChronoUnit.DAYS).separator('a'))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("separator: 'a' cannot separate");
        SurvivalCsv rossi = SurvivalCsv.custom(ChronoUnit.WEEKS).durationColumn("week").eventColumn("arrest")
                .covariates("fin", "prio").groupColumn("race").groups("0", "1").separator(';').build();
        assertThat(SurvivalCsv.from(rossi).build()).isEqualTo(rossi).hasSameHashCodeAs(rossi);
        assertThat(SurvivalCsv.custom(ChronoUnit.DAYS).build()).isEqualTo(SurvivalCsv.ofDefaults(ChronoUnit.DAYS));
        assertThat(SurvivalCsv.from(rossi).covariates("fin").build()).isNotEqualTo(rossi);
        assertThat(rossi.toString()).contains("week").contains("[fin, prio]");
    }

    private static void assertRefused(SurvivalCsv reader, String csv, String message) {
        assertThatThrownBy(() -> reader.read(new StringReader(csv)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
