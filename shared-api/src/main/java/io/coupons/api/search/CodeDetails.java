package io.coupons.api.search;

import io.coupons.api.campaign.CampaignView;
import io.coupons.api.redemption.CodeUsageView;
import io.coupons.api.redemption.RedemptionView;
import io.coupons.api.rule.DiscountRuleView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything support needs about one code: the search row, its campaign, the discount rule in force,
 * its usage, and its redemptions (used at, used by, order number).
 *
 * @param ruleInForce         the rule linked to the campaign now, null when none (the code is DISABLED)
 * @param redemptions         the newest {@link #REDEMPTIONS_SHOWN}, reversed ones included;
 *                            {@code FindCodeRedemptionsQuery} pages through all of them
 * @param redemptionsRecorded how many redemptions were ever recorded, reversed ones included
 */
public record CodeDetails(CodeSummary code, @Nullable CampaignView campaign, @Nullable DiscountRuleView ruleInForce,
                          @Nullable CodeUsageView usage, List<RedemptionView> redemptions, long redemptionsRecorded) {

    public static final int REDEMPTIONS_SHOWN = 50;

    public CodeDetails {
        redemptions = List.copyOf(redemptions);
    }
}
