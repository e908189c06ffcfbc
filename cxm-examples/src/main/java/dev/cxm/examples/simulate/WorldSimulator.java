package dev.cxm.examples.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongConsumer;

import dev.cxm.examples.simulate.internal.WorldWriter;

/**
 * Simulates a customer-experience world and writes it as files: customers with segments, consents and
 * identities; their journeys through a designed map; interactions on every channel; purchases from a BG/NBD
 * process with Gamma-Gamma spend; NPS, CSAT and CES answers and comments that follow what happened to the
 * customer; memberships that end as a shifted-beta-geometric model says; and the generating parameters
 * ({@code truth.json}), so that a user can check what the models recover. See {@code docs/simulator.md}.
 *
 * <p>Same seed, same files, byte for byte: each customer is drawn from a random stream of its own (the seed and
 * the customer's index), so the files do not depend on the number of threads.
 *
 * <pre>{@code
 * SimulatedWorld world = WorldSimulator.custom().customers(5_000).seed(7).build().writeTo(Path.of("world"));
 * }</pre>
 */
public final class WorldSimulator {

    /** The customers of {@link #ofDefaults()}. */
    public static final int DEFAULT_CUSTOMERS = 20_000;
    /** The seed of {@link #ofDefaults()}. */
    public static final long DEFAULT_SEED = 20_261_206L;
    /** The most customers a world may have (customer numbers have seven digits). */
    public static final int MAX_CUSTOMERS = 9_999_999;

    private static final WorldSimulator DEFAULTS = new WorldSimulator(DEFAULT_CUSTOMERS, DEFAULT_SEED,
            Runtime.getRuntime().availableProcessors());

    private final int customers;
    private final long seed;
    private final int threads;

    private WorldSimulator(int customers, long seed, int threads) {
        this.customers = customers;
        this.seed = seed;
        this.threads = threads;
    }

    /**
     * Returns the default world: {@value #DEFAULT_CUSTOMERS} customers, seed {@value #DEFAULT_SEED}, one thread
     * per processor.
     *
     * @return the simulator
     */
    public static WorldSimulator ofDefaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder preloaded with the defaults.
     *
     * @return the builder
     */
    public static Builder custom() {
        return new Builder(DEFAULTS);
    }

    /**
     * Returns a builder preloaded with {@code base}.
     *
     * @param base the simulator to start from
     * @return the builder
     */
    public static Builder from(WorldSimulator base) {
        return new Builder(Objects.requireNonNull(base, "base"));
    }

    /**
     * Returns the number of customers simulated.
     *
     * @return the customers, 1 to {@value #MAX_CUSTOMERS}
     */
    public int customers() {
        return customers;
    }

    /**
     * Returns the seed.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the number of threads that simulate; it does not change the files.
     *
     * @return the threads, 1 or more
     */
    public int threads() {
        return threads;
    }

    /**
     * Simulates the world and writes its files into {@code directory} (created when absent; files of an earlier
     * world there are replaced). The files are written under temporary names and renamed when all are complete,
     * so a failure leaves no partial world.
     *
     * @param directory the folder
     * @return the files written and their counts
     * @throws IOException when a file cannot be written
     */
    public SimulatedWorld writeTo(Path directory) throws IOException {
        return writeTo(directory, done -> { });
    }

    /**
     * Simulates the world and writes its files into {@code directory}, telling {@code progress} how many
     * customers are written after each block of them (on the calling thread), for a progress bar.
     *
     * @param directory the folder
     * @param progress told the customers written so far, rising to {@link #customers()}
     * @return the files written and their counts
     * @throws IOException when a file cannot be written
     */
    public SimulatedWorld writeTo(Path directory, LongConsumer progress) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(progress, "progress");
        WorldWriter.Written written = new WorldWriter(customers, seed, threads).write(directory, progress);
        return SimulatedWorld.in(directory, customers, written.records(), written.events());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorldSimulator that && customers == that.customers && seed == that.seed
                && threads == that.threads;
    }

    @Override
    public int hashCode() {
        return Objects.hash(customers, seed, threads);
    }

    @Override
    public String toString() {
        return "WorldSimulator[customers=" + customers + ", seed=" + seed + ", threads=" + threads + "]";
    }

    /** Builds a {@link WorldSimulator}; each setter refuses a bad value at once and leaves the builder as it was. */
    public static final class Builder {
        private int customers;
        private long seed;
        private int threads;

        private Builder(WorldSimulator base) {
            this.customers = base.customers;
            this.seed = base.seed;
            this.threads = base.threads;
        }

        /**
         * Sets the number of customers.
         *
         * @param value 1 to {@value WorldSimulator#MAX_CUSTOMERS}
         * @return this builder
         * @throws IllegalArgumentException when the value is out of range
         */
        public Builder customers(int value) {
            if (value < 1 || value > MAX_CUSTOMERS) {
                throw new IllegalArgumentException("customers: " + value + " is out of range; it must be 1 to "
                        + MAX_CUSTOMERS);
            }
            this.customers = value;
            return this;
        }

        /**
         * Sets the seed.
         *
         * @param value any number
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sets the number of threads that simulate (the files do not depend on it).
         *
         * @param value 1 to 256
         * @return this builder
         * @throws IllegalArgumentException when the value is out of range
         */
        public Builder threads(int value) {
            if (value < 1 || value > 256) {
                throw new IllegalArgumentException("threads: " + value + " is out of range; it must be 1 to 256");
            }
            this.threads = value;
            return this;
        }

        /**
         * Builds the simulator.
         *
         * @return the simulator
         */
        public WorldSimulator build() {
            return new WorldSimulator(customers, seed, threads);
        }
    }
}
