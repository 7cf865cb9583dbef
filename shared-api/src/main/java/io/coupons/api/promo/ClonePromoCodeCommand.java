package io.coupons.api.promo;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * Clone: {@code quantity} new codes in the same batch with the exact rules of {@code code} (its
 * override included), as the batch's next numbered generation run.
 *
 * @param runId the new run's identity (from an Idempotency-Key, or random)
 */
public record ClonePromoCodeCommand(@TargetAggregateIdentifier PromoBatchId promoBatchId, @Nullable String code,
                                    @Nullable Long quantity, UUID runId) {
}
