package io.coupons.command.code;

import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.promo.PromoBatchId;
import java.util.UUID;

/**
 * Whose a code is: a campaign's (its single code, or a code of one of its generation runs) or a
 * promo batch's (a code of one of its runs). Exactly one of campaign and promo batch is set, as
 * the registry's check constraint says.
 *
 * @param runId the generation run that made the code (null for a campaign's single code)
 */
public record CodeOwner(UUID campaignId, UUID runId, UUID promoBatchId) {

    public static CodeOwner campaign(CampaignId campaign, BatchId batch) {
        return new CodeOwner(campaign.value(), batch == null ? null : batch.value(), null);
    }

    public static CodeOwner promo(PromoBatchId promoBatch, UUID runId) {
        return new CodeOwner(null, runId, promoBatch.value());
    }

    /** The owner's columns after the code in COPY's text format: campaign, run, promo batch. */
    String copyColumns() {
        return cell(campaignId) + "\t" + cell(runId) + "\t" + cell(promoBatchId);
    }

    private static String cell(UUID id) {
        return id == null ? "\\N" : id.toString();
    }
}
