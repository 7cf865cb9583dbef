package io.coupons.api.marketing;

import java.util.List;

/** One page of marketing campaigns in name order ("C" order: upper case before lower case). */
public record MarketingCampaignPage(List<MarketingCampaignView> items, long total, int page, int size) {

    public MarketingCampaignPage {
        items = List.copyOf(items);
    }
}
