package io.coupons.api.promo;

import io.coupons.api.batch.GenerationBatchState;
import io.coupons.api.rule.DiscountTerms;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A promo code batch as the list view and the details show it.
 *
 * @param requested  codes asked for over every generation run
 * @param generated  codes generated so far over every run (searchable: projected in the same step)
 * @param state      RUNNING while a run is unfinished, else FAILED when a run failed, else COMPLETED
 * @param allowance  with inventory: the remaining usages of a code not redeemed since the last Set
 * @param setNumber  how many Sets the inventory has had (0: the creation's inventory)
 * @param version    sequence number of the batch's last projected event
 */
public record PromoBatchView(UUID id, String name, GenerationMethod method, @Nullable UUID segmentId,
                             @Nullable String segmentName, @Nullable Integer segmentRevision, Instant createdAt,
                             @Nullable String createdBy, boolean enabled, int codeLength, long requested,
                             long generated, GenerationBatchState state, DiscountTerms terms,
                             boolean inventoryEnabled, @Nullable Long allowance, int setNumber, long version) {
}
