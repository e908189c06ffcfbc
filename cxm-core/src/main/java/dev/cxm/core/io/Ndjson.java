package dev.cxm.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectWriter;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;

/** Writes values as NDJSON: one compact JSON object per line, in cxm's JSON conventions. */
public final class Ndjson {

    private static final ObjectWriter EVENT_WRITER = CxmJson.mapper().writerFor(CustomerEvent.class);

    private Ndjson() {}

    /**
     * Writes each event as one line (with its {@code "type"}), in stream order, and flushes {@code out}.
     *
     * @param events the events to write; the caller closes the stream
     * @param out where the lines go; left open
     * @return how many events were written
     * @throws IOException when writing to {@code out} fails
     */
    public static long writeEvents(Stream<? extends CustomerEvent> events, Writer out) throws IOException {
        return write(events.iterator(), EVENT_WRITER, out);
    }

    /**
     * Writes each value (a customer, say) as one line, in stream order, and flushes {@code out}.
     *
     * @param values the values to write, each one Jackson can serialise with {@link CxmJson#mapper()}; the
     *     caller closes the stream
     * @param out where the lines go; left open
     * @return how many values were written
     * @throws IOException when writing to {@code out} fails
     */
    public static long write(Stream<?> values, Writer out) throws IOException {
        return write(values.iterator(), CxmJson.mapper().writer(), out);
    }

    private static long write(Iterator<?> values, ObjectWriter writer, Writer out) throws IOException {
        Checks.present("out", out);
        long count = 0;
        try {
            while (values.hasNext()) {
                out.write(writer.writeValueAsString(values.next()));
                out.write('\n');
                count++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        return count;
    }
}
