package dev.cxm.examples.report;

/**
 * What hears how long work goes on: a step starts as a {@link Task} with a total (0 when unknown), advances,
 * and closes. The command line shows a bar on a terminal and plain lines otherwise; {@link #none()} hears
 * nothing.
 */
public interface Progress {

    /**
     * Starts a step.
     *
     * @param step what the step does, such as {@code Storing events}
     * @param total how many units it has; 0 when unknown
     * @return the step, to advance and close
     */
    Task start(String step, long total);

    /**
     * Returns the progress that hears nothing.
     *
     * @return the silent progress
     */
    static Progress none() {
        return (step, total) -> new Task() {
            @Override
            public void advance(long done, String detail) {
                // nothing to show
            }

            @Override
            public void close() {
                // nothing to show
            }
        };
    }

    /** One step under way. */
    interface Task extends AutoCloseable {

        /**
         * Says how far the step is.
         *
         * @param done the units done so far
         * @param detail what it does now, such as the part of the analysis; may be empty
         */
        void advance(long done, String detail);

        /** Ends the step. */
        @Override
        void close();
    }
}
