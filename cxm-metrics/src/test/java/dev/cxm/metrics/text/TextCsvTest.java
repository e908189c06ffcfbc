package dev.cxm.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cxm.core.io.MissingColumnException;

/**
 * The CSV reader of texts on small files written here: the rows it gives (counted by hand from each file) and the
 * messages of the rows it refuses, which name the row and the rule and never a cell's text.
 */
class TextCsvTest {

    private static List<TextRow> read(TextCsv csv, String text) throws IOException {
        List<TextRow> rows = new ArrayList<>();
        csv.read(new StringReader(text), rows::add);
        return rows;
    }

    @Test
    void readsTheTextIdAndGroupOfEachRowWithQuotedSeparatorsAndLineBreaks() throws IOException {
        String file = "\uFEFFid,segment,comment\n"
                + "r1,gold,\"Slow, but friendly\"\n"
                + "r2,silver,\"Line one\nline two \"\"quoted\"\"\"\n"
                + "\n"
                + "r3,gold,\n";
        List<TextRow> rows = read(TextCsv.custom("comment").idColumn("id").groupColumn("segment").build(), file);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo(new TextRow(1, Optional.of("r1"), "Slow, but friendly", Optional.of("gold")));
        assertThat(rows.get(1).text()).isEqualTo("Line one\nline two \"quoted\"");
        assertThat(rows.get(2).text()).isEmpty();
        assertThat(rows.get(2).row()).isEqualTo(3);
        assertThat(rows.get(0).toString()).isEqualTo("TextRow[row 1, 18 characters]").doesNotContain("Slow");
        assertThat(read(TextCsv.custom("comment").separator(';').build(), "x;comment\n1;a,b\n").get(0).text())
                .isEqualTo("a,b");
    }

    @Test
    void refusalsNameTheRowAndTheRuleButNeverACell() {
        TextCsv csv = TextCsv.custom("comment").idColumn("id").build();
        assertThatThrownBy(() -> read(csv, "id,comment\nr1,fine\nr2,secret text,extra\n"))
                .hasMessage("row 2: 3 columns, the header has 2; every row must have exactly the header's columns")
                .message().doesNotContain("secret");
        assertThatThrownBy(() -> read(csv, "id,text\nr1,fine\n")).isInstanceOf(MissingColumnException.class)
                .hasMessage("column \"comment\" (textColumn) is not in the header; the columns are [id, text]");
        assertThatThrownBy(() -> read(TextCsv.custom("comment").idColumn("key").build(), "id,comment\n"))
                .isInstanceOfSatisfying(MissingColumnException.class,
                        e -> assertThat(e.setting()).isEqualTo("idColumn"));
        assertThatThrownBy(() -> read(csv, "")).hasMessage("header: the input is empty; it needs a header row");
        assertThatThrownBy(() -> read(csv, "comment,comment\n"))
                .hasMessage("header: columns 1 and 2 are both named \"comment\"; column names must be distinct");
    }
}
