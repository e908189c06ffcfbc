package dev.cxm.examples.simulate.internal;

import java.nio.charset.StandardCharsets;

import dev.cxm.core.model.FeedbackScale;

/** The surveys of the simulated company: who is asked what, on which scale. */
public enum Survey {
    /** NPS a day or two after a purchase, rating the touchpoint the order was placed at. */
    POST_PURCHASE_NPS("post-purchase-nps", FeedbackScale.NPS),
    /** CSAT of the delivery, a few days after a purchase. */
    DELIVERY_CSAT("delivery-csat", FeedbackScale.CSAT),
    /** NPS after a service contact, rating the contact's touchpoint. */
    SUPPORT_NPS("support-nps", FeedbackScale.NPS),
    /** CSAT after a service contact. */
    SUPPORT_CSAT("support-csat", FeedbackScale.CSAT),
    /** CES 2.0 after a service contact: how easy it was to get the issue handled (7 is easiest). */
    SUPPORT_CES("support-ces", FeedbackScale.CES);

    private final String id;
    private final FeedbackScale scale;
    private final byte[] csvCells;
    private final byte[] jsonMembers;

    Survey(String id, FeedbackScale scale) {
        this.id = id;
        this.scale = scale;
        this.csvCells = (id + "," + scale.name()).getBytes(StandardCharsets.US_ASCII);
        this.jsonMembers = ("\"surveyId\":\"" + id + "\",\"scale\":{\"name\":\"" + scale.name() + "\",\"min\":"
                + scale.min() + ",\"max\":" + scale.max() + "}").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Returns the survey's id.
     *
     * @return the id, such as {@code support-csat}
     */
    public String id() {
        return id;
    }

    /**
     * Returns the answer scale.
     *
     * @return the scale
     */
    public FeedbackScale scale() {
        return scale;
    }

    /** Returns the CSV cells {@code survey_id,scale}. */
    byte[] csvCells() {
        return csvCells;
    }

    /** Returns the JSON members {@code "surveyId":..,"scale":{..}} as {@code CxmJson} writes them. */
    byte[] jsonMembers() {
        return jsonMembers;
    }
}
