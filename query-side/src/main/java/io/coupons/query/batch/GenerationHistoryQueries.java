package io.coupons.query.batch;

import io.coupons.api.batch.GenerationBatchView;
import io.coupons.api.batch.GenerationHistory;
import io.coupons.api.batch.GetGenerationBatchQuery;
import io.coupons.api.batch.GetGenerationHistoryQuery;
import io.coupons.query.campaign.CampaignRows;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the shared-api generation history queries (for REST and for other Axon services). */
@Component
public class GenerationHistoryQueries {

    private final GenerationBatchRows batches;
    private final CampaignRows campaigns;

    public GenerationHistoryQueries(GenerationBatchRows batches, CampaignRows campaigns) {
        this.batches = batches;
        this.campaigns = campaigns;
    }

    /** Empty when the campaign is unknown to the query side. */
    @QueryHandler
    public Optional<GenerationHistory> handle(GetGenerationHistoryQuery query) {
        return campaigns.find(query.campaignId()).map(campaign -> new GenerationHistory(campaign.id(),
                batches.history(campaign.id()), batches.poolStats(campaign.id(), campaign.usesPerCode())));
    }

    @QueryHandler
    public Optional<GenerationBatchView> handle(GetGenerationBatchQuery query) {
        return batches.find(query.campaignId(), query.batchNumber());
    }
}
