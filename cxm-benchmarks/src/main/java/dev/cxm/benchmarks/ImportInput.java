package dev.cxm.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import dev.cxm.core.io.Ndjson;
import dev.cxm.core.io.ReaderSource;
import dev.cxm.core.model.Channel;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;
import dev.cxm.core.model.TouchpointId;
import dev.cxm.core.store.AppendResult;
import dev.cxm.core.store.EventQuery;
import dev.cxm.core.store.EventStore;

/**
 * The input of the import benchmarks: a deterministic mix of events as an export from a CX tool would hold
 * them (half interactions, a fifth purchases, the rest feedback on the NPS, CSAT and CES scales; 100,000
 * customers at 20 touchpoints; times in the common ISO-8601 forms), written as CSV with the default columns
 * and as NDJSON in cxm's form, both as UTF-8 bytes.
 */
final class ImportInput {

    /** The CSV header: every default column of {@code CsvColumnMapping.ofDefaults()}. */
    static final String CSV_HEADER = "event_id,type,customer_id,occurred_at,touchpoint_id,touchpoint_name,channel,"
            + "stage,outcome,duration,order_id,amount,currency,items,survey_id,scale,score,comment";

    private static final String[][] TOUCHPOINTS = {
            {"checkout", "Checkout page", "web", "purchase"},
            {"product-page", "Product page", "web", "consideration"},
            {"search", "Site search", "web", "consideration"},
            {"cart", "Shopping cart", "web", "purchase"},
            {"hotline", "Support hotline", "phone", "service"},
            {"sales-line", "Sales line", "phone", "purchase"},
            {"app-home", "App home", "mobile_app", ""},
            {"app-checkout", "App checkout", "mobile_app", "purchase"},
            {"newsletter", "Newsletter", "email", "awareness"},
            {"order-mail", "Order confirmation", "email", "purchase"},
            {"sms-reminder", "Delivery SMS", "sms", "delivery"},
            {"chat-bot", "Chat bot", "chat", "service"},
            {"live-chat", "Live chat", "chat", "service"},
            {"instagram", "Instagram", "social", "awareness"},
            {"store-berlin", "Store Berlin", "store", "purchase"},
            {"store-paris", "Store Paris", "store", "purchase"},
            {"returns", "Returns desk", "store", "service"},
            {"faq", "FAQ", "web", "service"},
            {"account", "My account", "web", ""},
            {"partner", "Partner portal", "other", ""}};
    private static final String[] OUTCOMES = {"resolved", "abandoned", "completed", "escalated"};
    private static final String[] COMMENTS = {"Great service", "Too slow", "Quick, friendly and helpful",
            "The \"express\" delivery was late", "ok", "Would recommend to friends"};
    private static final FeedbackScale[] SCALES = {FeedbackScale.NPS, FeedbackScale.CSAT, FeedbackScale.CES};
    private static final Currency[] CURRENCIES = {Currency.getInstance("EUR"), Currency.getInstance("USD")};
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private ImportInput() {}

    /**
     * Returns {@code rows} events of the mix, and their CSV and NDJSON.
     *
     * @param rows how many events
     * @return the input
     */
    static Files generate(int rows) {
        SplittableRandom random = new SplittableRandom(20261123L);
        Touchpoint[] touchpoints = new Touchpoint[TOUCHPOINTS.length];
        for (int i = 0; i < touchpoints.length; i++) {
            String[] t = TOUCHPOINTS[i];
            touchpoints[i] = new Touchpoint(TouchpointId.of(t[0]), t[1], Channel.parse(t[2]),
                    t[3].isEmpty() ? Optional.empty() : Optional.of(t[3]));
        }
        StringBuilder csv = new StringBuilder(rows * 140).append(CSV_HEADER).append('\n');
        List<CustomerEvent> events = new ArrayList<>(rows);
        Instant time = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < rows; i++) {
            time = time.plusMillis(1 + random.nextInt(20_000));
            int form = random.nextInt(20);
            // 60% whole seconds in UTC, 25% milliseconds, 10% with an offset, 5% a local time (the zone is UTC).
            Instant at = form < 17 && form >= 12 ? time : time.truncatedTo(ChronoUnit.SECONDS);
            String timeText = form < 12 ? at.toString()
                    : form < 17 ? DateTimeFormatter.ISO_INSTANT.format(at)
                    : form < 19 ? OFFSET.format(at.atOffset(ZoneOffset.ofHours(1)))
                    : LOCAL.format(at.atOffset(ZoneOffset.UTC));
            EventId id = EventId.of("evt-" + i);
            CustomerId customer = CustomerId.of("cust-" + random.nextInt(100_000));
            int kind = random.nextInt(10);
            Touchpoint touchpoint = touchpoints[random.nextInt(touchpoints.length)];
            String[] cells = new String[18];
            java.util.Arrays.fill(cells, "");
            cells[0] = id.value();
            cells[2] = customer.value();
            cells[3] = timeText;
            CustomerEvent event;
            if (kind < 5) {
                String outcome = random.nextInt(4) == 0 ? Interaction.UNKNOWN_OUTCOME
                        : OUTCOMES[random.nextInt(OUTCOMES.length)];
                int seconds = random.nextInt(1800);
                Duration duration = Duration.ofSeconds(seconds);
                event = new Interaction(id, customer, at, touchpoint, outcome, duration, Map.of());
                cells[1] = "interaction";
                cells[8] = outcome.equals(Interaction.UNKNOWN_OUTCOME) ? "" : outcome;
                cells[9] = random.nextInt(10) == 0 ? duration.toString() : Integer.toString(seconds);
                touchpointCells(cells, touchpoint);
            } else if (kind < 7) {
                Money amount = Money.of(BigDecimal.valueOf(100 + random.nextInt(50_000), 2),
                        CURRENCIES[random.nextInt(2)]);
                int items = 1 + random.nextInt(5);
                Optional<Touchpoint> where = random.nextBoolean() ? Optional.of(touchpoint) : Optional.empty();
                event = new Purchase(id, customer, at, "ord-" + i, amount, items, where, Map.of());
                cells[1] = "purchase";
                cells[10] = "ord-" + i;
                cells[11] = amount.amount().toPlainString();
                cells[12] = amount.currency().getCurrencyCode();
                cells[13] = Integer.toString(items);
                where.ifPresent(t -> touchpointCells(cells, t));
            } else {
                FeedbackScale scale = SCALES[random.nextInt(SCALES.length)];
                int score = scale.min() + random.nextInt(scale.points());
                Optional<String> comment = random.nextInt(5) == 0
                        ? Optional.of(COMMENTS[random.nextInt(COMMENTS.length)]) : Optional.empty();
                Optional<Touchpoint> about = random.nextInt(5) < 3 ? Optional.of(touchpoint) : Optional.empty();
                String survey = scale.name() + "-survey";
                event = new FeedbackResponse(id, customer, at, survey, scale, score, comment, about, Map.of());
                cells[1] = "feedback";
                cells[14] = survey;
                cells[15] = scale.name();
                cells[16] = Integer.toString(score);
                cells[17] = comment.orElse("");
                about.ifPresent(t -> touchpointCells(cells, t));
            }
            events.add(event);
            appendRow(csv, cells);
        }
        StringWriter ndjson = new StringWriter(rows * 300);
        try {
            Ndjson.writeEvents(events.stream(), ndjson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Files(csv.toString().getBytes(StandardCharsets.UTF_8),
                ndjson.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void touchpointCells(String[] cells, Touchpoint touchpoint) {
        cells[4] = touchpoint.id().value();
        cells[5] = touchpoint.name();
        cells[6] = touchpoint.channel().name().toLowerCase(Locale.ROOT);
        cells[7] = touchpoint.stage().orElse("");
    }

    private static void appendRow(StringBuilder csv, String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                csv.append(',');
            }
            String cell = cells[c];
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
        }
        csv.append('\n');
    }

    /** The generated files' bytes. */
    record Files(byte[] csv, byte[] ndjson) {

        /** Opens the CSV as a file would be opened: UTF-8 decoded from bytes. */
        ReaderSource csvSource() {
            return source(csv);
        }

        /** Opens the NDJSON as a file would be opened. */
        ReaderSource ndjsonSource() {
            return source(ndjson);
        }

        private static ReaderSource source(byte[] bytes) {
            return () -> new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
        }
    }

    /**
     * A store that keeps nothing and counts what reaches it, so that an import benchmark measures reading and
     * mapping apart from any store's cost. It holds no event, so a fail-on-first-error import's check of each
     * id against the store is a miss.
     */
    static final class CountingStore implements EventStore {
        long events;

        @Override
        public AppendResult appendAll(Collection<? extends CustomerEvent> batch) {
            events += batch.size();
            return new AppendResult(batch.size(), 0);
        }

        @Override
        public Optional<CustomerEvent> get(EventId id) {
            return Optional.empty();
        }

        @Override
        public Stream<CustomerEvent> query(EventQuery query) {
            return Stream.empty();
        }

        @Override
        public long count() {
            return events;
        }

        @Override
        public long erase(CustomerId customer) {
            return 0;
        }
    }
}
