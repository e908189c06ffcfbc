package dev.cxm.examples.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.examples.cli.CliRun;
import dev.cxm.jdbc.testing.EmbeddedPostgresServer;

/**
 * {@code --store}: {@code cxm import --store} keeps a file's events in a database, and the commands that read
 * events read them from there in a later run, with the results they give on the file itself.
 */
class StoreCommandsTest {

    private static final String SAMPLE = Path.of("samples", "events.csv").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    /** The result without what names the source (the file or the store) and what only a file read has. */
    private static JsonNode withoutSource(JsonNode result) {
        ObjectNode copy = result.deepCopy();
        copy.remove(java.util.List.of("input", "store", "rowsRead", "rejectedRows"));
        return copy;
    }

    @Test
    void importStoresInAnH2FileAndALaterRunReadsWhatItStored(@TempDir Path folder) throws Exception {
        // Oracle: the sample's 30 rows, 2 of them bad (rejected, as the file's import reports), and the same
        // command on the file: NPS per channel, CSAT, and cohorts from the store equal those from the file.
        String store = "h2:" + folder.resolve("cx.db");
        JsonNode first = json(CliRun.of("import", "--store", store, "--input", SAMPLE, "--on-error", "skip", "--json"));
        assertThat(first.get("stored").asLong()).isEqualTo(28);
        assertThat(first.get("store").asText()).isEqualTo(store);
        JsonNode again = json(CliRun.of("import", "--store", store, "--input", SAMPLE, "--on-error", "skip", "--json"));
        assertThat(again.get("stored").asLong()).as("a second import of the same file stores nothing").isZero();
        assertThat(again.get("duplicates").asLong()).isEqualTo(28);
        assertThat(again.get("byType")).isEqualTo(first.get("byType"));

        JsonNode fromStore = json(CliRun.of("nps", "--store", store, "--group-by", "channel", "--json"));
        JsonNode fromFile = json(CliRun.of("nps", "--input", SAMPLE, "--on-error", "skip", "--group-by", "channel",
                "--json"));
        assertThat(withoutSource(fromStore)).isEqualTo(withoutSource(fromFile));
        assertThat(fromStore.get("store").asText()).isEqualTo(store);
        assertThat(fromStore.get("input").isNull()).isTrue();

        assertThat(withoutSource(json(CliRun.of("csat", "--store", store, "--period", "week", "--json"))))
                .isEqualTo(withoutSource(json(CliRun.of("csat", "--input", SAMPLE, "--on-error", "skip", "--period",
                        "week", "--json"))));
        assertThat(json(CliRun.of("churn", "cohorts", "--store", store, "--period", "week", "--json")))
                .isEqualTo(json(CliRun.of("churn", "cohorts", "--input", SAMPLE, "--on-error", "skip", "--period",
                        "week", "--json")));
        CliRun text = CliRun.of("nps", "--store", store, "--group-by", "channel");
        assertThat(text.out()).startsWith("NPS of " + store + " (scale nps:0..10");
    }

    @Test
    void importStoresInPostgresAndNpsReadsIt() throws Exception {
        // Oracle: the same commands on the file, as above, against a real PostgreSQL (started by the tests).
        String url = EmbeddedPostgresServer.newDatabaseUrl().replace("?user=postgres", "");
        JsonNode stored = json(CliRun.of("import", "--store", url, "--store-user", "postgres", "--store-password-env",
                "HOME", "--input", SAMPLE, "--on-error", "skip", "--json"));
        assertThat(stored.get("stored").asLong()).isEqualTo(28);
        JsonNode fromStore = json(CliRun.of("nps", "--store", url, "--store-user", "postgres", "--group-by",
                "survey", "--period", "day", "--json"));
        assertThat(withoutSource(fromStore)).isEqualTo(withoutSource(json(CliRun.of("nps", "--input", SAMPLE,
                "--on-error", "skip", "--group-by", "survey", "--period", "day", "--json"))));
    }

    @Test
    void aStoreThatCannotBeReachedOrNamedIsOneLine(@TempDir Path folder) {
        // Oracle: the rules of --store: a database nobody listens for is exit 1 with one line; a URL of another
        // kind, --input beside --store on a reading command and an unset password variable are usage errors.
        CliRun unreachable = CliRun.of("nps", "--store", "jdbc:postgresql://127.0.0.1:9/cx");
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).startsWith("cxm: --store jdbc:postgresql://127.0.0.1:9/cx: cannot connect to the"
                + " database: ").hasLineCount(1);
        assertThat(CliRun.of("nps", "--store", "mysql://x").exitCode()).isEqualTo(2);
        CliRun both = CliRun.of("nps", "--store", "h2:" + folder.resolve("x"), "--input", SAMPLE);
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--input and --store: give one of them");
        CliRun noVariable = CliRun.of("nps", "--store", "jdbc:postgresql://127.0.0.1:9/cx", "--store-password-env",
                "CXM_NO_SUCH_VARIABLE");
        assertThat(noVariable.exitCode()).isEqualTo(2);
        assertThat(noVariable.err()).contains("CXM_NO_SUCH_VARIABLE is not set");
        CliRun neither = CliRun.of("nps");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--input FILE is needed");
    }

    @Test
    void aStoreOfANewerCxmOrAFileThatIsNoDatabaseIsOneLine(@TempDir Path folder) throws Exception {
        // Oracle: the schema check of cxm-jdbc (this cxm reads schema version 3) and its sentence for a newer
        // one, as JdbcStores says it; a file of text in place of the database cannot be opened. Each is exit 1
        // with one line on standard error, no stack trace, and the newer store is left as it was.
        Path file = folder.resolve("cx.db");
        json(CliRun.of("import", "--store", "h2:" + file, "--input", SAMPLE, "--on-error", "skip", "--json"));
        String url = "jdbc:h2:file:" + file.toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE cxm_schema_version SET version = 4");
        }
        for (String command : java.util.List.of("nps", "import")) {
            CliRun newer = command.equals("nps") ? CliRun.of("nps", "--store", "h2:" + file)
                    : CliRun.of("import", "--store", "h2:" + file, "--input", SAMPLE, "--on-error", "skip");
            assertThat(newer.exitCode()).as(command).isEqualTo(1);
            assertThat(newer.err()).as(command).isEqualTo("cxm: --store h2:" + file + ": the cxm tables are at schema"
                    + " version 4, newer than this cxm reads (version 3); use the cxm that wrote them, or a newer one"
                    + System.lineSeparator());
        }
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM cxm_events")) {
            count.next();
            assertThat(count.getLong(1)).as("the newer store is left as it was").isEqualTo(28);
        }

        Path text = folder.resolve("notes.mv.db");
        Files.writeString(text, "not a database\n");
        CliRun garbage = CliRun.of("nps", "--store", "h2:" + text);
        assertThat(garbage.exitCode()).isEqualTo(1);
        assertThat(garbage.err()).startsWith("cxm: --store h2:" + text + ": cannot connect to the database: ")
                .hasLineCount(1);
    }
}
