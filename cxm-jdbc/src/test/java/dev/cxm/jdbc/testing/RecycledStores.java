package dev.cxm.jdbc.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import javax.sql.DataSource;

/**
 * New, empty stores for the kits without a migration each: a ring of a few migrated table sets (schemas of
 * a PostgreSQL database, files of H2), each emptied (every row deleted, the sequence back at 1) when it is
 * handed out again. A kit holds at most three stores at once (the test's own and a pair it compares), so a
 * ring of four never empties one in use. The migration itself runs once per table set.
 */
public final class RecycledStores<S> {

    /** Opens the table set of one slot, migrating it. */
    public interface Opener<S> {
        /**
         * Opens slot {@code slot}.
         *
         * @param slot 0 to the ring's size - 1
         * @return the stores
         */
        S open(int slot);
    }

    private static final int SIZE = 4;
    private final Opener<S> opener;
    private final IntFunction<DataSource> dataSource;
    private final IntFunction<String> tablePrefix;
    private final List<S> ring = new ArrayList<>();
    private int next;

    /**
     * Creates the ring.
     *
     * @param opener opens (and migrates) a slot's tables
     * @param dataSource a data source that reaches a slot's tables
     * @param tablePrefix the qualified prefix of a slot's tables, such as {@code s3.cxm_}
     */
    public RecycledStores(Opener<S> opener, IntFunction<DataSource> dataSource, IntFunction<String> tablePrefix) {
        this.opener = opener;
        this.dataSource = dataSource;
        this.tablePrefix = tablePrefix;
    }

    /**
     * Returns the next slot's stores, emptied.
     *
     * @return stores whose tables hold nothing
     */
    public synchronized S fresh() {
        int slot = next++ % SIZE;
        if (ring.size() <= slot) {
            ring.add(opener.open(slot));
            return ring.get(slot);
        }
        String prefix = tablePrefix.apply(slot);
        try (Connection connection = dataSource.apply(slot).getConnection();
                Statement statement = connection.createStatement()) {
            // The attribute rows (H2) and a customer's parts go with their rows (ON DELETE CASCADE).
            statement.executeUpdate("DELETE FROM " + prefix + "events");
            statement.executeUpdate("DELETE FROM " + prefix + "feedback_counts");
            statement.executeUpdate("DELETE FROM " + prefix + "customers");
            statement.executeUpdate("UPDATE " + prefix + "append_sequence SET next_seq = 1");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the tables " + prefix + "*", e);
        }
        return ring.get(slot);
    }
}
