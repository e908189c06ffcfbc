package dev.cxm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/**
 * How a driver's failure is worded. Oracle: the SQL state classes of the SQL standard (08, connection
 * exception) and PostgreSQL's appendix A (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now,
 * 57P05 idle_session_timeout: the server ended the session), and the rule that only a connection failure's
 * text may be repeated.
 */
class SqlFailuresTest {

    @Test
    void aSessionTheServerEndedIsALostConnectionNamedByItsState() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "57P05"}) {
            String text = SqlFailures.describe(new SQLException("terminating connection due to administrator command",
                    state));
            assertThat(text).startsWith("the database server ended the connection (SQL state " + state + ":")
                    .doesNotContain("administrator command");
        }
    }

    @Test
    void aConnectionFailureRepeatsTheDriversFirstLineAndAnyOtherOnlyItsState() {
        assertThat(SqlFailures.describe(new SQLException("Connection to db:5432 refused.\nmore", "08001")))
                .isEqualTo("the connection to the database failed (Connection to db:5432 refused.)");
        assertThat(SqlFailures.describe(new SQLException("value 'secret' too long", "22001")))
                .isEqualTo("the database refused a statement (SQL state 22001, SQLException)");
        assertThat(SqlFailures.describe(new SQLException("canceled", "57014")))
                .isEqualTo("the database refused a statement (SQL state 57014, SQLException)");
        assertThat(SqlFailures.describe(new SQLException("no state")))
                .isEqualTo("the database refused a statement (SQL state unknown, SQLException)");
    }
}
