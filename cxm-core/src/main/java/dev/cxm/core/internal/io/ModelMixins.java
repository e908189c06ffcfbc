package dev.cxm.core.internal.io;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Purchase;

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
}
