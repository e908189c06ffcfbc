package dev.cxm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The CSV importer's settings at the closed ends of their documented ranges. Oracle: the builder's Javadoc applied
 * by hand: a batch size of 1 or more, a rejected-row limit of 0 or more, 0 to
 * {@value CsvEventImporter#MAX_MAPPING_THREADS} mapping threads; a valid value is kept as given.
 */
class ImporterSettingsBoundsTest {

    private static CsvEventImporter.Builder builder() {
        return CsvEventImporter.custom(CsvColumnMapping.ofDefaults(), ImportPolicy.SKIP_AND_REPORT);
    }

    @Test
    void eachSettingIsKeptAtTheEndsOfItsRange() {
        assertThat(builder().batchSize(1).build().batchSize()).isEqualTo(1);
        assertThat(builder().rejectedRowLimit(0).build().rejectedRowLimit()).isZero();
        assertThat(builder().mappingThreads(0).build().mappingThreads()).isZero();
        assertThat(builder().mappingThreads(1).build().mappingThreads()).isEqualTo(1);
        assertThat(builder().mappingThreads(64).build().mappingThreads()).isEqualTo(64);
    }

    @Test
    void eachSettingIsRefusedJustOutsideItsRange() {
        assertThatThrownBy(() -> builder().mappingThreads(65)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mappingThreads: 65 is outside 0..64");
        assertThatThrownBy(() -> builder().mappingThreads(-1)).hasMessage("mappingThreads: -1 is outside 0..64");
        assertThatThrownBy(() -> builder().batchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder().rejectedRowLimit(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
