package dev.cxm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tool does when the machine fails it (issue 9, "Outputs that destroy or mislead" and "Crashes,
 * limits and messages"): a standard output that refuses writes, and a heap too small for the input. The
 * oracle is the contract of the command line: one line on standard error, exit code 1.
 */
class CxmCommandTest {

    private static final String SAMPLE = "samples/events.csv";

    @TempDir
    Path dir;

    /** A writer like the one on a full disk: every write fails. */
    private static final class FullDisk extends Writer {
        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void flush() throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    @Test
    void aStandardOutputThatRefusesWritesExitsOneWithOneLine() {
        // Fails before the change: a PrintWriter swallows the IOException, and the tool exited 0 with nothing
        // said, as with > /dev/full.
        for (String[] args : List.of(new String[] {"nps", "--input", SAMPLE, "--on-error", "skip"},
                new String[] {"nps", "--input", SAMPLE, "--on-error", "skip", "--json"},
                new String[] {"clv", "--help"})) {
            StringWriter err = new StringWriter();

            int exitCode = CxmCommand.run(args, new PrintWriter(new FullDisk()), new PrintWriter(err, true));

            assertThat(exitCode).as(String.join(" ", args)).isEqualTo(1);
            assertThat(err.toString().strip()).as(String.join(" ", args)).hasLineCount(1)
                    .isEqualTo("cxm: cannot write the output: standard output refused it (a full disk or a closed"
                            + " pipe)");
        }
    }

    @Test
    void aFailingCommandKeepsItsOwnOneLineWhenTheOutputFailsToo() {
        StringWriter err = new StringWriter();

        int exitCode = CxmCommand.run(new String[] {"nps", "--input", "absent.csv"}, new PrintWriter(new FullDisk()),
                new PrintWriter(err, true));

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString().strip()).hasLineCount(1).startsWith("cxm: file not found");
    }

    @Test
    void devFullExitsOneWithOneLine() throws Exception {
        // The same through a real process whose standard output is /dev/full (Linux); before: exit 0.
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "no /dev/full here");

        ChildJvm run = ChildJvm.run(dir, Path.of("/dev/full").toFile(), List.of(), "nps", "--input",
                SAMPLE, "--on-error", "skip");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).hasLineCount(1).startsWith("cxm: cannot write the output");
    }

    @Test
    void runningOutOfMemoryIsOneLineNamingTheInputAndWhatToDo() throws Exception {
        // Fails before the change: the OutOfMemoryError escaped main as a raw stack trace ("Exception in thread
        // main"). cxm import keeps every event in an in-memory store (about 200 bytes each), so 100,000 rows do
        // not fit in a 12 MiB heap.
        Path file = dir.resolve("responses.csv");
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("customer_id,occurred_at,score\n");
            for (int i = 0; i < 100_000; i++) {
                writer.write("c" + i + ",2026-03-" + (10 + i % 18) + "T10:00:00Z," + i % 11 + "\n");
            }
        }

        ChildJvm run = ChildJvm.run(dir, null, List.of("-Xmx12m", "-XX:+UseSerialGC"), "import", "--input",
                file.toString(), "--type", "feedback", "--scale", "nps");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).hasLineCount(1)
                .startsWith("cxm: out of memory: " + file + " is too large for the ")
                .contains("-Xmx").contains("a smaller file").contains("stream")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}
