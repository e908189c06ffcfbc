package dev.cxm.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads one value from the current row of a result set.
 *
 * @param <T> the value
 */
@FunctionalInterface
public interface RowReader<T> {

    /** Reads the current row. */
    T read(ResultSet row) throws SQLException;
}
