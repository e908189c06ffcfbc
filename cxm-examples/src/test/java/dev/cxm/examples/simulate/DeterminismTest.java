package dev.cxm.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seed, same files, byte for byte, whatever the number of threads; another seed, another world. The
 * oracle is a byte comparison of every file.
 */
class DeterminismTest {

    private static final List<String> FILES = List.of(SimulatedWorld.CUSTOMERS, SimulatedWorld.EVENTS_CSV,
            SimulatedWorld.EVENTS_NDJSON, SimulatedWorld.JOURNEY_MAP, SimulatedWorld.DRIVERS, SimulatedWorld.SUBJECTS,
            SimulatedWorld.SEGMENTS, SimulatedWorld.ACTIONS, SimulatedWorld.TRUTH);

    @Test
    void theSameSeedWritesTheSameBytesOnOneThreadAndOnThree(@TempDir Path one, @TempDir Path three) throws IOException {
        // 1,500 customers span 24 blocks of 64, so three threads finish them out of order.
        SimulatedWorld first = WorldSimulator.custom().customers(1_500).seed(99).threads(1).build().writeTo(one);
        SimulatedWorld second = WorldSimulator.custom().customers(1_500).seed(99).threads(3).build().writeTo(three);
        assertThat(second.eventCount()).isEqualTo(first.eventCount()).isPositive();
        for (String file : FILES) {
            assertThat(Files.mismatch(one.resolve(file), three.resolve(file))).as(file).isEqualTo(-1L);
        }
    }

    /**
     * Another JVM (started from this one's Java and class path, through {@code cxm simulate}) writes the same
     * bytes: nothing depends on a hash seed, the clock or the order threads finish in.
     */
    @Test
    void anotherJvmWritesTheSameBytes(@TempDir Path here, @TempDir Path there, @TempDir Path logs) throws Exception {
        Path log = logs.resolve("child.log");
        WorldSimulator.custom().customers(700).seed(11).threads(2).build().writeTo(here);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.cxm.examples.cli.CxmCommand", "simulate",
                "--customers", "700", "--seed", "11", "--threads", "1", "--out", there.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 5 minutes: " + Files.readString(log));
        }
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
        for (String file : FILES) {
            assertThat(Files.mismatch(here.resolve(file), there.resolve(file))).as(file).isEqualTo(-1L);
        }
    }

    @Test
    void anotherSeedWritesAnotherWorld(@TempDir Path one, @TempDir Path other) throws IOException {
        WorldSimulator.custom().customers(300).seed(1).build().writeTo(one);
        WorldSimulator.custom().customers(300).seed(2).build().writeTo(other);
        for (String file : List.of(SimulatedWorld.CUSTOMERS, SimulatedWorld.EVENTS_CSV, SimulatedWorld.EVENTS_NDJSON,
                SimulatedWorld.DRIVERS, SimulatedWorld.SUBJECTS, SimulatedWorld.TRUTH)) {
            assertThat(Files.mismatch(one.resolve(file), other.resolve(file))).as(file).isNotEqualTo(-1L);
        }
        assertThat(Files.mismatch(one.resolve(SimulatedWorld.JOURNEY_MAP), other.resolve(SimulatedWorld.JOURNEY_MAP)))
                .as("the designed map does not depend on the seed").isEqualTo(-1L);
    }

    @Test
    void aWorldReplacesTheFilesOfAnEarlierOneAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        WorldSimulator.custom().customers(200).seed(5).build().writeTo(dir);
        SimulatedWorld smaller = WorldSimulator.custom().customers(50).seed(5).build().writeTo(dir);
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted().toList())
                    .isEqualTo(FILES.stream().sorted().toList());
        }
        assertThat(Files.readAllLines(smaller.customers())).hasSize((int) smaller.customerRecords());
        assertThat(Files.readAllLines(smaller.eventsCsv())).hasSize((int) smaller.eventCount() + 1);
    }
}
