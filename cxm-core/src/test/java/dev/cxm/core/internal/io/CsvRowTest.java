package dev.cxm.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link CsvRow} holds any number of cells as ranges of their arrays. Oracle: the cells' own texts, with
 * {@link String#strip()} and {@link String#isBlank()} of each as the stripped text and blankness its Javadoc
 * names; rows of up to 200 cells (its arrays start with room for 32), cells of random whitespace (Unicode's
 * too) around random text, each in a range of a larger array, and the same row object reused after
 * {@code clear()}.
 */
class CsvRowTest {

    private static final String WHITE = " \t\u000B\u2028\u3000";
    private static final String TEXT = "ab ,\"x\u00e9\u00A0";

    private static String random(Random random, String alphabet, int most) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(most + 1); i > 0; i--) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    @Test
    void everyCellOfARowOfAnyWidthIsItsTextStrippedAsStringStripsIt() {
        Random random = new Random(11);
        CsvRow row = new CsvRow();
        for (int round = 0; round < 60; round++) {
            row.clear();
            int width = 1 + random.nextInt(200);
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                String cell = random(random, WHITE, 2) + random(random, TEXT, 4) + random(random, WHITE, 2);
                String padded = "<<" + cell + ">>";
                row.add(padded.toCharArray(), 2, 2 + cell.length());
                cells.add(cell);
            }

            assertThat(row.count()).isEqualTo(width);
            for (int i = 0; i < width; i++) {
                String cell = cells.get(i);
                String stripped = cell.strip();
                assertThat(row.raw(i)).isEqualTo(cell);
                assertThat(new String(row.chars(i), row.start(i), row.end(i) - row.start(i))).isEqualTo(cell);
                assertThat(row.isBlank(i)).isEqualTo(cell.isBlank());
                assertThat(row.stripped(i)).isEqualTo(stripped.isEmpty() ? null : stripped);
                int start = row.strippedStart(i);
                int end = row.strippedEnd(i, start);
                assertThat(new String(row.chars(i), start, end - start)).isEqualTo(stripped);
            }
        }
    }
}
