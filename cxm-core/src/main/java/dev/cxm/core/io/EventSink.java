package dev.cxm.core.io;

import dev.cxm.core.model.CustomerEvent;

/**
 * Receives the events an import accepts, one at a time, in the order of the input: where events go when they
 * are counted on the fly rather than stored, so that an import runs in constant memory whatever the size of
 * the input ({@link EventImporter#importInto(EventSink, ReaderSource)}).
 *
 * <pre>{@code
 * Map<CustomerId, Long> purchases = new HashMap<>();
 * ImportReport report = CsvEventImporter.ofDefaults(mapping, ImportPolicy.FAIL_ON_FIRST_ERROR)
 *         .importInto(event -> {
 *             if (event instanceof Purchase) {
 *                 purchases.merge(event.customerId(), 1L, Long::sum);
 *             }
 *         }, Path.of("events.csv"));
 * }</pre>
 *
 * <p>A sink is not a store: nothing looks event ids up, so every accepted row reaches the sink, and an input
 * that repeats an event id hands it over each time (a store would keep it once, or refuse a different event
 * under the same id).
 */
@FunctionalInterface
public interface EventSink {

    /**
     * Takes one accepted event. An exception thrown here stops the import and reaches the importer's caller
     * unchanged; the events accepted before it have been taken.
     *
     * @param event the event, never null
     */
    void accept(CustomerEvent event);
}
