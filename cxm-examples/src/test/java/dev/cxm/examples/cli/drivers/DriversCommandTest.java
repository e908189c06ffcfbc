package dev.cxm.examples.cli.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.examples.cli.CliRun;

/**
 * {@code cxm drivers}: the published LMG values of R's attitude data (dominance analysis, as in cxm-metrics'
 * {@code PublishedExampleTest}: complaints 0.371, learning 0.156, raises 0.120, privileges 0.051, advance 0.028,
 * critical 0.007, R² 0.733), the JSON names of the contract, the sample file, and the one-line errors that name
 * a line and column but never a cell.
 */
class DriversCommandTest {

    private static final String ATTITUDE = "../cxm-metrics/src/test/resources/data/attitude.csv";
    private static final String SAMPLE = "samples/drivers.csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static CliRun attitude(String... extra) {
        List<String> args = new ArrayList<>(List.of("drivers", "--input", ATTITUDE, "--outcome-column", "rating",
                "--driver-columns", "complaints,privileges,learning,raises,critical,advance"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void jsonPrintsRSquaredAndEachDriverUnderTheContractsNames() throws IOException {
        CliRun run = attitude("--json", "--bootstrap", "200");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("rSquared").asDouble()).isCloseTo(0.733, within(0.0005));
        assertThat(json.get("method").asText()).isEqualTo("shapley");
        assertThat(json.get("n").asInt()).isEqualTo(30);
        JsonNode first = json.get("drivers").get(0);
        List<String> keys = new ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("name", "importance", "share", "lower", "upper", "rank");
        assertThat(first.get("name").asText()).isEqualTo("complaints");
        assertThat(first.get("importance").asDouble()).isCloseTo(0.371, within(0.0005));
        assertThat(first.get("share").asDouble()).isCloseTo(0.371 / 0.733, within(0.001));
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("lower").asDouble()).isLessThanOrEqualTo(first.get("share").asDouble());
        assertThat(first.get("upper").asDouble()).isGreaterThanOrEqualTo(first.get("share").asDouble());
        double[] published = {0.371, 0.156, 0.120, 0.051, 0.028, 0.007};
        for (int j = 0; j < published.length; j++) {
            assertThat(json.get("drivers").get(j).get("importance").asDouble()).isCloseTo(published[j], within(0.0005));
        }
        assertThat(json.get("resamples").asInt()).isEqualTo(200);
        assertThat(json.get("warnings").get(0).asText()).startsWith("small sample: 30 rows for 6 drivers");
    }

    @Test
    void withoutBootstrapTheBoundsAreNull() throws IOException {
        JsonNode json = JSON.readTree(attitude("--json", "--bootstrap", "0").out());
        assertThat(json.get("drivers").get(0).get("lower").isNull()).isTrue();
        assertThat(json.get("drivers").get(0).get("upper").isNull()).isTrue();
        assertThat(json.get("resamples").asInt()).isZero();
    }

    @Test
    void theSameSeedRepeatsARunExactlyAndAnotherSeedDoesNot() {
        CliRun first = attitude("--json", "--bootstrap", "300", "--seed", "42");
        CliRun again = attitude("--json", "--bootstrap", "300", "--seed", "42");
        CliRun other = attitude("--json", "--bootstrap", "300", "--seed", "43");
        assertThat(again.out()).isEqualTo(first.out());
        assertThat(other.out()).isNotEqualTo(first.out());
    }

    @Test
    void relativeWeightsAreChosenByName() throws IOException {
        // Oracle: Johnson's relative weights of the attitude data, computed with NumPy from the correlation
        // matrix (eigendecomposition, symmetric square root): complaints 0.3628, learning 0.1636.
        JsonNode json = JSON.readTree(attitude("--json", "--bootstrap", "0", "--method", "relative-weights").out());
        assertThat(json.get("method").asText()).isEqualTo("relative-weights");
        assertThat(json.get("drivers").get(0).get("importance").asDouble()).isCloseTo(0.3628, within(0.00005));
        assertThat(json.get("drivers").get(1).get("importance").asDouble()).isCloseTo(0.1636, within(0.00005));
    }

    @Test
    void textShowsTheRankedTableOfTheSampleFile() {
        CliRun run = CliRun.of("drivers", "--input", SAMPLE, "--outcome-column", "recommend", "--driver-columns",
                "wait_time,staff,price,cleanliness", "--bootstrap", "200");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Key drivers of recommend: 400 rows, 4 drivers, Shapley decomposition of R²"
                + " (LMG)\nR² = ")
                .contains("rank  driver                importance    share  95% interval")
                .containsPattern("\\n   1  staff\\s+0\\.\\d{4}\\s+\\d+\\.\\d%\\s+\\d+\\.\\d% \\.\\. \\d+\\.\\d%")
                .contains("intervals: bootstrap percentile, 200 resamples, seed 1");
    }

    @Test
    void aCellThatIsNoNumberIsOneLineNamingTheLineAndColumnButNotTheCell() throws IOException {
        Path file = write("bad.csv", "recommend,wait,staff\n9,3,4\n7,slow-ish,2\n");
        CliRun run = CliRun.of("drivers", "--input", file.toString(), "--outcome-column", "recommend",
                "--driver-columns", "wait,staff");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("cxm: " + file + ": line 3, column wait: not a number; write ASCII digits"
                + " with an optional sign, decimal point and exponent\n").doesNotContain("slow");
    }

    @Test
    void aDriverWithoutVarianceOrTooFewRowsIsOneLineNamingTheColumn() throws IOException {
        Path flat = write("flat.csv", "recommend,wait,staff\n9,3,4\n7,3,2\n8,3,5\n6,3,1\n5,3,3\n");
        CliRun run = CliRun.of("drivers", "--input", flat.toString(), "--outcome-column", "recommend",
                "--driver-columns", "wait,staff");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("cxm: driver wait: no variance; every row has the same value, so it explains"
                + " nothing; leave it out\n");
        Path three = write("three.csv", "recommend,wait,staff\n9,3,4\n7,2,2\n8,1,5\n");
        CliRun few = CliRun.of("drivers", "--input", three.toString(), "--outcome-column", "recommend",
                "--driver-columns", "wait,staff");
        assertThat(few.exitCode()).isEqualTo(1);
        assertThat(few.err()).startsWith("cxm: rows: 3 rows for 2 drivers; key-driver analysis needs at least"
                + " drivers + 2 = 4 rows");
    }

    @Test
    void aMissingColumnOrAnExtraCellIsOneLine() throws IOException {
        Path file = write("extra.csv", "recommend,wait\n9,3\n7,2,1\n");
        CliRun missing = CliRun.of("drivers", "--input", file.toString(), "--outcome-column", "recommend",
                "--driver-columns", "wait,staff");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("cxm: column \"staff\" (--driver-columns) is not in the header of "
                + file + "\n");
        CliRun extra = CliRun.of("drivers", "--input", file.toString(), "--outcome-column", "recommend",
                "--driver-columns", "wait");
        assertThat(extra.exitCode()).isEqualTo(1);
        assertThat(extra.err()).startsWith("cxm: " + file + ": line 3: 3 cells, but the header has 2 columns");
        CliRun absent = CliRun.of("drivers", "--input", dir.resolve("none.csv").toString(), "--outcome-column", "y",
                "--driver-columns", "a");
        assertThat(absent.err()).startsWith("cxm: file not found: ");
    }

    @Test
    void mistakesInTheCommandLineAreUsageErrors() {
        assertThat(attitude("--bootstrap", "50").err()).startsWith("cxm: --bootstrap: 50 is neither 0 (no intervals)"
                + " nor at least 100");
        assertThat(attitude("--bootstrap", "50").exitCode()).isEqualTo(2);
        assertThat(attitude("--level", "1.5").exitCode()).isEqualTo(2);
        CliRun method = attitude("--method", "lasso");
        assertThat(method.exitCode()).isEqualTo(2);
        assertThat(method.err()).contains("'lasso' is not a method; use automatic, shapley or relative-weights");
        CliRun twice = CliRun.of("drivers", "--input", ATTITUDE, "--outcome-column", "rating", "--driver-columns",
                "learning,learning");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).startsWith("cxm: --driver-columns: learning,learning names a column twice");
        CliRun itself = CliRun.of("drivers", "--input", ATTITUDE, "--outcome-column", "rating", "--driver-columns",
                "learning,rating");
        assertThat(itself.exitCode()).isEqualTo(2);
        assertThat(itself.err()).startsWith("cxm: --driver-columns: rating is the --outcome-column");
    }
}
