package dev.cxm.core.store;

import static dev.cxm.core.store.kit.TestEvents.at;
import static dev.cxm.core.store.kit.TestEvents.nps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackScale;

/** The values the store SPI returns validate themselves: each rule is the oracle of its test. */
class StoreValuesTest {

    private static final CustomerId A = CustomerId.of("a");

    @Test
    void aTimelineHoldsOneCustomersEventsInTimeOrderAndAtLeastOne() {
        List<CustomerEvent> events = List.of(nps("n1", "a", 1, 9), nps("n2", "a", 1, 8), nps("n3", "a", 5, 7));
        CustomerTimeline timeline = new CustomerTimeline(A, events);

        assertThat(timeline.events()).isEqualTo(events);
        assertThat(timeline.span()).isEqualTo(new TimeSpan(at(1), at(5)));
        assertThatThrownBy(() -> new CustomerTimeline(A, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> new CustomerTimeline(A, List.of(nps("n1", "a", 1, 9), nps("n2", "b", 2, 9))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n2 is of customer b, not a");
        assertThatThrownBy(() -> new CustomerTimeline(A, List.of(nps("n1", "a", 2, 9), nps("n2", "a", 1, 9))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in time order");
    }

    @Test
    void aSpanIsNotReversedAndEndsJustAfterItsLastEvent() {
        TimeSpan span = new TimeSpan(at(1), at(1));

        assertThat(span.endExclusive()).isEqualTo(at(1).plusNanos(1));
        assertThatThrownBy(() -> new TimeSpan(at(2), at(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be reversed");
    }

    @Test
    void anEmptyPageHasNoNextPage() {
        assertThat(new EventPage(List.of(), Optional.empty()).hasNext()).isFalse();
        assertThat(new EventPage(List.of(nps("n1", "a", 1, 9)), Optional.of(PageCursor.of("x"))).hasNext()).isTrue();
        assertThatThrownBy(() -> new EventPage(List.of(), Optional.of(PageCursor.of("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an empty page has no next page");
    }

    @Test
    void aCursorIsItsTokenNonBlankAndShort() {
        assertThat(PageCursor.start().isStart()).isTrue();
        assertThat(PageCursor.of(PageCursor.start().token())).isEqualTo(PageCursor.start());
        assertThat(PageCursor.of("abc").isStart()).isFalse();
        assertThat(PageCursor.of("x".repeat(PageCursor.MAX_TOKEN_LENGTH)).token()).hasSize(2048);
        assertThatThrownBy(() -> PageCursor.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageCursor.of("x".repeat(2049)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("token: 2049 characters");
    }

    @Test
    void anAppendResultCountsAddUpAndAreNeverNegative() {
        // Oracle: the counts added by hand.
        AppendResult sum = new AppendResult(3, 1).plus(new AppendResult(4, 7));

        assertThat(sum).isEqualTo(new AppendResult(7, 8));
        assertThat(AppendResult.NONE).isEqualTo(new AppendResult(0, 0));
        assertThat(AppendResult.NONE.plus(AppendResult.NONE)).isEqualTo(AppendResult.NONE);
        assertThatThrownBy(() -> new AppendResult(-1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("appended: -1, duplicates: 0; counts must be 0 or more");
        assertThatThrownBy(() -> new AppendResult(0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("appended: 0, duplicates: -1; counts must be 0 or more");
    }

    @Test
    void aHistogramCellCountsOneResponseOrMoreOfAScoreOnItsScale() {
        // Oracle: the rules of ScoreCount's Javadoc (count 1 or more, score on the scale), at their edges.
        ScoreCount one = new ScoreCount(Optional.empty(), Optional.empty(), FeedbackScale.NPS, 10, 1);

        assertThat(one.count()).isEqualTo(1);
        assertThat(new ScoreCount(Optional.of("web"), Optional.of(LocalDate.of(2026, 1, 1)), FeedbackScale.CSAT, 1,
                Long.MAX_VALUE).count()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> new ScoreCount(Optional.empty(), Optional.empty(), FeedbackScale.NPS, 10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count: 0 is below 1; a histogram holds only cells with responses");
        assertThatThrownBy(() -> new ScoreCount(Optional.empty(), Optional.empty(), FeedbackScale.NPS, 11, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoreCount(Optional.empty(), Optional.empty(), FeedbackScale.CSAT, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void histogramCellsSortByGroupDayScaleNameMinMaxThenScore() {
        // Oracle: the list below, written out in the documented order (no group and no day first, as the
        // empty text and LocalDate.MIN); each neighbour differs from the one before in one key only, so every
        // key of the comparator decides at least one pair. Shuffled ten ways, sorting must restore it.
        FeedbackScale a15 = FeedbackScale.custom("a", 1, 5);
        FeedbackScale a17 = FeedbackScale.custom("a", 1, 7);
        FeedbackScale a25 = FeedbackScale.custom("a", 2, 5);
        FeedbackScale b15 = FeedbackScale.custom("b", 1, 5);
        Optional<LocalDate> none = Optional.empty();
        Optional<LocalDate> day1 = Optional.of(LocalDate.of(2026, 3, 1));
        Optional<LocalDate> day2 = Optional.of(LocalDate.of(2026, 3, 2));
        List<ScoreCount> ordered = List.of(
                new ScoreCount(Optional.empty(), none, a15, 1, 9),
                new ScoreCount(Optional.empty(), none, a15, 2, 1),
                new ScoreCount(Optional.empty(), day1, a15, 1, 1),
                new ScoreCount(Optional.of("north"), none, a15, 5, 3),
                new ScoreCount(Optional.of("north"), day1, a15, 1, 1),
                new ScoreCount(Optional.of("north"), day1, a15, 3, 1),
                new ScoreCount(Optional.of("north"), day1, a17, 2, 1),
                new ScoreCount(Optional.of("north"), day1, a25, 2, 1),
                new ScoreCount(Optional.of("north"), day1, b15, 1, 1),
                new ScoreCount(Optional.of("north"), day2, a15, 1, 1),
                new ScoreCount(Optional.of("south"), day1, a15, 1, 1));
        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            List<ScoreCount> shuffled = new ArrayList<>(ordered);
            Collections.shuffle(shuffled, random);
            shuffled.sort(ScoreCount.ORDER);
            assertThat(shuffled).isEqualTo(ordered);
        }
    }

    @Test
    void aGroupingSplitsByItsKeyAndDaysAsBuilt() {
        // Oracle: the components each factory documents.
        ZoneId berlin = ZoneId.of("Europe/Berlin");

        assertThat(ScoreGrouping.overall()).isEqualTo(new ScoreGrouping(Optional.empty(), Optional.empty()));
        assertThat(ScoreGrouping.by(GroupKeys.channel()))
                .isEqualTo(new ScoreGrouping(Optional.of(GroupKeys.channel()), Optional.empty()));
        assertThat(ScoreGrouping.overall().perDay(berlin))
                .isEqualTo(new ScoreGrouping(Optional.empty(), Optional.of(berlin)));
        assertThat(ScoreGrouping.by(GroupKeys.channel()).perDay(berlin))
                .isEqualTo(new ScoreGrouping(Optional.of(GroupKeys.channel()), Optional.of(berlin)));
    }
}
