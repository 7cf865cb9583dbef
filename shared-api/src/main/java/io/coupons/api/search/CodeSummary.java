package io.coupons.api.search;

import io.coupons.api.campaign.CampaignType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A row of the search results: the code, where it comes from and how it stands.
 *
 * @param campaignCode     the campaign's current code (a generated code starts with it)
 * @param batchId          the generation batch, null for single-code and URL-token campaigns
 * @param generatedAt      when the code came to exist (batch chunk, or the campaign's creation)
 * @param status           null only while the campaign's own projection is catching up
 * @param totalRedemptions redemptions in force (recorded minus reversed)
 * @param remainingUses    null when the campaign's codes are unlimited
 * @param lastUsedAt       null when never redeemed
 * @param deletedAt        when the code stopped being the campaign's code, else null
 * @param campaignId       null for a promo batch's code
 * @param promoBatchId     the promo batch of a promo code, else null (campaign fields are then null)
 * @param promoBatchName   that batch's name
 * @param accountId        the account a promo code is bound to (Target User Segment), else null
 */
public record CodeSummary(String code, @Nullable UUID campaignId, @Nullable String campaignCode,
                          @Nullable CampaignType campaignType, @Nullable UUID batchId, @Nullable Integer batchNumber,
                          Instant generatedAt, @Nullable CodeStatus status, long totalRedemptions,
                          @Nullable Long remainingUses, @Nullable Instant lastUsedAt, @Nullable Instant deletedAt,
                          @Nullable UUID promoBatchId, @Nullable String promoBatchName, @Nullable String accountId) {

    /** A campaign's code, as before promo batches. */
    public CodeSummary(String code, UUID campaignId, @Nullable String campaignCode, @Nullable CampaignType campaignType,
                       @Nullable UUID batchId, @Nullable Integer batchNumber, Instant generatedAt,
                       @Nullable CodeStatus status, long totalRedemptions, @Nullable Long remainingUses,
                       @Nullable Instant lastUsedAt, @Nullable Instant deletedAt) {
        this(code, campaignId, campaignCode, campaignType, batchId, batchNumber, generatedAt, status, totalRedemptions,
                remainingUses, lastUsedAt, deletedAt, null, null, null);
    }
}
