package dev.cxm.metrics.clv.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;

/**
 * Summary CSVs of shapes the drawn files of {@code SummaryCsvFormattingPropertyTest} do not reach. Oracle: the
 * values written into each file by hand, and the reading rules of {@link SummaryCsvReader}'s Javadoc (a quoted
 * cell is taken verbatim, an unquoted one stripped; extra columns ignored; R's unnamed id column is column 1).
 */
class SummaryCsvEdgeCasesTest {

    private static final SummaryCsvReader DAYS = SummaryCsvReader.ofDefaults(ChronoUnit.DAYS);

    @Test
    void rowsOfManyCellsAndNumbersOfManyDigits() throws IOException {
        StringBuilder header = new StringBuilder("ID,frequency,recency,T");
        StringBuilder row = new StringBuilder("a,2,3,4");
        for (int k = 0; k < 36; k++) {
            header.append(",extra").append(k);
            row.append(',').append(k);
        }
        String digits = "0".repeat(40);
        RfmCells cells = read(header + "\n" + row + "\nb," + digits + "1," + digits + "2.5," + digits + "7\n");
        assertThat(cells.size()).isEqualTo(2);
        assertThat(cells.frequency(0)).isEqualTo(2);
        assertThat(cells.recency(0)).isEqualTo(3);
        assertThat(cells.age(0)).isEqualTo(4);
        assertThat(cells.frequency(1)).isEqualTo(1);
        assertThat(cells.recency(1)).isEqualTo(2.5);
        assertThat(cells.age(1)).isEqualTo(7);
    }

    @Test
    void aQuotedIdKeepsItsSpacesAndTheLastRowNeedsNoLineEnd() throws IOException {
        RfmCells cells = read("ID,frequency,recency,T\n\" a \",1,2,3\n  b  ,0,0,3");
        assertThat(cells.size()).isEqualTo(2);
        assertThat(cells.customerId(0)).contains(CustomerId.of(" a "));
        assertThat(cells.customerId(1)).contains(CustomerId.of("b"));
        assertThat(cells.age(1)).isEqualTo(3);
    }

    @Test
    void aCarriageReturnInsideQuotesIsPartOfTheCell() throws IOException {
        RfmCells cells = read("ID,frequency,recency,T\r\n\"a\rb\",1,2,3\r\n\"c\r\",0,0,3\r\n");
        assertThat(cells.size()).isEqualTo(2);
        assertThat(cells.customerId(0)).contains(CustomerId.of("a\rb"));
        assertThat(cells.customerId(1)).contains(CustomerId.of("c\r"));
    }

    @Test
    void anEmptyIdInRsUnnamedColumnNamesColumnOne() {
        assertThatThrownBy(() -> read(",frequency,recency,T\n\"1\",1,2,3\n,1,2,3\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 3, column 1: empty");
    }

    private static RfmCells read(String text) throws IOException {
        try (InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            return DAYS.read(in);
        }
    }
}
