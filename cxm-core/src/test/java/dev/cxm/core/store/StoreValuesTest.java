package dev.cxm.core.store;

import static dev.cxm.core.store.kit.TestEvents.at;
import static dev.cxm.core.store.kit.TestEvents.nps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;

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
}
