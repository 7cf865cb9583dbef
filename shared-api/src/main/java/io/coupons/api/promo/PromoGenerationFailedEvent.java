package io.coupons.api.promo;

import java.util.UUID;

/** A promo generation run stopped for good after repeated failures; the codes it made stay. */
public record PromoGenerationFailedEvent(PromoBatchId promoBatchId, UUID runId, int runNumber, long generated,
                                         String reason) implements PromoBatchEvent {
}
