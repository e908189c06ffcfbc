package dev.cxm.jdbc.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.Interaction;
import dev.cxm.core.model.Purchase;
import dev.cxm.core.model.Touchpoint;

/**
 * One event as the columns of the events table hold it, in {@link EventColumns#NAMES} order (without
 * {@code seq}); {@code null} where the event's type has no such field.
 */
public record EventRow(
        String eventId,
        String customerId,
        short eventType,
        Instant occurredAt,
        @Nullable String touchpointId,
        @Nullable String touchpointName,
        @Nullable String touchpointChannel,
        @Nullable String touchpointStage,
        @Nullable String outcome,
        @Nullable Long durationNanos,
        @Nullable String orderId,
        @Nullable BigDecimal amount,
        @Nullable String currency,
        @Nullable Integer itemCount,
        @Nullable String surveyId,
        @Nullable String scaleName,
        @Nullable Integer scaleMin,
        @Nullable Integer scaleMax,
        @Nullable Integer score,
        @Nullable String comment,
        @Nullable String attributes,
        Map<String, String> attributeMap) {

    /** Returns the row of {@code event}; the event must have passed {@link Storable#requireStorable}. */
    public static EventRow of(CustomerEvent event) {
        Touchpoint touchpoint = event.atTouchpoint().orElse(null);
        String tpId = touchpoint == null ? null : touchpoint.id().value();
        String tpName = touchpoint == null ? null : touchpoint.name();
        String tpChannel = touchpoint == null ? null : touchpoint.channel().name();
        String tpStage = touchpoint == null ? null : touchpoint.stage().orElse(null);
        String attributes = event.attributes().isEmpty() ? null : AttributesJson.write(event.attributes());
        String id = event.eventId().value();
        String customer = event.customerId().value();
        if (event instanceof Interaction i) {
            return new EventRow(id, customer, EventColumns.INTERACTION, i.occurredAt(), tpId, tpName, tpChannel,
                    tpStage, i.outcome(), i.duration().toNanos(), null, null, null, null, null, null, null, null,
                    null, null, attributes, event.attributes());
        }
        if (event instanceof Purchase p) {
            return new EventRow(id, customer, EventColumns.PURCHASE, p.occurredAt(), tpId, tpName, tpChannel,
                    tpStage, null, null, p.orderId(), p.amount().amount(), p.amount().currency().getCurrencyCode(),
                    p.itemCount(), null, null, null, null, null, null, attributes, event.attributes());
        }
        FeedbackResponse f = (FeedbackResponse) event;
        return new EventRow(id, customer, EventColumns.FEEDBACK, f.occurredAt(), tpId, tpName, tpChannel, tpStage,
                null, null, null, null, null, null, f.surveyId(), f.scale().name(), f.scale().min(), f.scale().max(),
                f.score(), f.comment().orElse(null), attributes, event.attributes());
    }
}
