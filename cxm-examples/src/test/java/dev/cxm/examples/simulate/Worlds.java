package dev.cxm.examples.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Worlds the tests share: each size and seed is written once per test JVM, into a folder deleted when the JVM
 * ends, so that the recovery, file and command tests do not simulate the same world again.
 */
final class Worlds {

    private static final Map<String, SimulatedWorld> WRITTEN = new HashMap<>();

    private Worlds() {}

    /** The default world: 20,000 customers, the default seed. */
    static synchronized SimulatedWorld defaults() {
        return of(WorldSimulator.DEFAULT_CUSTOMERS, WorldSimulator.DEFAULT_SEED);
    }

    /** A small world for the file and command tests. */
    static synchronized SimulatedWorld small() {
        return of(2_000, 17);
    }

    static synchronized SimulatedWorld of(int customers, long seed) {
        return WRITTEN.computeIfAbsent(customers + "/" + seed, key -> {
            try {
                Path dir = Files.createTempDirectory("cxm-world-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                return WorldSimulator.custom().customers(customers).seed(seed).build().writeTo(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
