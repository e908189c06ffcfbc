package dev.cxm.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * One object a class hands to cxm's internals when it initialises (the hand-over of the JDK's
 * {@code SharedSecrets}): a way into that class's fields that stays out of the public API. The owner class
 * is initialised by every constructor of the objects read, so whoever holds one finds the hand-over done.
 *
 * @param <T> the type of what is handed over
 */
public final class HandOver<T> {

    private final String name;
    private final Class<?> owner;
    // What is handed over holds no state, so a thread that sees it without a happens-before edge sees a whole
    // object; a thread that sees null initialises the owner class, which gives that edge.
    private @Nullable T value;

    /**
     * Makes an empty hand-over from {@code owner}.
     *
     * @param name what is handed over, for messages
     * @param owner the only class whose nested classes may hand it over
     */
    public HandOver(String name, Class<?> owner) {
        this.name = name;
        this.owner = owner;
    }

    /**
     * Takes what the owner hands over; once, from the owner's class initialisation. Anything else is refused,
     * so that nothing can take the owner's place before it initialises (which would make its own hand-over,
     * and so its class initialisation, fail).
     *
     * @param handedOver an object of a class nested in the owner class
     * @throws IllegalArgumentException when {@code handedOver} is not the owner's
     * @throws IllegalStateException when the owner already handed one over
     */
    public synchronized void install(T handedOver) {
        if (handedOver.getClass().getNestHost() != owner) {
            throw new IllegalArgumentException(name + ": an object of " + handedOver.getClass().getName()
                    + " is not " + owner.getName() + "'s; only that class hands it over");
        }
        if (value != null) {
            throw new IllegalStateException(name + ": already installed; only " + owner.getName()
                    + " installs it, once");
        }
        value = handedOver;
    }

    /**
     * Returns what the owner handed over, initialising the owner class first if this thread has not seen it.
     *
     * @return what the owner handed over
     */
    public T get() {
        T installed = value;
        return installed != null ? installed : afterOwnerInitialised();
    }

    private T afterOwnerInitialised() {
        try {
            Class.forName(owner.getName(), true, owner.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + ": the class " + owner.getName() + " is missing", e);
        }
        T installed;
        synchronized (this) {
            installed = value;
        }
        if (installed == null) {
            throw new IllegalStateException(name + ": " + owner.getName() + " did not install it");
        }
        return installed;
    }
}
