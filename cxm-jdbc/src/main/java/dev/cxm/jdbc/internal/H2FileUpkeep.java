package dev.cxm.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps an H2 file that cxm opened itself small and free of erased data: on close, it rewrites the file
 * ({@code SHUTDOWN COMPACT}) when a customer was erased since it was opened, or when most of a large file is
 * free space.
 *
 * <p>Why: H2's MVStore writes changed pages to new chunks and keeps the old ones (45 s at least, then as free
 * space to reuse), so a file that takes many appends grows far beyond its live data (a 300,000-event import
 * made a 1.1 GB file that compacts to 48 MB in 3.6 s), and the rows of an erased customer stay readable in
 * old chunks until they are overwritten. Compaction writes only the live pages, so it costs in proportion to
 * the data, and a file that is neither sparse nor erased from is left as it is.
 */
public final class H2FileUpkeep {

    /** A file smaller than this is never compacted for its free space alone. */
    public static final long SPARSE_FILE_BYTES = 64L << 20;
    /** A file whose live pages fill less than this share of it, in percent, is sparse. */
    public static final int SPARSE_FILL_PERCENT = 50;

    private final boolean owned;
    private final AtomicBoolean erased = new AtomicBoolean();

    private H2FileUpkeep(boolean owned) {
        this.owned = owned;
    }

    /**
     * Returns the upkeep of an H2 file that cxm opened and closes.
     *
     * @return the upkeep
     */
    public static H2FileUpkeep ofOwnedFile() {
        return new H2FileUpkeep(true);
    }

    /**
     * Returns the upkeep of a database the host owns: nothing is done on close.
     *
     * @return the upkeep
     */
    public static H2FileUpkeep none() {
        return new H2FileUpkeep(false);
    }

    /** Notes that rows of a customer were deleted, so that the file is rewritten on close. */
    public void erased() {
        erased.set(true);
    }

    /**
     * Decides whether a file is rewritten on close.
     *
     * @param fileBytes the file's size
     * @param fillPercent the share of the file its live pages fill, in percent
     * @param erased whether a customer was erased since the file was opened
     * @return whether to compact
     */
    public static boolean shouldCompact(long fileBytes, int fillPercent, boolean erased) {
        return erased || fileBytes >= SPARSE_FILE_BYTES && fillPercent < SPARSE_FILL_PERCENT;
    }

    /**
     * Compacts the file and closes the database when {@link #shouldCompact} says so; call it last, when no
     * other connection of the database is in use.
     *
     * @param connection a connection to the database
     * @return whether the file was compacted (the database is then closed)
     * @throws SQLException when reading the file's figures or compacting fails
     */
    public boolean compactOnClose(Connection connection) throws SQLException {
        if (!owned) {
            return false;
        }
        long fileBytes = 0;
        int fillPercent = 100;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM"
                        + " INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE')")) {
            while (rows.next()) {
                long value = Long.parseLong(rows.getString(2).strip());
                if (rows.getString(1).equals("info.FILE_SIZE")) {
                    fileBytes = value;
                } else {
                    fillPercent = (int) value;
                }
            }
        }
        if (!shouldCompact(fileBytes, fillPercent, erased.get())) {
            return false;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
        return true;
    }
}
