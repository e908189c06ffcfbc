package dev.cxm.metrics.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link DriverCsv}: columns found by name, the values read exactly as written (the expected numbers are the
 * cells of each small file), and every refusal naming the line, the column and the rule but never the cell.
 */
class DriverCsvTest {

    private static final DriverCsv READER = DriverCsv.ofDefaults("recommend", List.of("wait", "staff"));

    private static DriverData read(DriverCsv reader, String text) throws IOException {
        return reader.read(new StringReader(text));
    }

    @Test
    void readsTheNamedColumnsInTheirOrderAndIgnoresTheOthers() throws IOException {
        DriverData data = read(READER, "\uFEFFid,staff,comment,recommend,wait\n"
                + "c1,4,\"slow, but kind\",9,2.5\n"
                + "\n"
                + "c2, -1e1 ,\"multi\nline\",+7,.5\n");
        assertThat(data.outcome()).isEqualTo("recommend");
        assertThat(data.drivers()).containsExactly("wait", "staff");
        assertThat(data.rows()).isEqualTo(2);
        assertThat(data.outcomeValues()).containsExactly(9, 7);
        assertThat(data.driverValues("wait")).containsExactly(2.5, 0.5);
        assertThat(data.driverValues("staff")).containsExactly(4, -10);
    }

    @Test
    void readsAnotherSeparatorAndComparesByValue() throws IOException {
        DriverCsv semicolons = DriverCsv.custom("recommend", List.of("wait", "staff")).separator(';').build();
        assertThat(read(semicolons, "recommend;wait;staff\n1;2;3\n")).isEqualTo(read(READER,
                "recommend,wait,staff\n1,2,3\n"));
        assertThat(DriverCsv.from(semicolons).build()).isEqualTo(semicolons).hasSameHashCodeAs(semicolons);
        assertThat(semicolons.toString()).isEqualTo("DriverCsv[outcome=recommend, drivers=[wait, staff], separator=;]");
        assertThatThrownBy(() -> DriverCsv.custom("y", List.of("a")).separator('.'))
                .hasMessageStartingWith("separator: '.' cannot separate cells of numbers");
    }

    @Test
    void aCellThatIsNoNumberNamesItsLineAndColumnButNotItsText() {
        for (String cell : List.of("abc", "NaN", "Infinity", "0x10", "1d", "1,5", "١٢", "1e", "--1", "\"secret 42\"")) {
            assertThatThrownBy(() -> read(READER, "recommend,wait,staff\n1,2,3\n\n4," + cell + ",6\n"))
                    .as(cell).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("line 4")
                    .hasMessageNotContaining(cell.replace("\"", ""));
        }
        assertThatThrownBy(() -> read(READER, "recommend,wait,staff\n1,2,3\n4,abc,6\n")).hasMessage(
                "line 3, column wait: not a number; write ASCII digits with an optional sign, decimal point and"
                        + " exponent");
        assertThatThrownBy(() -> read(READER, "recommend,wait,staff\n1, ,3\n")).hasMessage(
                "line 2, column wait: empty; a number is needed");
        assertThatThrownBy(() -> read(READER, "recommend,wait,staff\n1,1e999,3\n")).hasMessage(
                "line 2, column wait: a number too large for a double");
    }

    @Test
    void aRowWithMoreOrFewerCellsThanTheHeaderIsRefused() {
        assertThatThrownBy(() -> read(READER, "recommend,wait,staff\n1,2,3\n4,5,6,7\n")).hasMessage(
                "line 3: 4 cells, but the header has 3 columns; every row has exactly the header's columns (a decimal"
                        + " comma, or a separator inside an unquoted cell?)");
        assertThatThrownBy(() -> read(READER, "recommend,wait,staff\n1,2\n")).hasMessageStartingWith(
                "line 2: 2 cells, but the header has 3 columns");
    }

    @Test
    void aMissingOrRepeatedColumnIsRefusedNamingIt() {
        assertThatThrownBy(() -> read(READER, "recommend,wait\n1,2\n")).hasMessage(
                "column \"staff\" (driverColumns) is not in the header; the columns are [recommend, wait]");
        assertThatThrownBy(() -> read(READER, "wait,staff\n1,2\n")).hasMessageStartingWith(
                "column \"recommend\" (outcomeColumn) is not in the header");
        assertThatThrownBy(() -> read(READER, "recommend,wait,staff,wait\n1,2,3,4\n")).hasMessage(
                "header: columns 2 and 4 are both named \"wait\"; the column read must be named once");
        assertThatThrownBy(() -> read(READER, "")).hasMessage("header: the input is empty; it needs a header row");
    }

    @Test
    void malformedQuotingNamesTheLineWithoutQuotingTheText() {
        assertThatThrownBy(() -> read(READER, "recommend,wait,staff\n1,2,3\n4,\"private text,6\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("line ")
                .hasMessageContaining("not well-formed CSV").hasMessageNotContaining("private");
    }

    @Test
    void malformedQuotingNamesALineAfterTheHeader() {
        // The quote opens on line 3 and is still open when the text ends after line 4: the parser gives up
        // there, so the message names one of those lines, not the header's.
        assertThatThrownBy(() -> read(READER, "recommend,wait,staff\n1,2,3\n4,\"private text,6\n7,8,9\n"))
                .isInstanceOf(IllegalArgumentException.class).message().matches("line [345]: not well-formed CSV.*");
    }

    @Test
    void refusesAnOutcomeAmongTheDriversOrADriverTwice() {
        assertThatThrownBy(() -> DriverCsv.ofDefaults("y", List.of("a", "y"))).hasMessage(
                "drivers: \"y\" is the outcome; an outcome does not drive itself");
        assertThatThrownBy(() -> DriverCsv.ofDefaults("y", List.of("a", "a"))).hasMessage(
                "drivers: \"a\" is named twice; each driver is named once");
        assertThatThrownBy(() -> DriverCsv.ofDefaults("y", List.of())).hasMessageStartingWith("drivers: none given");
    }
}
