package dev.cxm.examples.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.examples.report.Progress;
import dev.cxm.examples.report.WorldFolder;
import dev.cxm.examples.simulate.WorldSimulator;
import dev.cxm.jdbc.JdbcStores;

/**
 * {@link WorldLoader#storeWorld} into an empty store: a bulk load that reads the events file once, and so must
 * undo itself when a row is bad. Oracle: the contract of {@code cxm demo}'s store step (all of the events or
 * none) and the lines the test writes itself; the good world's count is the file's data lines.
 */
class WorldLoaderTest {

    @TempDir
    Path folder;

    private WorldFolder world(String extraLine) throws IOException {
        Path worldFolder = folder.resolve("world");
        WorldSimulator.custom().customers(40).seed(7).build().writeTo(worldFolder);
        Path events = worldFolder.resolve("events.csv");
        if (!extraLine.isEmpty()) {
            Files.writeString(events, extraLine + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        return WorldFolder.of(worldFolder);
    }

    private static List<String> lines(WorldFolder world) throws IOException {
        return Files.readAllLines(world.events(), StandardCharsets.UTF_8);
    }

    @Test
    void aGoodWorldIsStoredWhole() throws IOException {
        WorldFolder world = world("");
        try (JdbcStores stores = JdbcStores.h2File(folder.resolve("good"))) {
            WorldLoader.storeWorld(world, stores.eventStore(), stores.customerStore(), 100, Progress.none());

            // Every data line (all but the header) is one event.
            assertThat(stores.eventStore().count()).isEqualTo(lines(world).size() - 1).isPositive();
        }
    }

    @Test
    void aBadRowAfterManyGoodOnesLeavesTheStoreEmpty() throws IOException {
        // The last line has a time that is not one; the rows before it were appended (batches of 100) before the
        // importer met it, and the load undoes them.
        WorldFolder world = world("bad-1,interaction,c-bad,not-a-time,web-home,Home,web,awareness,viewed,0,,,,,,,,,,,");
        int badLine = lines(world).size();
        try (JdbcStores stores = JdbcStores.h2File(folder.resolve("bad"))) {
            assertThatThrownBy(() -> WorldLoader.storeWorld(world, stores.eventStore(), stores.customerStore(), 100,
                    Progress.none())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("import stopped at line " + badLine);

            assertThat(stores.eventStore().isEmpty()).isTrue();
        }
    }

    @Test
    void anIdNamingTwoDifferentEventsLeavesTheStoreEmpty() throws IOException {
        // The last line repeats the first event's id with another customer: a conflict the load refuses.
        WorldFolder plain = world("");
        String first = lines(plain).get(1);
        String id = first.substring(0, first.indexOf(','));
        String[] cells = first.split(",", -1);
        cells[2] = "c-someone-else";
        Files.writeString(plain.events(), String.join(",", cells) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try (JdbcStores stores = JdbcStores.h2File(folder.resolve("conflict"))) {
            assertThatThrownBy(() -> WorldLoader.storeWorld(plain, stores.eventStore(), stores.customerStore(), 100,
                    Progress.none())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("import stopped").hasMessageContaining(id);

            assertThat(stores.eventStore().isEmpty()).isTrue();
        }
    }
}
