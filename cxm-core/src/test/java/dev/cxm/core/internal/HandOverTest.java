package dev.cxm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A hand-over as its Javadoc describes it: {@code get} initialises the owner class when nothing was installed
 * yet and returns what that class's initialisation installed (the same object every time); an owner whose
 * initialisation installs nothing is named in an {@link IllegalStateException}; only an object of a class
 * nested in the owner is taken, and only once. Oracle: the owners below, whose static initialisers the test
 * controls (top-level classes, since a nested class's nest host is the top-level class; each is
 * initialised only through the hand-over's {@code get}).
 */
class HandOverTest {

    static final HandOver<Object> INSTALLED_BY_OWNER = new HandOver<>("greeting", HandOverOwner.class);
    static final HandOver<Object> NEVER_INSTALLED = new HandOver<>("reader", HandOverOwnerOfNothing.class);

    @Test
    void getInitialisesTheOwnerAndReturnsWhatItHandedOver() {
        Object first = INSTALLED_BY_OWNER.get();

        assertThat(first).isInstanceOf(HandOverOwner.Nested.class).isSameAs(HandOverOwner.HANDED);
        assertThat(INSTALLED_BY_OWNER.get()).isSameAs(first);
    }

    @Test
    void anOwnerThatInstallsNothingIsNamed() {
        assertThatThrownBy(NEVER_INSTALLED::get).isInstanceOf(IllegalStateException.class)
                .hasMessage("reader: " + HandOverOwnerOfNothing.class.getName() + " did not install it");
        // Asked again, with the owner initialised by now: still nothing, still refused.
        assertThatThrownBy(NEVER_INSTALLED::get).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyTheOwnersNestedObjectIsTakenAndOnlyOnce() {
        HandOver<Object> handOver = new HandOver<>("copier", HandOverRefusingOwner.class);

        assertThatThrownBy(() -> handOver.install("a string")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("copier: an object of java.lang.String is not " + HandOverRefusingOwner.class.getName()
                        + "'s; only that class hands it over");
        Object nested = new HandOverRefusingOwner.Nested();
        handOver.install(nested);
        assertThat(handOver.get()).isSameAs(nested);
        assertThatThrownBy(() -> handOver.install(new HandOverRefusingOwner.Nested())).isInstanceOf(IllegalStateException.class)
                .hasMessage("copier: already installed; only " + HandOverRefusingOwner.class.getName() + " installs it, once");
        assertThat(handOver.get()).isSameAs(nested);
    }
}

/** An owner that hands over its nested object when it initialises. */
final class HandOverOwner {
    static final Object HANDED = new Nested();

    static {
        HandOverTest.INSTALLED_BY_OWNER.install(HANDED);
    }

    private HandOverOwner() {}

    static final class Nested {}
}

/** An owner whose initialisation hands nothing over. */
final class HandOverOwnerOfNothing {
    static final Object NOTHING = new Object();

    private HandOverOwnerOfNothing() {}
}

/** An owner used only for the refusals of {@code install}. */
final class HandOverRefusingOwner {
    private HandOverRefusingOwner() {}

    static final class Nested {}
}
