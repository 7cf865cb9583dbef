package io.coupons.api.promo;

import io.coupons.api.rule.DiscountTerms;
import org.jspecify.annotations.Nullable;

/**
 * Seed 003's "Generate Batch" form. The handler validates every field at once and answers the
 * accepted batch; the codes are generated in the background.
 *
 * @param promoBatchId      identity of the new batch (derived from an Idempotency-Key, or random)
 * @param method            Number of Codes or Target User Segment
 * @param numberOfCodes     with {@link GenerationMethod#NUMBER_OF_CODES}: 1 … 10,000,000
 * @param targetUserSegment with {@link GenerationMethod#TARGET_USER_SEGMENT}: the segment's exact name
 * @param codeLength        "Number of Characters in Code" (no prefix); null: the default
 * @param name              "Batch Name", required
 * @param enabled           "Enabled": every code of the batch is active
 * @param terms             the rule set; {@code terms.displayMessage} is the form's "Display"
 * @param inventoryEnabled  the inventory section's "Enabled": without it the codes are unlimited
 * @param inventory         "Inventory (Remaining Usages)" of every code, with {@code inventoryEnabled}
 */
public record GeneratePromoBatchCommand(PromoBatchId promoBatchId, @Nullable GenerationMethod method,
                                        @Nullable Long numberOfCodes, @Nullable String targetUserSegment,
                                        @Nullable Integer codeLength, @Nullable String name, boolean enabled,
                                        @Nullable DiscountTerms terms, boolean inventoryEnabled,
                                        @Nullable Long inventory) {
}
