package dev.cxm.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * One object the model package hands to cxm's internals when it initialises (the hand-over of the JDK's
 * {@code SharedSecrets}): a way into the events' fields that stays out of the public API. The model class
 * that installs it is initialised by every event's constructor, so whoever holds an event finds it installed.
 *
 * @param <T> the type of what is handed over
 */
final class ModelHandOver<T> {

    private static final String MODEL_OWNER = "dev.cxm.core.model.EventBase";

    private final String name;
    // What is handed over holds no state, so a thread that sees it without a happens-before edge sees a whole
    // object; a thread that sees null initialises the model class, which gives that edge.
    private @Nullable T value;

    ModelHandOver(String name) {
        this.name = name;
    }

    /** Takes what the model hands over; once, from the model's class initialisation. */
    synchronized void install(T handedOver) {
        if (value != null) {
            throw new IllegalStateException(name + ": already installed; only the model installs it, once");
        }
        value = handedOver;
    }

    /** Returns what the model handed over, initialising the model class first if this thread has not seen it. */
    T get() {
        T installed = value;
        return installed != null ? installed : afterModelInitialised();
    }

    private T afterModelInitialised() {
        try {
            Class.forName(MODEL_OWNER, true, ModelHandOver.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + ": the model class " + MODEL_OWNER + " is missing", e);
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
