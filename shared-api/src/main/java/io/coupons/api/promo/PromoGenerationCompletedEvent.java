package io.coupons.api.promo;

import java.util.UUID;

/** A promo generation run has all its codes, in the same transaction as its last chunk. */
public record PromoGenerationCompletedEvent(PromoBatchId promoBatchId, UUID runId, int runNumber, long generated) implements PromoBatchEvent {
}
