package dev.cxm.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.Purchase;

/**
 * The order and survey ids of CSV rows, by the rules of {@link CsvField}'s and the model's Javadoc applied by
 * hand: a purchase's {@code order_id} cell is its order id (stripped), a purchase without one takes its event id;
 * a feedback response's {@code survey_id} cell is its survey id, one without is in the survey {@code default};
 * an id longer than 256 characters ({@code Checks.MAX_ID_LENGTH}) rejects the row, naming its column. Item counts
 * (the same rules): an integer of 0 or more, 1 when the cell is empty; a negative or fractional count rejects the
 * row, naming {@code items}.
 */
class CsvOrderAndSurveyIdsTest {

    private static final String CSV = "event_id,type,customer_id,occurred_at,order_id,amount,currency,survey_id,scale,score\n"
            + "e1,purchase,c1,2026-01-05T10:00:00Z, o-17 ,19.90,EUR,,,\n"
            + "e2,purchase,c1,2026-01-05T11:00:00Z,,5,EUR,,,\n"
            + "e3,feedback,c2,2026-01-06T10:00:00Z,,,, s-4 ,nps,9\n"
            + "e4,feedback,c2,2026-01-06T11:00:00Z,,,,,nps,3\n"
            + "e5,purchase,c1,2026-01-07T10:00:00Z," + "o".repeat(257) + ",1,EUR,,,\n"
            + "e6,feedback,c2,2026-01-08T10:00:00Z,,,," + "s".repeat(257) + ",nps,9\n"
            + "e7,purchase,c1,2026-01-09T10:00:00Z," + "o".repeat(256) + ",1,EUR,,,\n";

    @Test
    void orderAndSurveyIdsComeFromTheirCellsOrTheirDefaults() throws IOException {
        List<CustomerEvent> events = new ArrayList<>();

        ImportReport report = CsvEventImporter.ofDefaults(CsvColumnMapping.ofDefaults(), ImportPolicy.SKIP_AND_REPORT)
                .importInto(events::add, () -> new StringReader(CSV));

        assertThat(events).hasSize(5);
        assertThat(((Purchase) events.get(0)).orderId()).isEqualTo("o-17");
        assertThat(((Purchase) events.get(1)).orderId()).isEqualTo("e2");
        assertThat(((FeedbackResponse) events.get(2)).surveyId()).isEqualTo("s-4");
        assertThat(((FeedbackResponse) events.get(3)).surveyId()).isEqualTo("default");
        assertThat(((Purchase) events.get(4)).orderId()).isEqualTo("o".repeat(256));
        assertThat(report.rejected()).extracting(RejectedRow::line, RejectedRow::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(6L, Optional.of("order_id")),
                        org.assertj.core.groups.Tuple.tuple(7L, Optional.of("survey_id")));
        assertThat(report.rejected()).allSatisfy(row -> assertThat(row.reason())
                .isEqualTo("an id of 257 characters is too long; the limit is 256"));
    }

    @Test
    void itemCountsAreIntegersOfZeroOrMore() throws IOException {
        String csv = "type,customer_id,occurred_at,amount,currency,items\n"
                + "purchase,c1,2026-01-05T10:00:00Z,1,EUR,0\n"
                + "purchase,c1,2026-01-05T11:00:00Z,1,EUR, 3 \n"
                + "purchase,c1,2026-01-05T12:00:00Z,1,EUR,\n"
                + "purchase,c1,2026-01-05T13:00:00Z,1,EUR,+2\n"
                + "purchase,c1,2026-01-05T14:00:00Z,1,EUR,12345678901\n"
                + "purchase,c1,2026-01-05T15:00:00Z,1,EUR,-1\n"
                + "purchase,c1,2026-01-05T16:00:00Z,1,EUR,-1234567890\n"
                + "purchase,c1,2026-01-05T17:00:00Z,1,EUR,1.5\n";
        List<CustomerEvent> events = new ArrayList<>();

        ImportReport report = CsvEventImporter.ofDefaults(CsvColumnMapping.ofDefaults(), ImportPolicy.SKIP_AND_REPORT)
                .importInto(events::add, () -> new StringReader(csv));

        assertThat(events).extracting(event -> ((Purchase) event).itemCount()).containsExactly(0, 3, 1, 2);
        assertThat(report.rejected()).extracting(RejectedRow::line, RejectedRow::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(6L, "the value is not an integer"),
                org.assertj.core.groups.Tuple.tuple(7L, "the value is negative; it must be 0 or more"),
                org.assertj.core.groups.Tuple.tuple(8L, "the value is negative; it must be 0 or more"),
                org.assertj.core.groups.Tuple.tuple(9L, "the value is not an integer"));
        assertThat(report.rejected()).allSatisfy(row -> assertThat(row.column()).contains("items"));
    }
}
