package io.coupons.api.promo;

/** Every code of the batch was switched on or off at once. */
public record PromoBatchEnabledChangedEvent(PromoBatchId promoBatchId, boolean enabled) implements PromoBatchEvent {
}
