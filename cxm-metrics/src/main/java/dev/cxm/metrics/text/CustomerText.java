package dev.cxm.metrics.text;

import java.util.Optional;

import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.FeedbackResponse;

/**
 * A text a customer wrote or said, with the event it came with: a feedback response's comment, or the
 * transcript of an interaction (a call, a chat) that the host passes beside the event. The event places the
 * text in a group ({@link dev.cxm.core.group.GroupKey}) and a period (its instant) of a
 * {@link SentimentBreakdown}.
 *
 * <p>The text is personal data: {@link #toString()} shows the event id and the text's length, never the text.
 *
 * @param event the event the text belongs to
 * @param text the text; may be empty or blank (scored neutral)
 */
public record CustomerText(CustomerEvent event, String text) {

    /**
     * Validates the pair.
     *
     * @param event the event the text belongs to
     * @param text the text; may be empty or blank (scored neutral)
     */
    public CustomerText {
        Checks.present("event", event);
        Checks.present("text", text);
    }

    /**
     * Returns the text of {@code event}, such as an interaction and its transcript.
     *
     * @param event the event
     * @param text the text
     * @return the pair
     */
    public static CustomerText of(CustomerEvent event, String text) {
        return new CustomerText(event, text);
    }

    /**
     * Returns the comment of a feedback response, when it has one.
     *
     * @param response the response
     * @return the response with its comment, or empty when it has none
     */
    public static Optional<CustomerText> commentOf(FeedbackResponse response) {
        return Checks.present("response", response).comment().map(comment -> new CustomerText(response, comment));
    }

    /**
     * Returns the event id and the text's length, never the text.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "CustomerText[event " + event.eventId() + ", " + text.length() + " characters]";
    }
}
