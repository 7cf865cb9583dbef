package io.coupons.query.search;

import io.coupons.api.campaign.CampaignType;
import io.coupons.api.search.CodeStatus;
import io.coupons.api.search.CodeSummary;
import java.time.Instant;
import java.util.UUID;

/**
 * A code with what its status depends on: its campaign (null fields while the campaign's projection
 * catches up) and its usage counters (zero when never redeemed).
 */
record CodeRow(String code, UUID campaignId, UUID batchId, Integer batchNumber, Instant generatedAt,
               Instant deletedAt, String campaignCode, CampaignType campaignType, Integer usesPerCode,
               Instant startsAt, Instant expiresAt, Instant archivedAt, UUID discountRuleId, long recorded,
               long reversals, Instant lastUsedAt) {

    long inForce() {
        return recorded - reversals;
    }

    /** Checkout's view of the code at {@code now}, in the order of {@link CodeStatus}. */
    CodeStatus status(Instant now) {
        if (campaignType == null) {
            return null;
        }
        if (deletedAt != null) {
            return CodeStatus.DELETED;
        }
        if (archivedAt != null) {
            return CodeStatus.ARCHIVED;
        }
        if (startsAt != null && startsAt.isAfter(now)) {
            return CodeStatus.SCHEDULED;
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return CodeStatus.EXPIRED;
        }
        if (discountRuleId == null) {
            return CodeStatus.DISABLED;
        }
        if (usesPerCode != null && inForce() >= usesPerCode) {
            return CodeStatus.EXHAUSTED;
        }
        return CodeStatus.ACTIVE;
    }

    CodeSummary summary(Instant now) {
        Long remaining = usesPerCode == null ? null : Math.max(0, usesPerCode - inForce());
        return new CodeSummary(code, campaignId, campaignCode, campaignType, batchId, batchNumber, generatedAt,
                status(now), inForce(), remaining, lastUsedAt, deletedAt);
    }
}
