package dev.cxm.examples.simulate.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.cxm.core.model.Channel;

/**
 * The touchpoints of the simulated company, each with its channel and the stage of the designed journey map
 * that holds it (written as the host's stage hint too). Every channel of cxm but {@code other} has one.
 */
public enum Place {
    /** A social-network ad. */
    SOCIAL_AD("social-ad", "Social ad", Channel.SOCIAL, Stage.AWARENESS),
    /** A search-engine ad. */
    SEARCH_AD("search-ad", "Search ad", Channel.WEB, Stage.AWARENESS),
    /** The web site's home page. */
    HOME("home", "Home page", Channel.WEB, Stage.AWARENESS),
    /** The app's home screen. */
    APP_HOME("app-home", "App home", Channel.MOBILE_APP, Stage.AWARENESS),
    /** A product page of the web site. */
    PRODUCT("product", "Product page", Channel.WEB, Stage.CONSIDERATION),
    /** A product screen of the app. */
    APP_PRODUCT("app-product", "App product page", Channel.MOBILE_APP, Stage.CONSIDERATION),
    /** A visit to a store. */
    STORE_VISIT("store-visit", "Store visit", Channel.STORE, Stage.CONSIDERATION),
    /** The web cart. */
    CART("cart", "Cart", Channel.WEB, Stage.PURCHASE),
    /** The web checkout. */
    CHECKOUT("checkout", "Checkout", Channel.WEB, Stage.PURCHASE),
    /** The app checkout. */
    APP_CHECKOUT("app-checkout", "App checkout", Channel.MOBILE_APP, Stage.PURCHASE),
    /** A store's till. */
    STORE_TILL("store-till", "Store till", Channel.STORE, Stage.PURCHASE),
    /** The support hotline. */
    HOTLINE("hotline", "Support hotline", Channel.PHONE, Stage.SERVICE),
    /** The live chat. */
    CHAT("chat", "Live chat", Channel.CHAT, Stage.SERVICE),
    /** Support by e-mail. */
    EMAIL_SUPPORT("email-support", "E-mail support", Channel.EMAIL, Stage.SERVICE),
    /** The newsletter. */
    NEWSLETTER("newsletter", "Newsletter", Channel.EMAIL, Stage.LOYALTY),
    /** The membership pages (join, cancel). */
    MEMBERSHIP("membership", "Membership", Channel.WEB, Stage.LOYALTY),
    /** A text-message offer. */
    SMS_OFFER("sms-offer", "SMS offer", Channel.SMS, Stage.LOYALTY);

    /** The stages of the designed journey map, in order. */
    public enum Stage {
        /** First contact with the brand. */
        AWARENESS,
        /** Looking at products. */
        CONSIDERATION,
        /** Buying. */
        PURCHASE,
        /** Getting help. */
        SERVICE,
        /** Staying: newsletter, membership, offers. */
        LOYALTY;

        /**
         * Returns the stage's name in the map and the files.
         *
         * @return the lower-case name
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String id;
    private final String label;
    private final Channel channel;
    private final Stage stage;
    private final byte[] csvCells;
    private final byte[] jsonObject;

    Place(String id, String label, Channel channel, Stage stage) {
        this.id = id;
        this.label = label;
        this.channel = channel;
        this.stage = stage;
        String csv = id + "," + label + "," + channel.name().toLowerCase(Locale.ROOT) + "," + stage.label();
        this.csvCells = csv.getBytes(StandardCharsets.US_ASCII);
        String json = "\"touchpoint\":{\"id\":\"" + id + "\",\"name\":\"" + label + "\",\"channel\":\"" + channel.name()
                + "\",\"stage\":\"" + stage.label() + "\"}";
        this.jsonObject = json.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Returns the touchpoint's id.
     *
     * @return the id, such as {@code home}
     */
    public String id() {
        return id;
    }

    /**
     * Returns the touchpoint's name.
     *
     * @return the name, such as {@code Home page}
     */
    public String label() {
        return label;
    }

    /**
     * Returns the touchpoint's channel.
     *
     * @return the channel
     */
    public Channel channel() {
        return channel;
    }

    /**
     * Returns the stage of the designed map that holds the touchpoint.
     *
     * @return the stage
     */
    public Stage stage() {
        return stage;
    }

    /**
     * Returns the four CSV cells {@code touchpoint_id,touchpoint_name,channel,stage}.
     *
     * @return the bytes, without a leading or trailing comma
     */
    byte[] csvCells() {
        return csvCells;
    }

    /**
     * Returns the {@code "touchpoint":{...}} member of the event's JSON, as {@code CxmJson} writes it.
     *
     * @return the bytes
     */
    byte[] jsonMember() {
        return jsonObject;
    }
}
