package io.coupons.api.marketing;

import io.coupons.api.common.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * Marketing campaigns in name order, for the rule form's picker. Answers {@link MarketingCampaignPage}.
 *
 * @param nameContains a part of the name, <b>case-insensitive</b> ({@code spring} finds
 *                     {@code Spring launch}); null: every marketing campaign
 */
public record FindMarketingCampaignsQuery(@Nullable String nameContains, PageRequest page) {
}
