package dev.cxm.examples.cli.report;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.examples.report.Progress;

/**
 * Progress on standard error: on a terminal, a step that runs longer than a second shows a bar that redraws in
 * place ({@code \r}) at most ten times a second; elsewhere (a pipe, a file, a test) no bar, only one plain line
 * per step when it ends, with its time. Standard output keeps the report alone.
 */
final class ConsoleProgress implements Progress {

    /** How long a step runs before its bar appears. */
    static final long BAR_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoTime;

    ConsoleProgress(PrintWriter err, boolean terminal, LongSupplier nanoTime) {
        this.err = err;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    /** Returns the progress of this process: a bar when it runs on a terminal ({@code System.console()}). */
    static ConsoleProgress of(PrintWriter err) {
        return new ConsoleProgress(err, System.console() != null, System::nanoTime);
    }

    @Override
    public Task start(String step, long total) {
        return new Step(step, total, nanoTime.getAsLong());
    }

    private final class Step implements Task {
        private final String name;
        private final long total;
        private final long started;
        private long lastDrawn;
        private boolean drawn;
        private long done;
        private String detail = "";

        Step(String name, long total, long started) {
            this.name = name;
            this.total = total;
            this.started = started;
        }

        @Override
        public void advance(long done, String detail) {
            this.done = done;
            this.detail = detail;
            long now = nanoTime.getAsLong();
            if (terminal && now - started >= BAR_AFTER_NANOS && (!drawn || now - lastDrawn >= REDRAW_NANOS)) {
                err.print("\r" + bar(now) + "\u001b[K");
                err.flush();
                drawn = true;
                lastDrawn = now;
            }
        }

        private String bar(long now) {
            StringBuilder line = new StringBuilder(name).append(' ');
            if (total > 0) {
                int filled = (int) Math.min(WIDTH, WIDTH * done / total);
                line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                        .append(String.format(Locale.ROOT, "%3d%%", Math.min(100, 100 * done / total)));
            }
            if (!detail.isEmpty()) {
                line.append(' ').append(TextOut.escape(detail));
            }
            return line.append(String.format(Locale.ROOT, " %.1f s", (now - started) / 1e9)).toString();
        }

        @Override
        public void close() {
            double seconds = (nanoTime.getAsLong() - started) / 1e9;
            String line = String.format(Locale.ROOT, "%s: done in %.1f s", name, seconds);
            err.println(drawn ? "\r" + line + "\u001b[K" : line);
            err.flush();
        }
    }
}
