package dev.cxm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.test.store.TestEvents;

/**
 * A process writing to an H2 file is killed in the middle of its appends ({@code destroyForcibly}, SIGKILL on
 * Linux: no shutdown hook, no close): on reopening, every append it reported committed is there, whole, and
 * no append is there in part.
 */
class H2FileCrashTest {

    static final int BATCH = 2_000;

    /**
     * The child: appends batches of {@value #BATCH} events to the database file named by its first argument,
     * one after another; once an append has returned it records the batch's number in the file named by its
     * second argument (a write the kill cannot take back) and prints it, until it is killed.
     *
     * @param args the database file and the record of commits
     * @throws java.io.IOException when the record cannot be written
     */
    public static void main(String[] args) throws java.io.IOException {
        JdbcStores stores = JdbcStores.h2File(Path.of(args[0]));
        try (var record = java.nio.file.Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (int batch = 0; batch < 100_000; batch++) {
                stores.eventStore().appendAll(batch(batch));
                record.write("committed " + batch + "\n");
                record.flush();
                System.out.println("committed " + batch);
                if (System.out.checkError()) {
                    // The test that reads this pipe is gone (its JVM died before it could kill this one): stop,
                    // rather than appending on as an orphan for hours.
                    return;
                }
            }
        }
    }

    static List<CustomerEvent> batch(int batch) {
        List<CustomerEvent> events = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            events.add(TestEvents.withAttribute(TestEvents.nps("b" + batch + "-" + i, "c" + i % 100, batch, i % 11),
                    "batch", Integer.toString(batch)));
        }
        return events;
    }

    @Test
    void aKilledWriterLeavesEveryCommittedAppendWholeAndNoPartialOne(@TempDir Path folder) throws Exception {
        // Oracle: the contract (appendAll is atomic) and the child's own record of its commits. The child is
        // killed after it reported its 5th commit, while it appends the next batches; on reopening, every
        // reported batch is there with all its events, any other batch (one may have committed before it was
        // reported) is there whole or not at all, and so the count is a multiple of the batch size.
        Path file = folder.resolve("crash");
        Path record = folder.resolve("commits.txt");
        String classPath = String.join(File.pathSeparator, System.getProperty("java.class.path"),
                System.getProperty("jdk.module.path", ""),
                Path.of(H2FileCrashTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, H2FileCrashTest.class.getName(), file.toString(), record.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("committed 4")) {
                // The child is at work; kill it once it has committed its 5th batch.
            }
            child.destroyForcibly();
            // A guard against a child that will not die, not a timing assertion.
            assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        }
        List<String> commits = java.nio.file.Files.readAllLines(record, StandardCharsets.UTF_8);
        int reported = commits.isEmpty() ? -1
                : Integer.parseInt(commits.get(commits.size() - 1).substring("committed ".length()));
        assertThat(reported).as("batches the child reported committed").isGreaterThanOrEqualTo(4);

        try (JdbcStores reopened = JdbcStores.h2File(file)) {
            Map<String, Integer> perBatch = new HashMap<>();
            try (Stream<CustomerEvent> all = reopened.eventStore().scan()) {
                all.forEach(event -> perBatch.merge(event.attributes().get("batch"), 1, Integer::sum));
            }
            for (int batch = 0; batch <= reported; batch++) {
                assertThat(perBatch.get(Integer.toString(batch))).as("reported batch %d", batch).isEqualTo(BATCH);
            }
            assertThat(perBatch.values()).as("no batch in part").allMatch(count -> count == BATCH);
            assertThat(reopened.eventStore().count()).isEqualTo((long) perBatch.size() * BATCH);
            int last = perBatch.size() - 1;
            assertThat(reopened.eventStore().eventsOf(dev.cxm.core.model.CustomerId.of("c7")))
                    .filteredOn(event -> event.attributes().get("batch").equals(Integer.toString(last)))
                    .containsExactlyElementsOf(batch(last).stream().filter(e -> e.customerId().value().equals("c7"))
                            .toList());
        }
    }
}
