package io.coupons.command.redemption;

import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.rule.DiscountTerms;
import java.time.Instant;

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
 */
public record RedeemableCode(String code, CampaignId campaignId, BatchId batchId, CampaignType type,
                             boolean archived, Instant startsAt, Instant expiresAt, Integer usesPerCode,
                             DiscountTerms terms, boolean enabled, boolean deleted, String boundAccountId) {

    boolean limited() {
        return usesPerCode != null;
    }

    /** Counts toward the order's code limit unless its rule says "ignore total order code limit". */
    boolean countsTowardOrderLimit() {
        return terms == null || !terms.ignoreTotalOrderCodeLimit();
    }
}
