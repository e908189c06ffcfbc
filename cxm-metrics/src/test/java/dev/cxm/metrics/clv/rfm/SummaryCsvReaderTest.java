package dev.cxm.metrics.clv.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.model.CustomerId;
import dev.cxm.metrics.clv.ClvData;
import dev.cxm.metrics.clv.ClvData.SummaryRow;

class SummaryCsvReaderTest {

    private static final SummaryCsvReader WEEKS = SummaryCsvReader.ofDefaults(ChronoUnit.WEEKS);

    @TempDir
    Path directory;

    private static RfmCells read(String... lines) throws IOException {
        return read(WEEKS, String.join("\n", lines));
    }

    private static RfmCells read(SummaryCsvReader reader, String text) throws IOException {
        try (InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            return reader.read(in);
        }
    }

    @Test
    void readsThePublishedCdnowSummariesAsAPlainSplitDoes() throws IOException {
        // Oracle: the published files parsed line by line with String.split and Double.parseDouble in
        // ClvData: every id, frequency, recency, T and spend (Hardie's x, t_x, T, zbar header) is the same
        // double, bit for bit.
        List<SummaryRow> rows = ClvData.cdnowSummaryWithSpend();
        Path file = directory.resolve("hardie.csv");
        Files.write(file, ClvData.lines("cdnow_customers_summary_with_transactions.csv"), StandardCharsets.UTF_8);
        RfmCells cells = WEEKS.read(file);
        assertThat(cells.size()).isEqualTo(2357).isEqualTo(rows.size());
        assertThat(cells.unit()).isEqualTo(ChronoUnit.WEEKS);
        for (int i = 0; i < rows.size(); i++) {
            SummaryRow row = rows.get(i);
            assertThat(cells.customerId(i)).contains(CustomerId.of(Integer.toString(row.id())));
            assertThat(cells.frequency(i)).isEqualTo(row.frequency());
            assertThat(cells.recency(i)).isEqualTo(row.recency());
            assertThat(cells.age(i)).isEqualTo(row.age());
            assertThat(cells.monetaryValue(i)).isEqualTo(row.frequency() > 0 ? OptionalDouble.of(row.spend())
                    : OptionalDouble.empty());
            assertThat(cells.weight(i)).isEqualTo(1.0);
        }
    }

    @Test
    void readsTheHeaderNamesOfLifetimesAndBtydWithWeights() throws IOException {
        // Oracle: the files as written here. R's write.csv leaves the row-name column unnamed (BTYD's ids);
        // lifetimes' calibration/holdout frame names its columns *_cal; a weights column counts customers.
        RfmCells btyd = read("\"\",\"x\",\"t.x\",\"T.cal\",\"m.x\"", "\"1\",2,30.43,38.86,22.35", "\"2\",0,0,38.86,0");
        assertThat(btyd.customerId(0)).contains(CustomerId.of("1"));
        assertThat(btyd.monetaryValue(0)).hasValue(22.35);
        assertThat(btyd.monetaryValue(1)).isEmpty();
        RfmCells lifetimes = read("customer_id,frequency_cal,recency_cal,T_cal,monetary_value_cal,frequency_holdout",
                "c1,3,20.0,30.0,12.5,1");
        assertThat(lifetimes.customerId(0)).contains(CustomerId.of("c1"));
        assertThat(lifetimes.history(0)).isEqualTo(CustomerHistory.of(3, 20, 30));
        RfmCells donations = read(SummaryCsvReader.ofDefaults(ChronoUnit.YEARS),
                "frequency,recency,periods,weights\n0,0,6,3464\n1,1,6,1091\n");
        assertThat(donations.size()).isEqualTo(2);
        assertThat(donations.totalWeight()).isEqualTo(4555.0);
        assertThat(donations.customerId(0)).isEmpty();
        assertThat(SummaryCsvReader.isSummaryHeader(List.of("ID", "x", "t_x", "T"))).isTrue();
        assertThat(SummaryCsvReader.isSummaryHeader(List.of("customer_id", "occurred_at", "amount"))).isFalse();
    }

    @Test
    void readsQuotedCellsByteOrderMarksSeparatorsAndCountsPhysicalLines() throws IOException {
        // Oracle: RFC 4180 as written here: quoted ids with a separator, doubled quotes and a line break; a
        // byte-order mark; CRLF; blank lines skipped but counted, so the error on the last row names line 9.
        String text = "\uFEFFID;frequency;recency;T\r\n\"a;b\";1;2;3\r\n\r\n\"say \"\"hi\"\"\";0;0;5\r\n"
                + "\"two\nlines\";2;4;5\r\n\n\n bad ;1;9;5\r\n";
        SummaryCsvReader semicolons = SummaryCsvReader.custom(ChronoUnit.DAYS).separator(';').build();
        assertThatThrownBy(() -> read(semicolons, text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 9, column recency: greater than T; the last purchase cannot come after the end of"
                        + " calibration");
        RfmCells cells = read(semicolons, text.substring(0, text.indexOf(" bad")));
        assertThat(cells.size()).isEqualTo(3);
        assertThat(cells.customerId(0)).contains(CustomerId.of("a;b"));
        assertThat(cells.customerId(1)).contains(CustomerId.of("say \"hi\""));
        assertThat(cells.customerId(2)).contains(CustomerId.of("two\nlines"));
        assertThat(cells.history(2)).isEqualTo(CustomerHistory.of(2, 4, 5));
        RfmCells tabs = read(SummaryCsvReader.custom(ChronoUnit.DAYS).separator('\t').build(),
                "ID\tfrequency\trecency\tT\n x \t 1 \t 2.5 \t 3e0 \n");
        assertThat(tabs.customerId(0)).contains(CustomerId.of("x"));
        assertThat(tabs.history(0)).isEqualTo(CustomerHistory.of(1, 2.5, 3));
    }

    @Test
    void refusesEveryImpossibleCellNamingLineColumnAndRuleButNeverTheCell() {
        // Oracle: the rules of a summary (issue 9's strict reading): each row below breaks exactly one, and
        // its cell text (which could be personal data) must not appear in the message.
        String header = "ID,frequency,recency,T,monetary_value,weights";
        String[][] cases = {
                {"c1,2,3,10,5,1,999", "line 2: 7 cells but the header has 6 columns"},
                {"c1,2.5,3,10,5,1", "line 2, column frequency: not a whole number"},
                {"c1,\u0967,3,10,5,1", "line 2, column frequency: not a finite number"},
                {"c1,2,3\u0660,10,5,1", "line 2, column recency: not a finite number"},
                {"c1,2,3,10,5,0", "line 2, column weights: not positive"},
                {"c1,2,-3,10,5,1", "line 2, column recency: negative; it must be 0 or more"},
                {"c1,2,3,1e999,5,1", "line 2, column T: not a finite number"},
                {"c1,2,3,NaN,5,1", "line 2, column T: not a finite number"},
                {"c1,2,3,Infinity,5,1", "line 2, column T: not a finite number"},
                {"c1,2,3,0x1p3,5,1", "line 2, column T: not a finite number"},
                {"c1,2,3,10d,5,1", "line 2, column T: not a finite number"},
                {"c1,2,3f,10,5,1", "line 2, column recency: not a finite number"},
                {"c1,2,3,+10,5,1", "line 2, column T: not a finite number"},
                {"c1,2,3,10,5x,1", "line 2, column monetary_value: not a finite number"},
                {"c1,2,11,10,5,1", "line 2, column recency: greater than T"},
                {"c1,0,1,10,,1", "line 2, column recency: not 0 although frequency is 0"},
                {"c1,0,0,10,7,1", "line 2, column monetary_value: not 0 although frequency is 0"},
                {"c1,2,3,,5,1", "line 2, column T: empty; a number is needed"},
                {" ,2,3,10,5,1", "line 2, column ID: empty; a customer id is needed"},
                {"c1,2,3,10,-5,1", "line 2, column monetary_value: negative"},
                {"c1,99999999999,3,10,5,1", "line 2, column frequency: not a whole number"},
                {"\"c1,2,3,10,5,1", "line 2: a quoted cell opened here is not closed"},
                {"c\"1,2,3,10,5,1", "line 2, cell 1: a quote inside an unquoted cell"},
                {"\"c1\"x,2,3,10,5,1", "line 2, cell 1: text after the closing quote"},
                {"x".repeat(300) + ",2,3,10,5,1", "line 2, column ID: longer than 256 characters"}};
        for (String[] c : cases) {
            assertThatThrownBy(() -> read(header, c[0])).as(c[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(c[1]).satisfies(e -> {
                        String message = e.getMessage();
                        for (String cell : c[0].split(",")) {
                            String text = cell.replace("\"", "");
                            if (text.length() > 1 && !message.startsWith("line 2: 7 cells")) {
                                assertThat(message).as(c[0]).doesNotContain(text);
                            }
                        }
                    });
        }
        assertThatThrownBy(() -> read("ID,frequency,recency")).hasMessage("header: no T column; name it T or T_cal or"
                + " T.cal or periods or n.cal or n_cal");
        assertThatThrownBy(() -> read("ID,frequency,x,recency,T"))
                .hasMessageContaining("header: columns frequency and x"
                + " both name the frequency");
        assertThatThrownBy(() -> read("")).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> SummaryCsvReader.custom(ChronoUnit.DAYS).separator('"'))
                .hasMessageStartingWith("separator: U+0022 cannot separate cells");
        assertThatThrownBy(() -> SummaryCsvReader.ofDefaults(ChronoUnit.MILLIS))
                .hasMessageStartingWith("unit: Millis is not a unit of customer time");
    }

    @Test
    void parsesEveryNumberAsDoubleParseDoubleDoes() {
        // Oracle: Double.parseDouble of the same text, bit for bit, for random doubles written as Java
        // writes them (shortest repr, with exponents), with fixed decimals, and as integers.
        qt().withExamples(3000).forAll(doubles().between(0, 1e12), integers().between(0, 12)).checkAssert((x,
                digits) -> {
            for (String text : List.of(Double.toString(x), String.format(Locale.ROOT, "%." + digits + "f", x),
                    String.format(Locale.ROOT, "%." + digits + "e", x), Long.toString(x.longValue()))) {
                try {
                    RfmCells cells = read("frequency,recency,T", "1,0," + text);
                    assertThat(cells.age(0)).as(text).isEqualTo(Double.parseDouble(text));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        });
    }

    @Test
    void refusesARecencyAboveTBeforeAnyFitAndKeepsIdsForTheModels() throws IOException {
        // Oracle: the file as written: ids go with their rows through repeatBuyers, and are dropped by compress.
        RfmCells cells = read("ID,frequency,recency,T,monetary_value", "a,0,0,10,", "b,2,3,10,4.5", "c,1,1,10,2");
        assertThat(cells.repeatBuyers().customerId(0)).contains(CustomerId.of("b"));
        assertThat(cells.repeatBuyers().customerId(1)).contains(CustomerId.of("c"));
        assertThat(cells.compress().customerId(0)).isEmpty();
        assertThat(RfmCells.of(new RfmSummary(RfmSummaryOptions.ofDefaults(java.time.Instant.parse(
                "2026-01-01T00:00:00Z"), ChronoUnit.DAYS), java.util.Optional.empty(),
                List.of(CustomerSummary.of(CustomerId.of("z"), 0, 0, 3)))).customerId(0)).contains(CustomerId.of("z"));
    }
}
