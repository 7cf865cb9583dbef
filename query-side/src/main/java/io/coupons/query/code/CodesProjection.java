package io.coupons.query.code;

import io.coupons.api.batch.BatchCodesGeneratedEvent;
import io.coupons.api.campaign.CampaignCodeChangedEvent;
import io.coupons.api.campaign.CampaignCreatedEvent;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.promo.PromoCodesGeneratedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Projects every code into code_view (searchable: generated codes, the code of each single-code
 * and URL-token campaign, and promo batches' codes). Its processing group also holds the generation history's projection
 * ({@code batch.GenerationHistoryProjection}): one processor hands both the same events in one
 * transaction, so a chunk's codes and the progress they add commit together, and "generated" in the
 * history never counts a code that cannot be found yet.
 */
@Component
@ProcessingGroup(CodesProjection.PROCESSING_GROUP)
public class CodesProjection {

    public static final String PROCESSING_GROUP = "codes";

    private final CodeRows codes;

    public CodesProjection(CodeRows codes) {
        this.codes = codes;
    }

    @EventHandler
    void on(CampaignCreatedEvent event, @Timestamp Instant at) {
        // A bulk pool's code is only the prefix of its codes; the codes come with generation.
        if (event.type() != CampaignType.BULK_POOL) {
            codes.claimCampaignCode(event.code(), event.campaignId().value(), at);
        }
    }

    @EventHandler
    void on(CampaignCodeChangedEvent event, @Timestamp Instant at) {
        codes.deleteCampaignCode(event.previousCode(), event.campaignId().value(), at);
        codes.claimCampaignCode(event.code(), event.campaignId().value(), at);
    }

    @EventHandler
    void on(BatchCodesGeneratedEvent event, @Timestamp Instant at) {
        codes.insert(event.codes(), event.campaignId().value(), event.batchId().value(), event.batchNumber(), at);
    }

    /** Promo codes have no prefix; a batch's events stay in order (see the codes' sequencing policy). */
    @EventHandler
    void on(PromoCodesGeneratedEvent event, @Timestamp Instant at) {
        codes.insertPromo(event.codes(), event.accountIds(), event.promoBatchId().value(), event.runId(),
                event.runNumber(), event.chunk(), at);
    }

    @ResetHandler
    void reset() {
        codes.deleteAll();
    }
}
