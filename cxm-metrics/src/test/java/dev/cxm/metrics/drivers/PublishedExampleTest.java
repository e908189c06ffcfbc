package dev.cxm.metrics.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A published LMG decomposition: R's {@code attitude} data (Chatterjee and Price 1977; 30 departments' ratings
 * of their supervisor and six aspects of the job), the overall {@code rating} on the six aspects. The dominance
 * analysis of Azen and Budescu (2003) reports each aspect's "average contribution" (general dominance, which is
 * the LMG value): complaints 0.371, learning 0.156, raises 0.120, privileges 0.051, advance 0.028, critical
 * 0.007, and R² 0.733, as printed in the README of the R package dominanceanalysis (CRAN; GitHub
 * clbustos/dominanceAnalysis). The file is R's data set as the Rdatasets collection publishes it.
 */
class PublishedExampleTest {

    private static final Path ATTITUDE = Path.of("src/test/resources/data/attitude.csv");
    private static final List<String> ASPECTS = List.of("complaints", "privileges", "learning", "raises", "critical",
            "advance");

    @Test
    void reproducesThePublishedAverageContributionsOfTheAttitudeData() throws IOException {
        DriverData data = DriverCsv.ofDefaults("rating", ASPECTS).read(ATTITUDE);
        KeyDriverResult result = KeyDrivers.custom().resamples(0).build().compute(data);
        assertThat(result.n()).isEqualTo(30);
        assertThat(result.method()).isEqualTo(DriverMethod.SHAPLEY);
        assertThat(result.rSquared()).isCloseTo(0.733, within(0.0005));
        double[] published = {0.371, 0.051, 0.156, 0.120, 0.007, 0.028};
        for (int j = 0; j < ASPECTS.size(); j++) {
            assertThat(result.driver(ASPECTS.get(j)).orElseThrow().importance()).as(ASPECTS.get(j))
                    .isCloseTo(published[j], within(0.0005));
        }
        assertThat(result.drivers()).extracting(DriverImportance::name)
                .containsExactly("complaints", "learning", "raises", "privileges", "advance", "critical");
        assertThat(result.drivers()).extracting(DriverImportance::rank).containsExactly(1, 2, 3, 4, 5, 6);
        // 30 rows for 6 drivers is below Green's 50 + 8 x 6 = 98.
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).startsWith("small sample: 30 rows for 6 drivers"));
    }
}
