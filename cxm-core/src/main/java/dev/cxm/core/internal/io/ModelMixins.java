package dev.cxm.core.internal.io;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.EventId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;

/** Jackson annotations for the model, kept out of the model itself. */
public final class ModelMixins {

    private ModelMixins() {}

    /** Names the event kinds in a {@code "type"} property; the only polymorphism cxm's JSON has. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Interaction.class, name = "interaction"),
            @JsonSubTypes.Type(value = Purchase.class, name = "purchase"),
            @JsonSubTypes.Type(value = FeedbackResponse.class, name = "feedback")})
    public abstract static class CustomerEventMixin {}

    /**
     * The properties of an {@link Interaction}, as they were when it was a record: its constructor's parameters
     * in their order, read through that constructor and written from the accessors of the same names.
     */
    @JsonPropertyOrder({"eventId", "customerId", "occurredAt", "touchpoint", "outcome", "duration", "attributes"})
    public abstract static class InteractionMixin {

        @JsonCreator
        InteractionMixin(@JsonProperty("eventId") EventId eventId, @JsonProperty("customerId") CustomerId customerId,
                @JsonProperty("occurredAt") Instant occurredAt, @JsonProperty("touchpoint") Touchpoint touchpoint,
                @JsonProperty("outcome") String outcome, @JsonProperty("duration") Duration duration,
                @JsonProperty("attributes") Map<String, String> attributes) {}

        @JsonProperty("eventId") abstract EventId eventId();

        @JsonProperty("customerId") abstract CustomerId customerId();

        @JsonProperty("occurredAt") abstract Instant occurredAt();

        @JsonProperty("touchpoint") abstract Touchpoint touchpoint();

        @JsonProperty("outcome") abstract String outcome();

        @JsonProperty("duration") abstract Duration duration();

        @JsonProperty("attributes") abstract Map<String, String> attributes();
    }

    /** The properties of a {@link Purchase}, as {@link InteractionMixin} describes. */
    @JsonPropertyOrder({"eventId", "customerId", "occurredAt", "orderId", "amount", "itemCount", "touchpoint",
            "attributes"})
    public abstract static class PurchaseMixin {

        @JsonCreator
        PurchaseMixin(@JsonProperty("eventId") EventId eventId, @JsonProperty("customerId") CustomerId customerId,
                @JsonProperty("occurredAt") Instant occurredAt, @JsonProperty("orderId") String orderId,
                @JsonProperty("amount") Money amount, @JsonProperty("itemCount") int itemCount,
                @JsonProperty("touchpoint") Optional<Touchpoint> touchpoint,
                @JsonProperty("attributes") Map<String, String> attributes) {}

        @JsonProperty("eventId") abstract EventId eventId();

        @JsonProperty("customerId") abstract CustomerId customerId();

        @JsonProperty("occurredAt") abstract Instant occurredAt();

        @JsonProperty("orderId") abstract String orderId();

        @JsonProperty("amount") abstract Money amount();

        @JsonProperty("itemCount") abstract int itemCount();

        @JsonProperty("touchpoint") abstract Optional<Touchpoint> touchpoint();

        @JsonProperty("attributes") abstract Map<String, String> attributes();
    }

    /** The properties of a {@link FeedbackResponse}, as {@link InteractionMixin} describes. */
    @JsonPropertyOrder({"eventId", "customerId", "occurredAt", "surveyId", "scale", "score", "comment", "touchpoint",
            "attributes"})
    public abstract static class FeedbackResponseMixin {

        @JsonCreator
        FeedbackResponseMixin(@JsonProperty("eventId") EventId eventId,
                @JsonProperty("customerId") CustomerId customerId, @JsonProperty("occurredAt") Instant occurredAt,
                @JsonProperty("surveyId") String surveyId, @JsonProperty("scale") FeedbackScale scale,
                @JsonProperty("score") int score, @JsonProperty("comment") Optional<String> comment,
                @JsonProperty("touchpoint") Optional<Touchpoint> touchpoint,
                @JsonProperty("attributes") Map<String, String> attributes) {}

        @JsonProperty("eventId") abstract EventId eventId();

        @JsonProperty("customerId") abstract CustomerId customerId();

        @JsonProperty("occurredAt") abstract Instant occurredAt();

        @JsonProperty("surveyId") abstract String surveyId();

        @JsonProperty("scale") abstract FeedbackScale scale();

        @JsonProperty("score") abstract int score();

        @JsonProperty("comment") abstract Optional<String> comment();

        @JsonProperty("touchpoint") abstract Optional<Touchpoint> touchpoint();

        @JsonProperty("attributes") abstract Map<String, String> attributes();
    }
}
