package dev.cxm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every input a CSV import opens is closed, whatever happens: after the import, after reading the header alone
 * ({@link CsvEventImporter#columns}), and at once when the header does not fit the mapping. Oracle: the readers
 * the source handed out record their closing ({@link ReaderSource}'s contract: the caller of {@code open()}
 * closes what it opened), for the sequential and the threaded reader.
 */
class CsvInputsAreClosedTest {

    /** A source that keeps every reader it opens, each recording whether it was closed. */
    private static final class Recording implements ReaderSource {
        private final String text;
        final List<boolean[]> opened = new ArrayList<>();

        Recording(String text) {
            this.text = text;
        }

        @Override
        public Reader open() {
            boolean[] closed = {false};
            opened.add(closed);
            return new StringReader(text) {
                @Override
                public void close() {
                    closed[0] = true;
                    super.close();
                }
            };
        }

        void assertAllClosed(int count) {
            assertThat(opened).hasSize(count);
            assertThat(opened).allSatisfy(closed -> assertThat(closed[0]).isTrue());
        }
    }

    private static final String CSV = "type,customer_id,occurred_at,score,scale\nfeedback,c1,2026-01-01T00:00:00Z,9,nps\n";

    @Test
    void importsCloseTheirInputsUnderEitherPolicyAndReader() throws IOException {
        for (int threads : new int[] {0, 2}) {
            for (ImportPolicy policy : ImportPolicy.values()) {
                Recording source = new Recording(CSV);
                List<Object> taken = new ArrayList<>();

                CsvEventImporter.custom(CsvColumnMapping.ofDefaults(), policy).mappingThreads(threads).build()
                        .importInto(taken::add, source);

                assertThat(taken).hasSize(1);
                source.assertAllClosed(policy == ImportPolicy.FAIL_ON_FIRST_ERROR ? 2 : 1);
            }
        }
    }

    @Test
    void readingTheColumnsClosesTheInput() throws IOException {
        Recording source = new Recording(CSV);

        assertThat(CsvEventImporter.ofDefaults(CsvColumnMapping.ofDefaults(), ImportPolicy.SKIP_AND_REPORT)
                .columns(source)).containsExactly("type", "customer_id", "occurred_at", "score", "scale");

        source.assertAllClosed(1);
    }

    @Test
    void aHeaderThatDoesNotFitClosesTheInputAtOnce() {
        for (int threads : new int[] {0, 2}) {
            Recording source = new Recording("type,customer_id,score\nfeedback,c1,9\n");
            CsvEventImporter importer = CsvEventImporter.custom(CsvColumnMapping.ofDefaults(),
                    ImportPolicy.SKIP_AND_REPORT).mappingThreads(threads).build();

            assertThatThrownBy(() -> importer.importInto(event -> { }, source))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("occurred_at");

            source.assertAllClosed(1);
        }
    }
}
