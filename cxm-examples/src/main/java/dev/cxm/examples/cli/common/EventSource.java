package dev.cxm.examples.cli.common;

import java.io.IOException;
import java.util.Optional;

import dev.cxm.core.store.EventStore;
import dev.cxm.core.store.memory.InMemoryEventStore;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The events a command that reads a whole history works on: the file of {@code --input}, imported into memory,
 * or the database of {@code --store}, read where it is. Close it at the end of the command.
 *
 * @param events the events
 * @param name what they came from, for messages: the file or the store's URL
 * @param open the store to close, if the events are in one
 */
public record EventSource(EventStore events, String name, Optional<StoreOptions.OpenStore> open)
        implements AutoCloseable {

    /**
     * Opens the source the options name: the store when {@code --store} is given (and then not {@code --input}),
     * else the file.
     *
     * @param spec the command, for usage errors
     * @param input the file options
     * @param store the store options
     * @return the source
     * @throws IOException when the file cannot be read
     */
    public static EventSource of(CommandSpec spec, EventInputOptions input, StoreOptions store) throws IOException {
        if (store.given()) {
            Usage.require(spec, !input.given(), "--input and --store: give one of them; " + spec.name() + " reads"
                    + " the events of a file or of a store (cxm import --store keeps a file's events in one)");
            StoreOptions.OpenStore opened = store.open();
            return new EventSource(opened.events(), store.url(), Optional.of(opened));
        }
        EventStore events = InMemoryEventStore.create();
        input.importInto(events, Optional.empty(), Optional.empty());
        return new EventSource(events, input.input().toString(), Optional.empty());
    }

    @Override
    public void close() {
        open.ifPresent(StoreOptions.OpenStore::close);
    }
}
