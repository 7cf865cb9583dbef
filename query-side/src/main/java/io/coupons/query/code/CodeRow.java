package io.coupons.query.code;

import io.coupons.api.campaign.CampaignStatus;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.search.CodeStatus;
import io.coupons.api.search.CodeSummary;
import java.time.Instant;
import java.util.UUID;

/**
 * A code with what its status depends on: its campaign, with the campaign's status as at the read
 * (null fields while the campaign's projection catches up), and its usage counters (zero when never
 * redeemed). A promo code has no campaign; its status and counters come from {@link PromoCodeSummary}.
 */
record CodeRow(String code, UUID campaignId, UUID batchId, Integer batchNumber, Instant generatedAt,
               Instant deletedAt, String campaignCode, CampaignType campaignType, Integer usesPerCode,
               CampaignStatus campaignStatus, UUID discountRuleId, long recorded, long reversals,
               Instant lastUsedAt, UUID promoBatchId) {

    boolean promo() {
        return promoBatchId != null;
    }

    long inForce() {
        return recorded - reversals;
    }

    /**
     * Checkout's view of the code, in the order of {@link CodeStatus}. The time-based states are the
     * campaign's, derived in SQL by the campaign table's own definition.
     */
    CodeStatus status() {
        if (campaignType == null) {
            return null;
        }
        if (deletedAt != null) {
            return CodeStatus.DELETED;
        }
        CodeStatus campaignWide = switch (campaignStatus) {
            case ARCHIVED -> CodeStatus.ARCHIVED;
            case SCHEDULED -> CodeStatus.SCHEDULED;
            case EXPIRED -> CodeStatus.EXPIRED;
            case ACTIVE -> null;
        };
        if (campaignWide != null) {
            return campaignWide;
        }
        if (discountRuleId == null) {
            return CodeStatus.DISABLED;
        }
        if (usesPerCode != null && inForce() >= usesPerCode) {
            return CodeStatus.EXHAUSTED;
        }
        return CodeStatus.ACTIVE;
    }

    CodeSummary summary() {
        Long remaining = usesPerCode == null ? null : Math.max(0, usesPerCode - inForce());
        return new CodeSummary(code, campaignId, campaignCode, campaignType, batchId, batchNumber, generatedAt,
                status(), inForce(), remaining, lastUsedAt, deletedAt);
    }
}
