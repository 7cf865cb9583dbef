package io.coupons.query.campaign;

import io.coupons.api.campaign.CampaignPage;
import io.coupons.api.campaign.CampaignView;
import io.coupons.api.campaign.FindCampaignsQuery;
import io.coupons.api.campaign.GetCampaignQuery;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the shared-api campaign queries (for REST and for other Axon services). */
@Component
public class CampaignQueries {

    private final CampaignRows rows;

    public CampaignQueries(CampaignRows rows) {
        this.rows = rows;
    }

    @QueryHandler
    public CampaignPage handle(FindCampaignsQuery query) {
        return rows.find(new CampaignRows.Filter(query.type(), query.status(), query.text()), query.page());
    }

    @QueryHandler
    public Optional<CampaignView> handle(GetCampaignQuery query) {
        return rows.find(query.campaignId());
    }
}
