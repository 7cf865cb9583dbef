package io.coupons.api.promo;

import java.util.UUID;

/** One batch with its runs: answers {@link PromoBatchDetails}, or nothing for an unknown or deleted batch. */
public record GetPromoBatchQuery(UUID promoBatchId) {
}
