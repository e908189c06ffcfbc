package dev.cxm.examples.simulate.internal;

import java.util.List;

/**
 * The comments respondents write, chosen by what happened to them: a long wait, an unresolved contact, a
 * price or product they rate low, or a good experience. Negative themes use words VADER scores negative and
 * positive ones words it scores positive (the tests score every template), and each theme has its own words
 * so that {@code cxm themes} tells detractors from promoters.
 */
public final class Comments {

    /** What a comment is about. */
    public enum Theme {
        /** A long wait for support; {@code %d} is the wait in minutes. */
        LONG_WAIT(List.of(
                "I waited %d minutes on hold. Terrible service.",
                "Waited %d minutes for an agent, way too long. Very frustrating.",
                "The wait times are terrible, %d minutes before anyone answered.",
                "%d minutes in the queue and then the call dropped. Awful.")),
        /** A slow answer to an e-mail; {@code %d} is the wait in hours. */
        SLOW_REPLY(List.of(
                "No answer to my e-mail for %d hours. Terrible support.",
                "It took %d hours to get a reply to my e-mail, far too slow and frustrating.")),
        /** A contact that did not solve the issue. */
        UNRESOLVED(List.of(
                "The agent was not helpful at all and my issue is still open.",
                "Nobody could fix my problem. Very disappointed.",
                "I had to explain my problem again and again, useless support.",
                "Still not resolved after several calls. Not helpful.")),
        /** A price the customer finds too high. */
        PRICE(List.of(
                "Too expensive for what you get, not worth it.",
                "Prices went up again, I am not happy about that.",
                "Overpriced compared to other shops.")),
        /** A product the customer rates low. */
        PRODUCT(List.of(
                "The product broke after two weeks, poor quality.",
                "Cheap materials, disappointed with the quality.",
                "It stopped working after a month. Bad product.")),
        /** A delivery the customer rates low. */
        DELIVERY(List.of(
                "The delivery was late and the box was damaged.",
                "Delivery took forever, bad experience.")),
        /** Neither good nor bad. */
        MIXED(List.of(
                "It is ok, nothing special.",
                "Decent products but the app could be better.",
                "Fine overall, delivery was a bit slow.")),
        /** A good experience. */
        PRAISE(List.of(
                "Great service, thank you!",
                "The staff were friendly and very helpful.",
                "Fast delivery and excellent quality, love it.",
                "Love the app, ordering is easy and quick.",
                "Excellent support, the agent sorted everything out in minutes.",
                "Great products at a fair price, happy customer."));

        private final List<String> templates;

        Theme(List<String> templates) {
            this.templates = templates;
        }

        /**
         * Returns the theme's templates.
         *
         * @return the templates; those of {@link #LONG_WAIT} hold one {@code %d}
         */
        public List<String> templates() {
            return templates;
        }
    }

    private Comments() {}

    /**
     * Returns one comment of the theme.
     *
     * @param theme the theme
     * @param wait the wait to quote, for {@link Theme#LONG_WAIT} (minutes) and {@link Theme#SLOW_REPLY} (hours)
     * @param rng the stream to draw the template from
     * @return the comment
     */
    static String of(Theme theme, int wait, Rng rng) {
        String template = theme.templates.get(rng.below(theme.templates.size()));
        return template.contains("%d") ? template.replace("%d", Integer.toString(wait)) : template;
    }
}
