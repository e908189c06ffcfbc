package dev.cxm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cxm.core.store.EventQuery;
import dev.cxm.jdbc.testing.EmbeddedPostgresServer;
import dev.cxm.test.store.TestEvents;

/** Store URLs: the three kinds, the refusals, the hidden password, and stores opened on each kind. */
class StoreUrlTest {

    @Test
    void messagesAndLogsNeverShowACredentialWrittenIntoTheUrl() {
        // Oracle: the secrets written into each URL by hand; the rule of StoreUrl.redact.
        StoreUrl postgres = StoreUrl.parse("jdbc:postgresql://cxm:s3cret@db.internal:5432/shop"
                + "?user=cxm&password=s3cret");
        assertThat(postgres.redacted()).isEqualTo("jdbc:postgresql://...@db.internal:5432/shop?...");
        assertThat(postgres.toString()).doesNotContain("s3cret");
        StoreUrl h2 = StoreUrl.parse("jdbc:h2:tcp://db/cx;USER=sa;PASSWORD=s3cret");
        assertThat(h2.redacted()).isEqualTo("jdbc:h2:tcp://db/cx;...");
        assertThat(StoreUrl.redact("jdbc:postgresql://db/shop")).isEqualTo("jdbc:postgresql://db/shop");
        assertThat(StoreUrl.redact("h2:data/cx")).isEqualTo("h2:data/cx");
        assertThat(StoreUrl.redact("not a url:pw@x?password=s3cret")).doesNotContain("s3cret");
        assertThat(StoreUrl.parse("jdbc:h2:file:/data/cx").isEmbeddedH2File()).isTrue();
        assertThat(StoreUrl.parse("jdbc:h2:mem:cx").isEmbeddedH2File()).isFalse();
        assertThat(StoreUrl.parse("jdbc:h2:tcp://db/cx").isEmbeddedH2File()).isFalse();
        assertThat(StoreUrl.parse("h2:data/cx").isEmbeddedH2File()).isTrue();
        assertThat(postgres.isEmbeddedH2File()).isFalse();
    }

    @Test
    void theThreeKindsAreReadByTheirPrefixInAnyCase() {
        // Oracle: the documented prefixes h2:, jdbc:h2:, jdbc:postgresql:.
        assertThat(StoreUrl.parse("  h2:data/cx ")).isEqualTo(new StoreUrl(StoreUrl.Kind.H2_FILE, "h2:data/cx",
                Optional.empty(), Optional.empty()));
        assertThat(StoreUrl.parse("h2:data/cx").h2FilePath()).contains(Path.of("data/cx"));
        assertThat(StoreUrl.parse("JDBC:H2:mem:x").kind()).isEqualTo(StoreUrl.Kind.H2);
        assertThat(StoreUrl.parse("jdbc:postgresql://db:5432/shop").kind()).isEqualTo(StoreUrl.Kind.POSTGRESQL);
        assertThat(StoreUrl.parse("jdbc:postgresql://db/shop").h2FilePath()).isEmpty();
        assertThat(StoreUrl.h2File(Path.of("/var/cx")).url()).isEqualTo("h2:/var/cx");
    }

    @Test
    void aUrlOfAnotherKindABlankPathOrAUserOfAFileIsRefusedWithoutRepeatingTheUrl() {
        // Oracle: the rules of StoreUrl; a URL may carry a password, so no message repeats it.
        assertThatThrownBy(() -> StoreUrl.parse("mysql://u:secret@x/db")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("url: a URL of 21 characters that is neither h2:PATH nor jdbc:h2:...")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> StoreUrl.parse("h2: ")).hasMessage("url: h2:PATH needs the path of the database"
                + " file");
        assertThatThrownBy(() -> StoreUrl.parse("h2:a;AUTO_SERVER=TRUE")).hasMessageStartingWith("url: the path"
                + " holds a ';'");
        assertThatThrownBy(() -> StoreUrl.parse("h2:cx").withUser("sa")).hasMessageStartingWith("user: an H2 file");
        assertThatThrownBy(() -> new StoreUrl(StoreUrl.Kind.POSTGRESQL, "jdbc:h2:mem:x", Optional.empty(),
                Optional.empty())).hasMessageStartingWith("url: a URL of 13 characters that does not start with the"
                        + " prefix of POSTGRESQL");
    }

    @Test
    void thePasswordIsComparedButNeverShown() {
        StoreUrl url = StoreUrl.parse("jdbc:postgresql://db/shop").withUser("cxm").withPassword("s3cret");

        assertThat(url.toString()).isEqualTo("StoreUrl[jdbc:postgresql://db/shop, user cxm, password set]");
        assertThat(url).isEqualTo(StoreUrl.parse("jdbc:postgresql://db/shop").withUser("cxm").withPassword("s3cret"))
                .hasSameHashCodeAs(StoreUrl.parse("jdbc:postgresql://db/shop").withUser("cxm").withPassword("other"))
                .isNotEqualTo(StoreUrl.parse("jdbc:postgresql://db/shop").withUser("cxm").withPassword("other"));
    }

    @Test
    void storesOnAnH2UrlAnH2FileAndAPostgresUrlKeepWhatIsAppended(@TempDir Path folder) {
        // Oracle: the events appended are the events read back, on each kind; a file outlives its pool.
        List<StoreUrl> urls = List.of(StoreUrl.parse("jdbc:h2:mem:storeurl;DB_CLOSE_DELAY=-1"),
                StoreUrl.parse("h2:" + folder.resolve("cx")),
                StoreUrl.parse(EmbeddedPostgresServer.newDatabaseUrl()));
        for (StoreUrl url : urls) {
            try (JdbcStores stores = JdbcStores.builder(url).tablePrefix("u_").build()) {
                assertThat(stores.url()).contains(url);
                assertThat(JdbcStores.from(stores).build()).isEqualTo(stores);
                stores.eventStore().appendAll(List.of(TestEvents.nps("n1", "c1", 1, 9), TestEvents.nps("n2", "c2", 2,
                        3)));
                assertThat(stores.eventStore().count(EventQuery.all())).as(url.toString()).isEqualTo(2);
            }
        }
        assertThat(Files.exists(folder.resolve("cx.mv.db"))).isTrue();
        try (JdbcStores again = JdbcStores.builder(StoreUrl.h2File(folder.resolve("cx.mv.db"))).tablePrefix("u_")
                .build()) {
            assertThat(again.eventStore().count(EventQuery.all())).isEqualTo(2);
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedClosesThePoolItOpenedAndSaysSoInOneSentence() {
        // Oracle: port 9 of the loopback ("discard"), where nothing listens.
        StoreUrl nowhere = StoreUrl.parse("jdbc:postgresql://127.0.0.1:9/cx").withUser("u").withPassword("p");

        assertThatThrownBy(() -> JdbcStores.builder(nowhere).build()).isInstanceOf(JdbcStoreException.class)
                .hasMessageStartingWith("cannot connect to the database: ");
    }
}
