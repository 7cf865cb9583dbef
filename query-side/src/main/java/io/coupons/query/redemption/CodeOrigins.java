package io.coupons.query.redemption;

import io.coupons.query.batch.GenerationBatchRows;
import io.coupons.query.campaign.CampaignRows;
import io.coupons.query.code.CodeRows;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which campaign (and batch) a code is, asked of the tables' owners: code_view, which holds
 * generated codes and single-code and URL-token campaigns' codes (a code changed away stays its old
 * campaign's, deleted, until another claims it); else campaign_view, for a campaign whose code_view
 * row is not projected yet (another processing group).
 */
@Component
public class CodeOrigins {

    private final CodeRows codes;
    private final CampaignRows campaigns;
    private final GenerationBatchRows batches;

    public CodeOrigins(CodeRows codes, CampaignRows campaigns, GenerationBatchRows batches) {
        this.codes = codes;
        this.campaigns = campaigns;
        this.batches = batches;
    }

    record Origin(UUID campaignId, UUID batchId) {
    }

    Optional<Origin> of(String code) {
        // A promo code has no campaign: its usage is its promo batch's (promo.PromoCodeViews).
        return codes.origin(code).filter(origin -> origin.campaignId() != null)
                .map(origin -> new Origin(origin.campaignId(), origin.batchId()))
                .or(() -> campaigns.withOwnCode(code).map(campaign -> new Origin(campaign, null)));
    }

    Optional<Integer> batchNumber(UUID batchId) {
        return batches.batchNumber(batchId);
    }

    Optional<UUID> campaignOfBatch(UUID batchId) {
        return batches.campaignOf(batchId);
    }
}
