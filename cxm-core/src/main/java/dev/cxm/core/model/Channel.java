package dev.cxm.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The medium through which a customer and the company meet. */
public enum Channel {
    /** A voice call, inbound or outbound. */
    PHONE,
    /** The company's web site. */
    WEB,
    /** The company's mobile application. */
    MOBILE_APP,
    /** E-mail. */
    EMAIL,
    /** Text messages. */
    SMS,
    /** Live or bot chat. */
    CHAT,
    /** Social networks. */
    SOCIAL,
    /** A physical store or branch. */
    STORE,
    /** Anything else. */
    OTHER;

    /**
     * Parses a channel name leniently: case is ignored and {@code '-'} or {@code ' '} count as {@code '_'},
     * so {@code "mobile app"}, {@code "Mobile-App"} and {@code "MOBILE_APP"} all name {@link #MOBILE_APP}.
     *
     * @param text the channel's name
     * @return the channel
     * @throws IllegalArgumentException listing the accepted names (without repeating the text) when it names no
     *     channel
     */
    public static Channel parse(String text) {
        String normalised = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Channel channel : values()) {
            if (channel.name().equals(normalised)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("channel: is not a channel; expected one of "
                + Arrays.stream(values()).map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
