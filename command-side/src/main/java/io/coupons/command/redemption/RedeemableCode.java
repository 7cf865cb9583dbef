package io.coupons.command.redemption;

import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.promo.PromoBatchId;
import io.coupons.api.rule.DiscountTerms;
import java.time.Instant;
import java.util.UUID;

/**
 * Everything the decision needs to know about a code, read in one query.
 *
 * @param code           the code as stored (upper-case); for a URL token, its campaign's code
 * @param batchId        the generation batch of a bulk-pool code, else null
 * @param usesPerCode    the campaign's limit per code (null: unlimited)
 * @param terms          the linked rule's terms (null: no rule linked, so the code gives nothing)
 * @param enabled        false when the code's owner switched it off
 * @param deleted        true when the code's owner was deleted
 * @param boundAccountId the only account that may use the code (segment codes), else null
 * @param promoBatchId   the promo batch of a promo code (then {@code campaignId} and {@code type}
 *                       are null), else null
 * @param promoLimited   a promo code whose batch has inventory: its uses are counted by
 *                       {@code PromoInventory}, not by the campaign ledger
 */
public record RedeemableCode(String code, CampaignId campaignId, BatchId batchId, CampaignType type,
                             boolean archived, Instant startsAt, Instant expiresAt, Integer usesPerCode,
                             DiscountTerms terms, boolean enabled, boolean deleted, String boundAccountId,
                             PromoBatchId promoBatchId, boolean promoLimited) {

    /** A campaign's code. */
    public RedeemableCode(String code, CampaignId campaignId, BatchId batchId, CampaignType type, boolean archived,
                          Instant startsAt, Instant expiresAt, Integer usesPerCode, DiscountTerms terms,
                          boolean enabled, boolean deleted, String boundAccountId) {
        this(code, campaignId, batchId, type, archived, startsAt, expiresAt, usesPerCode, terms, enabled, deleted,
                boundAccountId, null, false);
    }

    boolean promo() {
        return promoBatchId != null;
    }

    /** Whether a use must be taken: the campaign's uses per code, or the promo batch's inventory. */
    boolean limited() {
        return promo() ? promoLimited : usesPerCode != null;
    }

    /** The campaign or promo batch whose code this is: the key of its per-account uses. */
    UUID ownerId() {
        return promo() ? promoBatchId.value() : campaignId.value();
    }

    /** The campaign's id for answers; null for a promo code. */
    UUID campaignUuid() {
        return campaignId == null ? null : campaignId.value();
    }

    /** Counts toward the order's code limit unless its rule says "ignore total order code limit". */
    boolean countsTowardOrderLimit() {
        return terms == null || !terms.ignoreTotalOrderCodeLimit();
    }
}
