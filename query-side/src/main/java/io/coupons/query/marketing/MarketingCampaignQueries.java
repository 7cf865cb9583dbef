package io.coupons.query.marketing;

import io.coupons.api.marketing.FindMarketingCampaignsQuery;
import io.coupons.api.marketing.GetMarketingCampaignQuery;
import io.coupons.api.marketing.MarketingCampaignPage;
import io.coupons.api.marketing.MarketingCampaignView;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the shared-api marketing campaign queries (for REST and for other Axon services). */
@Component
public class MarketingCampaignQueries {

    private final MarketingCampaignRows rows;

    public MarketingCampaignQueries(MarketingCampaignRows rows) {
        this.rows = rows;
    }

    @QueryHandler
    public MarketingCampaignPage handle(FindMarketingCampaignsQuery query) {
        return rows.find(query.nameContains(), query.page());
    }

    @QueryHandler
    public Optional<MarketingCampaignView> handle(GetMarketingCampaignQuery query) {
        return rows.find(query.marketingCampaignId());
    }
}
