package dev.cxm.engage.profile;

/** Hears every change of a profile kept by {@link CustomerProfiles}: segments, triggers, a host's cache. */
@FunctionalInterface
public interface ProfileListener {

    /**
     * Called after a profile changed, on the thread that changed it.
     *
     * @param before the profile before the change (an empty profile for a customer seen for the first time)
     * @param after the profile after it
     */
    void profileChanged(CustomerProfile before, CustomerProfile after);
}
