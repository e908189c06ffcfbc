package dev.cxm.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.cxm.core.io.ImportPolicy;
import dev.cxm.core.io.ImportReport;
import dev.cxm.core.io.NdjsonEventImporter;

/**
 * NDJSON import throughput: the {@value #ROWS} mixed events of {@link ImportInput} as cxm writes them, read from
 * UTF-8 bytes, parsed and mapped into a store that keeps nothing. JMH reports events per second (one operation
 * is one line); single-threaded, so per core. Target (issue 9): 1,000,000 events per second.
 *
 * <p>{@code jacksonTokensOnly} is the floor under the import: Jackson's streaming parser reading every token of
 * the same bytes (every value's text), and nothing else.
 *
 * <p>On a shared machine add {@code -prof dev.cxm.benchmarks.CpuTimeProfiler}: it reports the events per second
 * of CPU time as well, which the load moves much less than the score.
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar NdjsonImportBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(NdjsonImportBenchmark.ROWS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 3, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class NdjsonImportBenchmark {

    /** Lines per operation. */
    static final int ROWS = 200_000;

    @Param({"SKIP_AND_REPORT"})
    ImportPolicy policy;

    private ImportInput.Files input;
    private NdjsonEventImporter importer;

    /** Generates the events once per fork. */
    @Setup(Level.Trial)
    public void generate() {
        input = ImportInput.generate(ROWS);
        importer = NdjsonEventImporter.ofDefaults(policy);
    }

    /** Imports every line into a store that only counts them. */
    @Benchmark
    public long importLines() throws IOException {
        ImportInput.CountingStore store = new ImportInput.CountingStore();
        ImportReport report = importer.importInto(store, input.ndjsonSource());
        if (report.appended() != ROWS) {
            throw new IllegalStateException("imported " + report.appended() + " of " + ROWS + ": " + report);
        }
        return store.events;
    }

    /** Reads every token with Jackson's streaming parser, each value as text, and nothing more. */
    @Benchmark
    public long jacksonTokensOnly() throws IOException {
        long chars = 0;
        try (Reader reader = input.ndjsonSource().open(); JsonParser parser = new JsonFactory().createParser(reader)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isScalarValue()) {
                    chars += parser.getTextLength();
                }
            }
        }
        return chars;
    }
}
