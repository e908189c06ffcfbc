package dev.cxm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.model.Customer;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.jdbc.internal.H2FileUpkeep;
import dev.cxm.test.store.TestEvents;

/**
 * An H2 file that cxm opened is rewritten on close after an erasure, so that no old page of the file still
 * holds the erased customer's rows. Oracle: the raw bytes of the closed file, searched for the customer's id
 * (H2 stores strings as UTF-8, uncompressed by default), against the id of a customer who was kept.
 */
class H2FileUpkeepTest {

    private static final String ERASED = "erased-customer-7f3a9c";
    private static final String KEPT = "kept-customer-51be02";
    private static final int APPENDS = 1000;

    @Test
    void noPageOfTheFileHoldsAnErasedCustomerAfterClose(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("cx");
        try (JdbcStores stores = JdbcStores.h2File(file)) {
            // Many small appends, each its own commit, so that the customer's rows are written to many chunks: with
            // H2's own close (no compaction by cxm) the erased id was still in the file at 1,000 appends, not at 200.
            for (int i = 0; i < APPENDS; i++) {
                stores.eventStore().appendAll(List.of(TestEvents.nps("e" + i, ERASED, i, i % 11),
                        TestEvents.nps("k" + i, KEPT, i, 10 - i % 11)));
            }
            stores.customerStore().put(Customer.builder(CustomerId.of(ERASED), TestEvents.at(0)).segment("vip")
                    .build());
        }
        try (JdbcStores stores = JdbcStores.h2File(file)) {
            assertThat(stores.erase(CustomerId.of(ERASED)).eventsRemoved()).isEqualTo(APPENDS);
        }
        byte[] bytes = Files.readAllBytes(folder.resolve("cx.mv.db"));
        assertThat(contains(bytes, KEPT)).as("the kept customer's id is in the file").isTrue();
        assertThat(contains(bytes, ERASED)).as("the erased customer's id is in the file").isFalse();
        try (JdbcStores stores = JdbcStores.h2File(file)) {
            List<CustomerEvent> kept = new ArrayList<>();
            try (var events = stores.eventStore().query(dev.cxm.core.store.EventQuery.all())) {
                events.forEach(kept::add);
            }
            assertThat(kept).hasSize(APPENDS).allMatch(event -> event.customerId().value().equals(KEPT));
        }
    }

    @Test
    void aFileIsCompactedWhenErasedFromOrLargeAndMostlyFree() {
        // Oracle: the rule as documented on JdbcStores.close, case by case.
        assertThat(H2FileUpkeep.shouldCompact(1 << 20, 100, true)).isTrue();
        assertThat(H2FileUpkeep.shouldCompact(1 << 20, 10, false)).isFalse();
        assertThat(H2FileUpkeep.shouldCompact(H2FileUpkeep.SPARSE_FILE_BYTES, 49, false)).isTrue();
        assertThat(H2FileUpkeep.shouldCompact(H2FileUpkeep.SPARSE_FILE_BYTES, 50, false)).isFalse();
        assertThat(H2FileUpkeep.shouldCompact(H2FileUpkeep.SPARSE_FILE_BYTES - 1, 1, false)).isFalse();
    }

    private static boolean contains(byte[] haystack, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
