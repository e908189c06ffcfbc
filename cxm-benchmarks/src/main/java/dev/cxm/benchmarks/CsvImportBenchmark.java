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

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.cxm.core.io.CsvColumnMapping;
import dev.cxm.core.io.CsvEventImporter;
import dev.cxm.core.io.ImportPolicy;
import dev.cxm.core.io.ImportReport;

/**
 * CSV import throughput: {@value #ROWS} mixed rows ({@link ImportInput}) with the default column mapping,
 * read from UTF-8 bytes, parsed and mapped into a store that keeps nothing, so that the store's cost is apart.
 * JMH reports events per second (one operation is one row); single-threaded, so the figures are per core.
 * Target (issue 9): 1,000,000 events per second.
 *
 * <p>{@code jacksonTokensOnly} is the floor under the import: Jackson's CSV parser reading every cell of the
 * same bytes as a string, and nothing else.
 *
 * <p>On a shared machine add {@code -prof dev.cxm.benchmarks.CpuTimeProfiler}: it reports the events per second
 * of CPU time as well, which the load moves much less than the score.
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar CsvImportBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(CsvImportBenchmark.ROWS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 3, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class CsvImportBenchmark {

    /** Rows per operation. */
    static final int ROWS = 200_000;

    @Param({"SKIP_AND_REPORT"})
    ImportPolicy policy;

    private ImportInput.Files input;
    private CsvEventImporter importer;

    /** Generates the rows once per fork. */
    @Setup(Level.Trial)
    public void generate() {
        input = ImportInput.generate(ROWS);
        importer = CsvEventImporter.ofDefaults(CsvColumnMapping.ofDefaults(), policy);
    }

    /** Imports every row into a store that only counts them. */
    @Benchmark
    public long importRows() throws IOException {
        ImportInput.CountingStore store = new ImportInput.CountingStore();
        ImportReport report = importer.importInto(store, input.csvSource());
        if (report.appended() != ROWS) {
            throw new IllegalStateException("imported " + report.appended() + " of " + ROWS + ": " + report);
        }
        return store.events;
    }

    /** Reads every cell with Jackson's CSV parser as a string, and nothing more. */
    @Benchmark
    public long jacksonTokensOnly() throws IOException {
        long chars = 0;
        try (Reader reader = input.csvSource().open();
                CsvParser parser = new CsvFactory().createParser(reader)) {
            parser.setSchema(CsvSchema.emptySchema());
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    chars += parser.getText().length();
                }
            }
        }
        return chars;
    }
}
