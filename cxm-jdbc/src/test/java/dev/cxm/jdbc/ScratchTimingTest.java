package dev.cxm.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Interaction;
import dev.cxm.jdbc.testing.TestDatabases;
import dev.cxm.test.store.TestEvents;

class ScratchTimingTest {
    @Test
    void timing() {
        for (String kind : List.of("pg", "h2")) {
            JdbcConnectionPool pool = kind.equals("pg") ? TestDatabases.postgres() : TestDatabases.h2Memory();
            JdbcEventStore store = JdbcStores.builder(pool).build().eventStore();
            long t0 = System.nanoTime();
            for (int b = 0; b < 2000; b++) {
                List<CustomerEvent> events = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    events.add(Interaction.builder(CustomerId.of("c" + b % 8), TestEvents.at((b * 7L + i * 13L) % 1000), TestEvents.HOTLINE)
                            .eventId("w-b" + b + "-" + i).attribute("batch", "b" + b).build());
                }
                store.appendAll(events);
            }
            long t1 = System.nanoTime();
            for (int s = 0; s < 10; s++) {
                try (Stream<CustomerEvent> all = store.scan()) {
                    all.toList();
                }
            }
            long t2 = System.nanoTime();
            System.err.println(kind + " append ms/op " + (t1 - t0) / 2000 / 1e6 + " scan16k ms " + (t2 - t1) / 10 / 1e6);
            pool.dispose();
        }
    }
}
