package io.coupons.api.promo;

import io.coupons.api.rule.DiscountTerms;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/**
 * A promo code batch was created: its name, rules and first generation run (number 1). The codes
 * follow as {@link PromoCodesGeneratedEvent} chunks, then {@link PromoGenerationCompletedEvent}.
 *
 * @param segmentId        with {@link GenerationMethod#TARGET_USER_SEGMENT}: the segment, else null
 * @param segmentName      its name as it was typed (segment names are exact), else null
 * @param segmentRevision  the member set generated from ({@code SegmentMembersReplacedEvent.revision})
 * @param quantity         codes of run 1: the number asked for, or the segment's size then
 * @param inventory        every code's remaining usages at the start, when {@code inventoryEnabled}
 */
@Revision("1")
public record PromoBatchCreatedEvent(PromoBatchId promoBatchId, String name, GenerationMethod method,
                                     @Nullable UUID segmentId, @Nullable String segmentName,
                                     @Nullable Integer segmentRevision, UUID runId, long quantity, int codeLength,
                                     boolean enabled, DiscountTerms terms, boolean inventoryEnabled,
                                     @Nullable Long inventory) implements PromoBatchEvent {
}
