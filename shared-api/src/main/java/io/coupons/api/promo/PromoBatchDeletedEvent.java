package io.coupons.api.promo;

/** The batch and every code of it were deleted, as one fact: redeem answers DELETED from now on. */
public record PromoBatchDeletedEvent(PromoBatchId promoBatchId) implements PromoBatchEvent {
}
