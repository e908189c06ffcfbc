package dev.cxm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.core.io.MissingColumnException;

/**
 * The header rules cxm-metrics' CSV readers share, as the Javadoc of {@link CsvHeaders} and
 * {@link MissingColumnException} states them: a byte-order mark before the first name is dropped (only there),
 * two columns of one name are refused naming both (counted from 1), and a configured column missing from the
 * header is a {@link MissingColumnException} that names the setting and the column and lists the header.
 * Oracle: the small headers below, read by hand.
 */
class CsvHeadersTest {

    @Test
    void aByteOrderMarkIsDroppedFromTheFirstNameOnly() {
        assertThat(CsvHeaders.distinct(List.of("\uFEFFid", "text"))).containsExactly("id", "text");
        assertThat(CsvHeaders.distinct(List.of("id", "\uFEFFtext"))).containsExactly("id", "\uFEFFtext");
        assertThat(CsvHeaders.distinct(List.of("\uFEFF", "text"))).containsExactly("", "text");
        assertThat(CsvHeaders.distinct(List.of("", "text"))).containsExactly("", "text");
        assertThat(CsvHeaders.distinct(List.of())).isEmpty();
    }

    @Test
    void repeatedNamesAreRefusedNamingBothColumns() {
        assertThatThrownBy(() -> CsvHeaders.distinct(List.of("id", "text", "score", "text")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header: columns 2 and 4 have the same name; column names must be distinct");
        assertThatThrownBy(() -> CsvHeaders.distinct(List.of("a", "a")))
                .hasMessage("header: columns 1 and 2 have the same name; column names must be distinct");
        // The mark is dropped before the names are compared.
        assertThatThrownBy(() -> CsvHeaders.distinct(List.of("\uFEFFa", "b", "a")))
                .hasMessageStartingWith("header: columns 1 and 3 ");
        assertThat(CsvHeaders.distinct(List.of("a", "A", "b"))).containsExactly("a", "A", "b");
    }

    @Test
    void aMissingColumnNamesTheSettingAndTheColumn() {
        List<String> header = List.of("id", "text", "when");

        assertThat(CsvHeaders.column(header, "id", "idColumn")).isZero();
        assertThat(CsvHeaders.column(header, "when", "timeColumn")).isEqualTo(2);
        assertThatThrownBy(() -> CsvHeaders.column(header, "duration", "durationColumn"))
                .isInstanceOfSatisfying(MissingColumnException.class, e -> {
                    assertThat(e.setting()).isEqualTo("durationColumn");
                    assertThat(e.column()).isEqualTo("duration");
                    assertThat(e).hasMessage("column \"duration\" (durationColumn) is not in the header; the columns"
                            + " are [id, text, when]");
                });
    }
}
