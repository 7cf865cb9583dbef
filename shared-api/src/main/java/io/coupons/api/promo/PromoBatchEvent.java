package io.coupons.api.promo;

/**
 * An event about one promo batch, its own or one of its runs' chunks: readers that key events by
 * batch (sequencing policies) ask this instead of listing every type.
 */
public interface PromoBatchEvent {

    PromoBatchId promoBatchId();
}
