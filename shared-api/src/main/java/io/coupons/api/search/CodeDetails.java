package io.coupons.api.search;

import io.coupons.api.campaign.CampaignView;
import io.coupons.api.promo.PromoCodeView;
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
 * @param promoCode           for a promo batch's code: its rules in force, bound account, inventory
 *                            remaining and redemptions (campaign, ruleInForce and usage are then null)
 */
public record CodeDetails(CodeSummary code, @Nullable CampaignView campaign, @Nullable DiscountRuleView ruleInForce,
                          @Nullable CodeUsageView usage, List<RedemptionView> redemptions, long redemptionsRecorded,
                          @Nullable PromoCodeView promoCode) {

    public static final int REDEMPTIONS_SHOWN = 50;

    /** A campaign's code, as before promo batches. */
    public CodeDetails(CodeSummary code, @Nullable CampaignView campaign, @Nullable DiscountRuleView ruleInForce,
                       @Nullable CodeUsageView usage, List<RedemptionView> redemptions, long redemptionsRecorded) {
        this(code, campaign, ruleInForce, usage, redemptions, redemptionsRecorded, null);
    }

    public CodeDetails {
        redemptions = List.copyOf(redemptions);
    }
}
