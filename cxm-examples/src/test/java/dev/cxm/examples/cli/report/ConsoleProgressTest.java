package dev.cxm.examples.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import dev.cxm.examples.report.Progress;

/**
 * The progress display, on a clock the test moves (nanoseconds set by hand): a bar only on a terminal and only
 * once a step has run a second; one plain line per step everywhere, with the step's time as the clock gave it.
 */
class ConsoleProgressTest {

    private long now;

    @Test
    void onATerminalAStepLongerThanASecondDrawsABarInPlace() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), true, () -> now);
        try (Progress.Task task = progress.start("Storing events", 200)) {
            now = 500_000_000L;
            task.advance(50, "");
            assertThat(text.toString()).as("no bar before a second").isEmpty();
            now = 1_500_000_000L;
            task.advance(100, "");
            now = 2_500_000_000L;
        }
        assertThat(text.toString()).startsWith("\rStoring events [###############...............]  50% 1.5 s")
                .endsWith("\rStoring events: done in 2.5 s\u001b[K" + System.lineSeparator());
    }

    @Test
    void elsewhereEachStepIsOnePlainLine() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), false, () -> now);
        try (Progress.Task task = progress.start("Analysing", 6)) {
            now = 3_000_000_000L;
            task.advance(3, "value");
            now = 4_250_000_000L;
        }
        assertThat(text.toString()).isEqualTo("Analysing: done in 4.3 s" + System.lineSeparator());
    }
}
