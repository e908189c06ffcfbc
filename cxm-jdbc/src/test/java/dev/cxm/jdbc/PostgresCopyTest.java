package dev.cxm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.store.AppendResult;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.ScoreCount;
import dev.cxm.core.store.ScoreGrouping;
import dev.cxm.jdbc.internal.ResultStreams;
import dev.cxm.jdbc.internal.UrlPools;
import dev.cxm.jdbc.testing.EmbeddedPostgresServer;
import dev.cxm.jdbc.testing.TestDatabases;
import dev.cxm.test.store.TestEvents;

/**
 * PostgreSQL's binary {@code COPY} paths: appends write the events in COPY's binary format, and queries of
 * types and time bounds only read a binary {@code COPY (SELECT ...) TO STDOUT}. Each test says its oracle.
 */
class PostgresCopyTest {

    private JdbcConnectionPool pool;

    @AfterEach
    void dispose() {
        if (pool != null) {
            pool.dispose();
        }
    }

    private static List<CustomerEvent> responses(String prefix, int count) {
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(TestEvents.nps(prefix + i, "c" + i % 97, i, i % 11));
        }
        return events;
    }

    private static List<String> ids(Stream<? extends CustomerEvent> events) {
        try (events) {
            return events.map(event -> event.eventId().value()).toList();
        }
    }

    @Test
    void aCopyAppendWhoseBatchHoldsAConflictingIdStoresNothing() {
        // Oracle: the SPI's contract (a different event under a stored id refuses the whole append) and counting
        // by hand: s0, s1, s2 are NPS responses scored 0, 1, 2 (TestEvents.nps(id, customer, second, score)), so
        // the overall NPS histogram holds one response at each of 0, 1 and 2, before and after the refused append.
        pool = TestDatabases.postgres();
        JdbcEventStore store = JdbcStores.builder(pool).build().eventStore();
        store.appendAll(List.of(TestEvents.nps("s0", "c0", 0, 0), TestEvents.nps("s1", "c1", 1, 1),
                TestEvents.nps("s2", "c2", 2, 2)));
        List<ScoreCount> before = store.feedbackHistogram(EventQuery.all(), ScoreGrouping.overall());
        assertThat(before).containsExactly(
                new ScoreCount(Optional.empty(), Optional.empty(), FeedbackScale.NPS, 0, 1),
                new ScoreCount(Optional.empty(), Optional.empty(), FeedbackScale.NPS, 1, 1),
                new ScoreCount(Optional.empty(), Optional.empty(), FeedbackScale.NPS, 2, 1));

        // 2,500 new responses (three COPY statements of the default 1,000) with s1 scored 9 in the middle.
        List<CustomerEvent> conflicting = new ArrayList<>(responses("n", 2_500));
        conflicting.add(1_700, TestEvents.nps("s1", "c1", 1, 9));
        assertThatThrownBy(() -> store.appendAll(conflicting)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventId: s1").hasMessageContaining("nothing of this append was stored");
        assertThat(store.count()).isEqualTo(3);
        assertThat(ids(store.scan())).containsExactly("s0", "s1", "s2");
        assertThat(store.feedbackHistogram(EventQuery.all(), ScoreGrouping.overall())).isEqualTo(before);

        // The same batch with s1 as stored: the new ones go in, s1 is a duplicate.
        List<CustomerEvent> again = new ArrayList<>(responses("n", 2_500));
        again.add(1_700, TestEvents.nps("s1", "c1", 1, 1));
        assertThat(store.appendAll(again)).isEqualTo(new AppendResult(2_500, 1));
        assertThat(store.count()).isEqualTo(2_503);
        assertThat(store.get(EventId.of("n2499"))).contains(again.get(again.size() - 1));
    }

    @Test
    void anEarlyClosedCopyScanFreesItsConnectionSoAPoolOfOneServesTheNextCall() {
        // Oracle: the appended list. 20,000 responses (about 2 MB of COPY data, more than the server can hand to the
        // socket before the client reads) in time order; a pool of one connection, which a stream left holding its
        // connection or a COPY left unfinished on it would block or break. Streams closed after 5 rows, after none,
        // and at their end each give the connection back; the calls after them see every event.
        pool = TestDatabases.postgres();
        JdbcEventStore store = JdbcStores.builder(pool).build().eventStore();
        List<CustomerEvent> appended = responses("e", 20_000);
        store.appendAll(appended);
        // One connection from here on (the migration's Flyway needs two).
        pool.setMaxConnections(1);
        pool.setLoginTimeout(10);
        List<String> all = appended.stream().map(event -> event.eventId().value()).toList();

        for (int round = 0; round < 3; round++) {
            try (Stream<CustomerEvent> scan = store.scan()) {
                Iterator<CustomerEvent> first = scan.iterator();
                for (int i = 0; i < 5; i++) {
                    assertThat(first.next().eventId().value()).isEqualTo(all.get(i));
                }
            }
            assertThat(store.openStreams()).isZero();
            assertThat(pool.getActiveConnections()).isZero();
            try (Stream<FeedbackResponse> untouched = store.query(EventQuery.all(), FeedbackResponse.class)) {
                assertThat(store.openStreams()).as("open, unread").isEqualTo(1);
            }
            assertThat(store.count()).isEqualTo(20_000 + round);
            assertThat(store.appendAll(List.of(TestEvents.nps("late" + round, "c1", 30_000 + round, 7))).appended())
                    .isEqualTo(1);
        }
        List<String> expected = new ArrayList<>(all);
        expected.addAll(List.of("late0", "late1", "late2"));
        assertThat(ids(store.query(EventQuery.all(), FeedbackResponse.class))).isEqualTo(expected);
        assertThat(pool.getActiveConnections()).isZero();
    }

    @Test
    void aScanClosedWhenItsCancelCannotReachTheServerStopsReadingAndGivesUpTheConnection() throws Exception {
        // Oracle: the bytes a proxy between the store and the server counts, against the data of the whole table.
        // The proxy refuses new connections once the scan is open, as a pooler that drops cancel requests does,
        // so the driver's cancel is lost (it swallows the failure); the close must not read the 150,000 rows'
        // 25 MB or so to the COPY's end, but at most ResultStreams.DRAIN_LIMIT_BYTES plus what the sockets held
        // (the proxy's and the driver's buffers are kept small, so that is the server's send buffer, a few MB),
        // and the store must serve the next call on a new connection.
        try (RefusingProxy proxy = new RefusingProxy(EmbeddedPostgresServer.server().getPort())) {
            String url = EmbeddedPostgresServer.newDatabaseUrl();
            pool = UrlPools.open(StoreUrl.parse(url.replace(":" + EmbeddedPostgresServer.server().getPort() + "/",
                    ":" + proxy.port() + "/") + "&receiveBufferSize=65536"));
            JdbcEventStore store = JdbcStores.builder(pool).build().eventStore();
            store.appendAll(responses("p", 150_000));
            long closing;
            try (Stream<CustomerEvent> scan = store.scan()) {
                Iterator<CustomerEvent> first = scan.iterator();
                for (int i = 0; i < 5; i++) {
                    first.next();
                }
                proxy.refuseNewConnections(true);
                closing = proxy.bytesToClient();
            }
            long readByTheClose = proxy.bytesToClient() - closing;
            assertThat(readByTheClose).isLessThan(ResultStreams.DRAIN_LIMIT_BYTES + 6 * (1 << 20));
            proxy.refuseNewConnections(false);
            assertThat(store.openStreams()).isZero();
            assertThat(store.count()).isEqualTo(150_000);
            try (Stream<CustomerEvent> scan = store.scan()) {
                assertThat(scan.count()).isEqualTo(150_000);
            }
        }
    }

    /**
     * A TCP proxy to the embedded server that counts the bytes it passes to the client and, when told, closes
     * every new connection at once (the connections already open go on).
     */
    private static final class RefusingProxy implements AutoCloseable {
        private static final int SMALL_BUFFER = 65_536;
        private final ServerSocket listener = new ServerSocket(0);
        private final AtomicBoolean refusing = new AtomicBoolean();
        private final AtomicLong toClient = new AtomicLong();
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        RefusingProxy(int serverPort) throws IOException {
            Thread acceptor = new Thread(() -> accept(serverPort), "refusing-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        void refuseNewConnections(boolean refuse) {
            refusing.set(refuse);
        }

        long bytesToClient() {
            return toClient.get();
        }

        private void accept(int serverPort) {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    sockets.add(client);
                    if (refusing.get()) {
                        client.close();
                        continue;
                    }
                    client.setSendBufferSize(SMALL_BUFFER);
                    Socket server = new Socket();
                    server.setReceiveBufferSize(SMALL_BUFFER);
                    server.connect(new java.net.InetSocketAddress("localhost", serverPort));
                    sockets.add(server);
                    pump(client.getInputStream(), server.getOutputStream(), null);
                    pump(server.getInputStream(), client.getOutputStream(), toClient);
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void pump(InputStream in, OutputStream out, @Nullable AtomicLong counter) {
            Thread copier = new Thread(() -> {
                byte[] buffer = new byte[8_192];
                try (in; out) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        out.write(buffer, 0, n);
                        if (counter != null) {
                            counter.addAndGet(n);
                        }
                    }
                } catch (IOException ended) {
                    // One side closed: the other is closed with it.
                }
            }, "refusing-proxy-pump");
            copier.setDaemon(true);
            copier.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** Events of every type with every kind of value the binary formats carry, in time order. */
    private static List<CustomerEvent> awkwardEvents() {
        CustomerId c1 = CustomerId.of("c1");
        CustomerId c2 = CustomerId.of("kunde-ä€😀");
        return List.of(
                Purchase.builder(c1, Instant.parse("0001-01-01T00:00:00Z"), Money.of("0.000000000000000001", "EUR"))
                        .eventId("p-first").orderId("o'; DROP TABLE x; --").itemCount(1).build(),
                Interaction.builder(c2, Instant.parse("1969-12-31T23:59:59.999999Z"), TestEvents.CHECKOUT)
                        .eventId("i-1969").outcome("tab\there\nnewline\\backslash").duration(Duration.ofNanos(1))
                        .attribute("ключ", "значение \"quoted\"").attribute("plan", "pro").build(),
                Purchase.builder(c2, Instant.parse("1999-12-31T23:59:59.000001Z"),
                        Money.of("999999999999999999.999999999999999999", "EUR")).eventId("p-max").orderId("o-2")
                        .itemCount(Integer.MAX_VALUE).touchpoint(TestEvents.HOTLINE).build(),
                Purchase.builder(c1, Instant.parse("2000-01-01T00:00:00Z"), Money.of("10000", "JPY")).eventId("p-10k")
                        .orderId("o-3").itemCount(2).build(),
                Purchase.builder(c1, Instant.parse("2000-01-01T00:00:00.000001Z"), Money.of("0", "USD"))
                        .eventId("p-zero").orderId("o-4").itemCount(1).build(),
                FeedbackResponse.builder(c2, Instant.parse("2026-06-30T12:34:56.789012Z"), "survey ✓",
                        FeedbackScale.custom("effort", -3, 3), -3).eventId("f-neg").comment("😀 ok").build(),
                Interaction.builder(c1, Instant.parse("9999-12-31T23:59:59.999999Z"), TestEvents.HOTLINE)
                        .eventId("i-last").duration(Duration.ofNanos(Long.MAX_VALUE)).build());
    }

    @Test
    void copyScansReadBackWhatTheCursorReadsAndWhatPostgresHolds() throws SQLException {
        // Oracles: (1) the appended events themselves; (2) the cursor path (a query by customer is read through
        // JDBC's result set, not the COPY decoder); (3) PostgreSQL's own text of what the binary COPY stored:
        // CAST(amount AS TEXT) equals the Java amount at scale 18 (the column's NUMERIC(36, 18)), and
        // EXTRACT(EPOCH ...) times 10^6 equals the instant's microseconds since 1970, so an encoder and decoder
        // wrong in the same way cannot pass.
        pool = TestDatabases.postgres();
        JdbcEventStore store = JdbcStores.builder(pool).build().eventStore();
        List<CustomerEvent> appended = awkwardEvents();
        store.appendAll(appended);

        List<CustomerEvent> inTimeOrder = appended.stream()
                .sorted(Comparator.comparing(CustomerEvent::occurredAt)).toList();
        try (Stream<CustomerEvent> copied = store.scan()) {
            assertThat(copied.toList()).isEqualTo(inTimeOrder);
        }
        try (Stream<CustomerEvent> cursor = store.query(EventQuery.builder().customer(CustomerId.of("c1"))
                .customer(CustomerId.of("kunde-ä€😀")).build())) {
            assertThat(cursor.toList()).isEqualTo(inTimeOrder);
        }
        try (Stream<Purchase> purchases = store.query(EventQuery.builder()
                .from(Instant.parse("1999-12-31T23:59:59.000001Z")).to(Instant.parse("2000-01-01T00:00:00.000001Z"))
                .build(), Purchase.class)) {
            assertThat(purchases.map(p -> p.eventId().value()).toList()).containsExactly("p-max", "p-10k");
        }

        Map<String, String> amounts = new HashMap<>();
        Map<String, BigDecimal> epochs = new HashMap<>();
        try (Connection connection = pool.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT event_id, CAST(amount AS TEXT),"
                        + " EXTRACT(EPOCH FROM occurred_at) FROM cxm_events");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                amounts.put(rows.getString(1), rows.getString(2));
                epochs.put(rows.getString(1), rows.getBigDecimal(3));
            }
        }
        for (CustomerEvent event : appended) {
            Instant at = event.occurredAt();
            BigDecimal micros = BigDecimal.valueOf(at.getEpochSecond()).multiply(BigDecimal.valueOf(1_000_000))
                    .add(BigDecimal.valueOf(at.getNano() / 1_000));
            assertThat(epochs.get(event.eventId().value()).movePointRight(6).compareTo(micros))
                    .as("the instant of %s", event.eventId()).isZero();
            String amount = event instanceof Purchase p ? p.amount().amount().setScale(18).toPlainString() : null;
            assertThat(amounts.get(event.eventId().value())).as("the amount of %s", event.eventId()).isEqualTo(amount);
        }
    }
}
