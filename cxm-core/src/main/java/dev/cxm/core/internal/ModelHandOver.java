package dev.cxm.core.internal;

import org.jspecify.annotations.Nullable;

import dev.cxm.core.model.Interaction;

/**
 * One object the model package hands to cxm's internals when it initialises (the hand-over of the JDK's
 * {@code SharedSecrets}): a way into the events' fields that stays out of the public API. The model class
 * that installs it is initialised by every event's constructor, so whoever holds an event finds it installed.
 *
 * @param <T> the type of what is handed over
 */
public final class ModelHandOver<T> {

    // The events' package-private base class, named through a public subclass so the compiler checks the name.
    private static final Class<?> MODEL_OWNER = Interaction.class.getSuperclass();

    private final String name;
    // What is handed over holds no state, so a thread that sees it without a happens-before edge sees a whole
    // object; a thread that sees null initialises the model class, which gives that edge.
    private @Nullable T value;

    /**
     * Makes an empty hand-over.
     *
     * @param name what is handed over, for messages
     */
    public ModelHandOver(String name) {
        this.name = name;
    }

    /**
     * Takes what the model hands over; once, from the model's class initialisation. Anything else is refused,
     * so that nothing can take the model's place before it initialises (which would make its own hand-over,
     * and so every event's class initialisation, fail).
     *
     * @param handedOver an object of a class nested in the model's event base class
     * @throws IllegalArgumentException when {@code handedOver} is not the model's
     * @throws IllegalStateException when the model already handed one over
     */
    public synchronized void install(T handedOver) {
        if (handedOver.getClass().getNestHost() != MODEL_OWNER) {
            throw new IllegalArgumentException(name + ": an object of " + handedOver.getClass().getName()
                    + " is not the model's; only the model's event base class hands it over");
        }
        if (value != null) {
            throw new IllegalStateException(name + ": already installed; only the model installs it, once");
        }
        value = handedOver;
    }

    /**
     * Returns what the model handed over, initialising the model class first if this thread has not seen it.
     *
     * @return what the model handed over
     */
    public T get() {
        T installed = value;
        return installed != null ? installed : afterModelInitialised();
    }

    private T afterModelInitialised() {
        try {
            Class.forName(MODEL_OWNER.getName(), true, MODEL_OWNER.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + ": the model class " + MODEL_OWNER.getName() + " is missing", e);
        }
        T installed;
        synchronized (this) {
            installed = value;
        }
        if (installed == null) {
            throw new IllegalStateException(name + ": the model did not install it");
        }
        return installed;
    }
}
