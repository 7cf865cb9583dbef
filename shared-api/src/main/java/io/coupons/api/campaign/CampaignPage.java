package io.coupons.api.campaign;

import java.util.List;

public record CampaignPage(List<CampaignView> items, long total, int page, int size) {
}
