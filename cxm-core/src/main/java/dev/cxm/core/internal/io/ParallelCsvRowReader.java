package dev.cxm.core.internal.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import dev.cxm.core.io.CsvColumnMapping;

/**
 * Reads CSV rows as {@link CsvRowReader} does, with the work spread over threads of its own: one thread splits
 * the text into batches of rows (their cells copied out of the tokenizer's buffer), {@code mappers} threads map
 * the batches to events, each with its own {@link CsvRowMapper} of the same mapping and header, and
 * {@link #next()} hands the rows out in input order. So the rows, their lines, their rejections and where the
 * reading ends are those of {@link CsvRowReader}; only the time differs.
 *
 * <p>At most {@link #BATCHES_IN_FLIGHT} batches per mapper are read ahead, so memory stays constant whatever the
 * size of the input. {@link #close()} stops the threads and closes the input, also when the rows were not read
 * to the end.
 */
public final class ParallelCsvRowReader implements RowReader {

    /** Rows per batch: enough that handing a batch over costs little per row. */
    static final int BATCH_ROWS = 2_048;
    /** Batches read ahead per mapper. */
    static final int BATCHES_IN_FLIGHT = 3;
    private static final AtomicInteger READERS = new AtomicInteger();

    private final CsvTokenizer tokenizer;
    private final ExecutorService mappers;
    private final ThreadLocal<CsvRowMapper> mapperOfThread;
    /** The batches in input order, each being mapped or mapped. */
    private final BlockingQueue<Future<MappedBatch>> batches;
    private final Thread splitter;
    private final int batchRows;
    /** The characters and cells of the last batch read: the next one starts with room for as many. */
    private int lastChars = 8_192;
    private int lastCells = 256;
    private @Nullable MappedBatch current;
    private int position;
    private boolean finished;
    private volatile boolean closed;

    private ParallelCsvRowReader(CsvTokenizer tokenizer, CsvColumnMapping mapping, String[] header, int mapperCount,
            int batchRows) {
        this.tokenizer = tokenizer;
        this.batchRows = batchRows;
        // Built here once, so that a header that does not fit the mapping fails on the caller's thread.
        new CsvRowMapper(mapping, header);
        this.mapperOfThread = ThreadLocal.withInitial(() -> new CsvRowMapper(mapping, header));
        int id = READERS.incrementAndGet();
        AtomicInteger mapperNumber = new AtomicInteger();
        this.mappers = Executors.newFixedThreadPool(mapperCount, task -> daemon(task, "cxm-csv-mapper-" + id + "-"
                + mapperNumber.incrementAndGet()));
        this.batches = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT * mapperCount);
        this.splitter = daemon(this::split, "cxm-csv-splitter-" + id);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Opens a reader, reads the header on the caller's thread and starts the threads.
     *
     * @param input the CSV; closed with the reader, or at once when the header does not fit
     * @param mapping how columns become fields
     * @param mapperCount how many threads map rows, 1 or more
     * @return the reader, positioned at the first row after the header
     * @throws IllegalArgumentException when the input has no header row, or the header does not fit the
     *     mapping; the reader is closed then
     * @throws IOException when the input cannot be read
     */
    public static ParallelCsvRowReader open(Reader input, CsvColumnMapping mapping, int mapperCount)
            throws IOException {
        return open(input, mapping, mapperCount, BATCH_ROWS);
    }

    /** Opens a reader whose batches hold {@code batchRows} rows (small ones, for tests). */
    static ParallelCsvRowReader open(Reader input, CsvColumnMapping mapping, int mapperCount, int batchRows)
            throws IOException {
        if (mapperCount < 1 || batchRows < 1) {
            throw new IllegalArgumentException("mapperCount and batchRows: must be 1 or more");
        }
        CsvTokenizer tokenizer = new CsvTokenizer(input, mapping.separator());
        ParallelCsvRowReader reader;
        try {
            reader = new ParallelCsvRowReader(tokenizer, mapping, CsvRowReader.readHeader(tokenizer), mapperCount,
                    batchRows);
        } catch (IOException | RuntimeException e) {
            tokenizer.close();
            throw e;
        }
        reader.splitter.start();
        return reader;
    }

    /** The splitter's loop: reads batches of rows and hands each to a mapper, in order, until the end. */
    private void split() {
        try {
            while (!closed) {
                RowBatch batch = read();
                batches.put(submit(batch));
                if (batch.last) {
                    return;
                }
            }
        } catch (InterruptedException stopped) {
            // close() stops the splitter; nothing is read any more.
        } catch (RuntimeException | Error unexpected) {
            // Handed over in order, so that next() throws it where the reading broke off.
            RowBatch broken = new RowBatch(0, 0, 0);
            broken.last = true;
            broken.unexpected = unexpected;
            offerLast(broken);
        } finally {
            try {
                tokenizer.close();
            } catch (IOException ignored) {
                // The input is only read; a failure to close it loses nothing.
            }
        }
    }

    private void offerLast(RowBatch broken) {
        try {
            batches.put(submit(broken));
        } catch (InterruptedException | RejectedExecutionException stopped) {
            // closed meanwhile
        }
    }

    /** Starts mapping {@code batch} on a mapper thread. */
    private Future<MappedBatch> submit(RowBatch batch) {
        return mappers.submit(() -> map(batch));
    }

    /**
     * Reads up to {@link #batchRows} rows; the last batch also says how the input ended (its end, text that
     * cannot be read, or what the input threw).
     */
    private RowBatch read() {
        RowBatch batch = new RowBatch(batchRows, lastChars, lastCells);
        try {
            while (batch.rows < batchRows) {
                if (!tokenizer.next()) {
                    batch.last = true;
                    return batch;
                }
                batch.add(tokenizer.rowLine(), tokenizer.row());
            }
            lastChars = batch.length;
            lastCells = batch.cells;
        } catch (CsvTokenizer.UnreadableCsv unreadable) {
            batch.unreadable = unreadable;
            batch.last = true;
        } catch (IOException failure) {
            batch.failure = failure;
            batch.last = true;
        } catch (RuntimeException | Error unexpected) {
            // Kept with the rows read before it (an input may throw unchecked exceptions too), so that next()
            // gives those rows and then throws it, as the sequential reader does.
            batch.unexpected = unexpected;
            batch.last = true;
        }
        return batch;
    }

    /** Maps a batch's rows on a mapper thread; a row's unexpected exception is kept in its place. */
    private MappedBatch map(RowBatch batch) {
        CsvRowMapper mapper = mapperOfThread.get();
        CsvRow row = new CsvRow();
        MappedBatch mapped = new MappedBatch(batch);
        for (int i = 0; i < batch.rows; i++) {
            row.clear();
            for (int cell = batch.firstCell[i]; cell < batch.firstCell[i + 1]; cell++) {
                row.add(batch.chars, batch.cellStart[cell], batch.cellEnd[cell]);
            }
            try {
                mapped.rows[i] = mapper.map(batch.lines[i], row);
            } catch (RuntimeException unexpected) {
                mapped.unexpected = unexpected;
                mapped.count = i;
                return mapped;
            }
        }
        mapped.count = batch.rows;
        return mapped;
    }

    @Override
    public Optional<ParsedRow> next() throws IOException {
        while (!finished) {
            MappedBatch batch = current;
            if (batch != null && position < batch.count) {
                return Optional.of(batch.rows[position++]);
            }
            if (batch != null) {
                current = null;
                Optional<ParsedRow> end = end(batch);
                if (finished || end.isPresent()) {
                    return end;
                }
                continue;
            }
            current = take();
            position = 0;
        }
        return Optional.empty();
    }

    /**
     * After the last row of {@code batch}: throws what broke the reading there, gives the row where the text
     * became unreadable, or notes the end of the input.
     */
    private Optional<ParsedRow> end(MappedBatch batch) throws IOException {
        RowBatch read = batch.read;
        if (batch.unexpected != null) {
            finished = true;
            throw batch.unexpected;
        }
        if (read.unexpected != null) {
            finished = true;
            throw rethrown(read.unexpected);
        }
        if (read.failure != null) {
            finished = true;
            throw read.failure;
        }
        if (read.unreadable != null) {
            finished = true;
            return Optional.of(CsvRowReader.unreadable(read.unreadable));
        }
        finished = read.last;
        return Optional.empty();
    }

    private MappedBatch take() throws IOException {
        try {
            return batches.take().get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading CSV rows");
        } catch (ExecutionException | CancellationException e) {
            throw rethrown(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** Returns an unchecked throwable as it is (to be thrown), any other wrapped. */
    private static RuntimeException rethrown(Throwable thrown) {
        if (thrown instanceof Error error) {
            throw error;
        }
        return thrown instanceof RuntimeException runtime ? runtime : new IllegalStateException(thrown);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        finished = true;
        splitter.interrupt();
        mappers.shutdownNow();
        try {
            splitter.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        batches.clear();
    }

    /** Rows read by the splitter: their cells copied into one array, with each row's line. */
    private static final class RowBatch {
        private char[] chars;
        private int length;
        private int[] cellStart;
        private int[] cellEnd;
        private int cells;
        private final int[] firstCell;
        private final long[] lines;
        private int rows;
        private boolean last;
        private CsvTokenizer.@Nullable UnreadableCsv unreadable;
        private @Nullable IOException failure;
        private @Nullable Throwable unexpected;

        RowBatch(int capacity, int charCapacity, int cellCapacity) {
            firstCell = new int[capacity + 1];
            lines = new long[capacity];
            chars = new char[Math.max(16, charCapacity)];
            cellStart = new int[Math.max(16, cellCapacity)];
            cellEnd = new int[Math.max(16, cellCapacity)];
        }

        void add(long line, CsvRow row) {
            lines[rows] = line;
            for (int i = 0; i < row.count(); i++) {
                int start = row.start(i);
                int cellLength = row.end(i) - start;
                if (length + cellLength > chars.length) {
                    chars = Arrays.copyOf(chars, Math.max(chars.length + (chars.length >> 1), length + cellLength));
                }
                if (cells == cellStart.length) {
                    cellStart = Arrays.copyOf(cellStart, cells + (cells >> 1));
                    cellEnd = Arrays.copyOf(cellEnd, cells + (cells >> 1));
                }
                System.arraycopy(row.chars(i), start, chars, length, cellLength);
                cellStart[cells] = length;
                length += cellLength;
                cellEnd[cells] = length;
                cells++;
            }
            rows++;
            firstCell[rows] = cells;
        }
    }

    /** A batch's rows mapped, in order, up to the first that threw (if one did). */
    private static final class MappedBatch {
        private final RowBatch read;
        private final ParsedRow[] rows;
        private int count;
        private @Nullable RuntimeException unexpected;

        MappedBatch(RowBatch read) {
            this.read = read;
            this.rows = new ParsedRow[read.rows];
        }
    }
}
