package io.coupons.api.promo;

import io.coupons.api.rule.DiscountTerms;
import org.axonframework.serialization.Revision;

/** One code's own rules (an override of the batch's) and its own enabled flag. */
@Revision("1")
public record PromoCodeEditedEvent(PromoBatchId promoBatchId, String code, DiscountTerms terms, boolean enabled) implements PromoBatchEvent {
}
