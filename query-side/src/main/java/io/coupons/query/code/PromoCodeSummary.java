package io.coupons.query.code;

import io.coupons.api.promo.PromoCodeView;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.api.search.CodeStatus;
import io.coupons.api.search.CodeSummary;
import java.time.Instant;

/**
 * A promo code's search row: where it comes from (code_view) and how it stands (the promo batch's
 * read model, asked through the query bus so its one definition of rules in force and remaining
 * usages is the one Find Coupon shows).
 */
final class PromoCodeSummary {

    private PromoCodeSummary() {
    }

    /**
     * Checkout's view of a promo code, first match wins in {@link CodeStatus}'s order. A deleted
     * batch's code stays findable as DELETED, so support can explain why it is refused.
     */
    static CodeStatus status(PromoCodeView code, Instant now) {
        if (code.deleted()) {
            return CodeStatus.DELETED;
        }
        DiscountTerms terms = code.terms();
        if (terms.startsAt() != null && now.isBefore(terms.startsAt())) {
            return CodeStatus.SCHEDULED;
        }
        if (terms.endsAt() != null && !now.isBefore(terms.endsAt())) {
            return CodeStatus.EXPIRED;
        }
        if (!code.batchEnabled() || !code.codeEnabled()) {
            return CodeStatus.DISABLED;
        }
        if (code.remainingUses() != null && code.remainingUses() <= 0) {
            return CodeStatus.EXHAUSTED;
        }
        return CodeStatus.ACTIVE;
    }

    /** {@code code} null: the batch's own projection has not caught up (cannot happen in one group; be safe). */
    static CodeSummary of(CodeRow row, PromoCodeView code, Instant now) {
        if (code == null) {
            return new CodeSummary(row.code(), null, null, null, row.batchId(), row.batchNumber(), row.generatedAt(),
                    null, 0, null, null, null, row.promoBatchId(), null, null);
        }
        return new CodeSummary(row.code(), null, null, null, row.batchId(), row.batchNumber(), row.generatedAt(),
                status(code, now), code.redemptions(), code.remainingUses(), code.lastUsedAt(), null,
                code.promoBatchId(), code.batchName(), code.accountId());
    }
}
