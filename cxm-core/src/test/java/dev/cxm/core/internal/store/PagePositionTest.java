package dev.cxm.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.cxm.core.model.EventId;
import dev.cxm.core.store.PageCursor;

/**
 * A position survives its token; a token that is no position is refused without being repeated. Oracle: the
 * record's Javadoc ranges ({@code returnedAtInstant} 1 or more, {@code returnedOfItsCustomer} 1 to
 * {@code returnedAtInstant}) applied by hand at both ends.
 */
class PagePositionTest {

    @Test
    void aPositionReadsBackFromItsTokenEvenWithSeparatorsInTheEventId() {
        PagePosition position = new PagePosition(Instant.parse("1969-12-31T23:59:59.999999Z"), 7, 3,
                EventId.of("order:42:line/1 ü"));

        PageCursor cursor = position.cursor();

        assertThat(cursor.token()).matches("[A-Za-z0-9_-]+");
        assertThat(PagePosition.of(PageCursor.of(cursor.token()))).contains(position);
        assertThat(PagePosition.of(PageCursor.start())).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-cursor", "p1:1:2:3", "p2:0:0:1:1:e1", "p1:x:0:1:1:e1", "p1:0:0:0:0:e1",
            "p1:0:0:1:2:e1", "p1:0:0:1:1: ", "p1:99999999999999999:0:1:1:e1"})
    void aTokenThatIsNoPositionIsRefusedWithoutBeingRepeated(String text) {
        String token = text.equals("not-a-cursor") ? text
                : Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes());

        assertThatThrownBy(() -> PagePosition.of(PageCursor.of(token)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cursor: the token is not a cursor of this store; page again from PageCursor.start()");
    }

    @Test
    void theCountsAreValidAtTheClosedEndsOfTheirRanges() {
        Instant instant = Instant.parse("2026-01-01T00:00:00Z");
        EventId event = EventId.of("e1");

        for (int[] counts : new int[][] {{1, 1}, {5, 5}, {5, 1}}) {
            PagePosition position = new PagePosition(instant, counts[0], counts[1], event);
            assertThat(PagePosition.of(position.cursor())).contains(position);
        }
        for (int[] counts : new int[][] {{0, 1}, {1, 0}, {1, 2}, {4, 5}}) {
            assertThatThrownBy(() -> new PagePosition(instant, counts[0], counts[1], event))
                    .as("%d, %d", counts[0], counts[1]).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
