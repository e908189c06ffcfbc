package dev.cxm.examples.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.examples.cli.common.OutputFile;
import dev.cxm.examples.cli.common.StoreOptions;
import dev.cxm.examples.cli.common.Usage;
import dev.cxm.examples.report.CxAnalysis;
import dev.cxm.examples.report.CxReport;
import dev.cxm.examples.report.HtmlReport;
import dev.cxm.examples.report.Progress;
import dev.cxm.examples.report.ReportInput;
import dev.cxm.examples.report.TextReport;
import dev.cxm.examples.report.WorldFolder;
import dev.cxm.examples.simulate.WorldSimulator;
import org.h2.jdbcx.JdbcConnectionPool;

import dev.cxm.jdbc.JdbcStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cxm demo}: what cxm is for, end to end, with nothing but the jar. It simulates a CX world into a
 * temporary folder, stores its events and customer records in the embedded default store (an H2 file in that
 * folder, or the database of {@code --store}), runs every capability on the store and prints the report;
 * {@code --html} also writes it as one HTML file with charts. The temporary folder is deleted at the end.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Simulate a CX world, store it (an embedded H2 file, or --store), analyse it with every"
                + " capability and print the report; --html also writes it with charts.")
public final class DemoCommand implements Callable<Integer> {

    /** Events per append into the store: one transaction each. */
    static final int BATCH_SIZE = 10_000;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "" + WorldSimulator.DEFAULT_CUSTOMERS,
            description = "Customers to simulate (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + WorldSimulator.DEFAULT_SEED,
            description = "Seed of the simulation: the same seed, the same world (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    StoreOptions store;

    @Option(names = "--html", paramLabel = "FILE.html",
            description = "Also write the report as one self-contained HTML file with charts.")
    Path html;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Usage.require(spec, customers >= 1 && customers <= WorldSimulator.MAX_CUSTOMERS, "--customers: " + customers
                + " is outside 1.." + WorldSimulator.MAX_CUSTOMERS);
        Optional<OutputFile> htmlFile = Optional.ofNullable(html).map(OutputFile::checked);
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = ConsoleProgress.of(spec.commandLine().getErr());
        Path work = Files.createTempDirectory("cxm-demo-");
        CxReport report;
        try {
            WorldFolder world = simulate(work.resolve("world"), progress);
            String source;
            try (StoreOptions.OpenStore open = open(work.resolve("store").resolve("cxm-demo"))) {
                source = store.given() ? store.url() : "a simulated world of " + customers + " customers (seed "
                        + seed + ") in an embedded H2 store";
                WorldLoader.storeWorld(world, open.events(), open.stores().customerStore(), BATCH_SIZE, progress);
                ReportInput input = world.files().input(source, WorldLoader.intoMemory(open.events(), progress),
                        WorldLoader.customersIntoMemory(open.stores().customerStore()));
                report = CxAnalysis.ofDefaults().analyse(input, progress);
            }
        } finally {
            deleteRecursively(work);
        }
        TextReport.print(report, out);
        if (htmlFile.isPresent()) {
            HtmlReport renderer = HtmlReport.create();
            htmlFile.get().write(writer -> renderer.write(report, writer));
            out.println();
            out.println("Wrote " + htmlFile.get().path() + ": the same report with charts (opens offline)");
        }
        out.flush();
        return 0;
    }

    private WorldFolder simulate(Path folder, Progress progress) throws IOException {
        try (Progress.Task task = progress.start("Simulating " + customers + " customers", customers)) {
            WorldSimulator.custom().customers(customers).seed(seed).build().writeTo(folder,
                    done -> task.advance(done, ""));
        }
        return WorldFolder.of(folder);
    }

    /** Opens {@code --store}, else a new H2 file at {@code file}. */
    private StoreOptions.OpenStore open(Path file) throws IOException {
        if (store.given()) {
            return store.open();
        }
        Files.createDirectories(file.getParent());
        // A throwaway store: commits need not reach the disk one by one (JdbcStores.h2File waits for each), which
        // halves the cost of the customer records, one commit each.
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + file.toAbsolutePath()
                + ";LAZY_QUERY_EXECUTION=TRUE", "sa", "");
        try {
            return new StoreOptions.OpenStore(JdbcStores.builder(pool).batchSize(BATCH_SIZE).build(), pool::dispose);
        } catch (RuntimeException e) {
            pool.dispose();
            throw new CommandFailure("cannot create the demo's H2 store in " + file.getParent() + ": " + e.getMessage());
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
