package dev.cxm.examples.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link CsvCells}: the rule against CSV injection, as OWASP states it (a leading single quote before a cell
 * that starts with =, +, -, @, tab or carriage return), applied to text from the data only; the numbers cxm
 * writes keep their Java form.
 */
class CsvCellsTest {

    @Test
    void textThatWouldStartAFormulaGetsAQuoteUnlessRaw() {
        CsvCells guarded = CsvCells.of(false);
        CsvCells raw = CsvCells.of(true);

        assertThat(guarded.text("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(guarded.text("+1")).isEqualTo("'+1");
        assertThat(guarded.text("-2+3")).isEqualTo("'-2+3");
        assertThat(guarded.text("@x")).isEqualTo("'@x");
        assertThat(guarded.text("\tx")).isEqualTo("'\tx");
        assertThat(guarded.text("\rx")).isEqualTo("\"'\rx\"");
        assertThat(guarded.text("=A1,B1")).isEqualTo("\"'=A1,B1\"");
        assertThat(guarded.text("a=b")).isEqualTo("a=b");
        assertThat(guarded.text("")).isEmpty();
        assertThat(raw.text("=SUM(A1)")).isEqualTo("=SUM(A1)");
        assertThat(raw.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }

    @Test
    void numbersAreNeverChanged() {
        assertThat(CsvCells.number(-0.5)).isEqualTo("-0.5");
        assertThat(CsvCells.number(1.0E-5)).isEqualTo("1.0E-5");
        assertThat(CsvCells.number(-3L)).isEqualTo("-3");
    }
}
