package dev.cxm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.EventType;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Purchase;

/**
 * When every row has one type, the header must give (by a column or a fixed value) each field that type needs;
 * else the import fails before any row is read, naming the column, as {@code CsvColumnMapping}'s Javadoc says
 * (every row would be rejected for the same reason). Oracle: that rule, applied by hand to each header below:
 * a missing field fails with its column's default name, and a fixed value in its place lets the rows through.
 */
class CsvHeaderSourcesTest {

    private static List<CustomerEvent> importCsv(CsvColumnMapping mapping, String csv) throws IOException {
        List<CustomerEvent> events = new ArrayList<>();
        CsvEventImporter.ofDefaults(mapping, ImportPolicy.FAIL_ON_FIRST_ERROR)
                .importInto(events::add, () -> new StringReader(csv));
        return events;
    }

    @Test
    void everyInteractionNeedsATouchpoint() throws IOException {
        CsvColumnMapping interactions = CsvColumnMapping.custom().type(EventType.INTERACTION).build();

        assertThatThrownBy(() -> importCsv(interactions, "customer_id,occurred_at,outcome\nc1,2026-02-01,ok\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("column: \"touchpoint_id\" is not in the header and no fixed value is set,"
                        + " but every interaction needs a value for touchpoint");
        assertThat(importCsv(interactions, "customer_id,occurred_at,touchpoint_id\nc1,2026-02-01,t\n")).hasSize(1);
    }

    @Test
    void everyPurchaseNeedsAnAmountAndACurrency() throws IOException {
        CsvColumnMapping purchases = CsvColumnMapping.custom().type(EventType.PURCHASE).build();

        assertThatThrownBy(() -> importCsv(purchases, "customer_id,occurred_at,currency\nc1,2026-02-01,EUR\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("column: \"amount\" is not in the header and no fixed value is set,"
                        + " but every purchase needs a");
        assertThatThrownBy(() -> importCsv(purchases, "customer_id,occurred_at,amount\nc1,2026-02-01,9.5\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("column: \"currency\" is not in the header and no fixed value is set,"
                        + " but every purchase needs a");
        CsvColumnMapping inEuro = CsvColumnMapping.from(purchases).currency(Currency.getInstance("EUR")).build();
        List<CustomerEvent> read = importCsv(inEuro, "customer_id,occurred_at,amount\nc1,2026-02-01,9.5\n");
        assertThat(read).singleElement().isInstanceOfSatisfying(Purchase.class,
                purchase -> assertThat(purchase.amount().currency()).isEqualTo(Currency.getInstance("EUR")));
    }

    @Test
    void everyFeedbackResponseNeedsAScale() throws IOException {
        CsvColumnMapping feedback = CsvColumnMapping.custom().type(EventType.FEEDBACK).build();

        assertThatThrownBy(() -> importCsv(feedback, "customer_id,occurred_at,score\nc1,2026-02-01,9\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("column: \"scale\" is not in the header and no fixed value is set,"
                        + " but every feedback response needs a");
        assertThat(importCsv(CsvColumnMapping.from(feedback).scale(FeedbackScale.NPS).build(),
                "customer_id,occurred_at,score\nc1,2026-02-01,9\n")).hasSize(1);
    }

    @Test
    void everyEventNeedsATime() {
        assertThatThrownBy(() -> importCsv(CsvColumnMapping.custom().type(EventType.FEEDBACK).scale(FeedbackScale.NPS)
                .build(), "customer_id,score\nc1,9\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("column: \"occurred_at\" is not in the header and no fixed value is set,"
                        + " but every event needs a");
    }
}
