package dev.cxm.metrics.clv.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

/**
 * Cells longer than the reader's working arrays: a number of exactly 32 and 64 characters (zero-padded) and a
 * number cell padded with 1,000 spaces, one unbroken run of bytes longer than twice the first row array.
 * Oracle: the values the test wrote into the cells.
 */
class SummaryCsvLongCellsTest {

    @Test
    void numbersFillingTheDigitArrayExactlyAreRead() throws IOException {
        String frequency32 = "0".repeat(31) + "3";
        String age33 = "0".repeat(31) + "20";
        String age64 = "0".repeat(60) + "21.5";
        RfmCells cells = read("ID,frequency,recency,T",
                "c1," + frequency32 + ",10.5,20",
                "c2,1,2," + age33,
                "c3,1,2," + age64);

        assertThat(frequency32).hasSize(32);
        assertThat(age64).hasSize(64);
        assertThat(cells.size()).isEqualTo(3);
        assertThat(cells.frequency(0)).isEqualTo(3);
        assertThat(cells.recency(0)).isEqualTo(10.5);
        assertThat(cells.age(1)).isEqualTo(20);
        assertThat(cells.age(2)).isEqualTo(21.5);
    }

    @Test
    void aCellPaddedBeyondTwiceTheRowArrayIsRead() throws IOException {
        RfmCells cells = read("ID,frequency,recency,T",
                "c1," + " ".repeat(1000) + "2,4,20",
                "c2,0,0," + " ".repeat(600) + "7" + " ".repeat(600));

        assertThat(cells.size()).isEqualTo(2);
        assertThat(cells.frequency(0)).isEqualTo(2);
        assertThat(cells.recency(0)).isEqualTo(4);
        assertThat(cells.age(0)).isEqualTo(20);
        assertThat(cells.frequency(1)).isZero();
        assertThat(cells.age(1)).isEqualTo(7);
    }

    private static RfmCells read(String... lines) throws IOException {
        try (InputStream in = new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))) {
            return SummaryCsvReader.ofDefaults(ChronoUnit.WEEKS).read(in);
        }
    }
}
