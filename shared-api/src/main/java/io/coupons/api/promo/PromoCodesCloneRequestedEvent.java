package io.coupons.api.promo;

import io.coupons.api.rule.DiscountTerms;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/**
 * Clone was accepted as the batch's next generation run. Its codes follow as
 * {@link PromoCodesGeneratedEvent}s; each of them carries the source's rules.
 *
 * @param sourceCode    the code cloned
 * @param overrideTerms the source's own rules when it had been edited (every clone gets them as its
 *                      own override), else null: the clones follow the batch's rules
 * @param enabled       the source's own enabled flag (an edited code may be switched off alone)
 */
@Revision("1")
public record PromoCodesCloneRequestedEvent(PromoBatchId promoBatchId, UUID runId, int runNumber, String sourceCode,
                                            long quantity, int codeLength, @Nullable DiscountTerms overrideTerms,
                                            boolean enabled) implements PromoBatchEvent {
}
