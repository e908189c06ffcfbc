package dev.cxm.core.internal.store;

import java.util.Optional;

import dev.cxm.core.internal.HandOver;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;

/**
 * Copies an event with some of its parts replaced by equal, shared instances, for the in-memory store, which
 * keeps one instance of each customer id, touchpoint, scale and repeated label across millions of events. Not
 * API.
 *
 * <p>Why not the public constructors: they check every component again and take the instant as an
 * {@link java.time.Instant}, which the copy would make from the source's fields only to be taken apart again
 * (an object allocated per stored event, between the stored events in memory). The model hands this class
 * a copier that moves the fields across as they are ({@link HandOver}). The caller promises that each
 * part it passes is equal to the source's; nothing is checked.
 */
public final class EventCopies {

    /** What the model hands over: copies that take the parts given and every other field of the source. */
    public interface Copier {

        /**
         * Returns {@code source} with the parts given.
         *
         * @param source the event copied
         * @param customerId an id equal to the source's
         * @param touchpoint a touchpoint equal to the source's
         * @param outcome an outcome equal to the source's
         * @return the copy
         */
        Interaction interaction(Interaction source, CustomerId customerId, Touchpoint touchpoint, String outcome);

        /**
         * Returns {@code source} with the parts given.
         *
         * @param source the event copied
         * @param customerId an id equal to the source's
         * @param touchpoint a touchpoint equal to the source's
         * @return the copy
         */
        Purchase purchase(Purchase source, CustomerId customerId, Optional<Touchpoint> touchpoint);

        /**
         * Returns {@code source} with the parts given.
         *
         * @param source the event copied
         * @param customerId an id equal to the source's
         * @param touchpoint a touchpoint equal to the source's
         * @param scale a scale equal to the source's
         * @param surveyId a survey id equal to the source's
         * @return the copy
         */
        FeedbackResponse feedbackResponse(FeedbackResponse source, CustomerId customerId,
                Optional<Touchpoint> touchpoint, FeedbackScale scale, String surveyId);
    }

    // The events' package-private base class, named through a public subclass so the compiler checks the name.
    private static final HandOver<Copier> COPIER = new HandOver<>("copier", Interaction.class.getSuperclass());

    private EventCopies() {}

    /**
     * Takes the model's copier; called once, by the model's own class initialisation.
     *
     * @param modelCopier the copier
     * @throws IllegalArgumentException when {@code modelCopier} is not the model's
     * @throws IllegalStateException when a copier was already installed
     */
    public static void install(Copier modelCopier) {
        COPIER.install(modelCopier);
    }

    /**
     * Returns the model's copier.
     *
     * @return the copier
     */
    public static Copier copier() {
        return COPIER.get();
    }
}
