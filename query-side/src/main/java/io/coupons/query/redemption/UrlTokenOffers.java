package io.coupons.query.redemption;

import io.coupons.api.campaign.CampaignStatus;
import io.coupons.api.campaign.CampaignView;
import io.coupons.api.redemption.UrlTokenOffer;
import io.coupons.api.rule.DiscountRuleView;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.query.campaign.CampaignRows;
import io.coupons.query.rule.DiscountRuleRows;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a URL token offers, for a storefront to show and auto-apply. Informative only: the
 * checkout still validates or redeems the token against the order on the command side.
 */
@Component
public class UrlTokenOffers {

    private final CampaignRows campaigns;
    private final DiscountRuleRows rules;

    public UrlTokenOffers(CampaignRows campaigns, DiscountRuleRows rules) {
        this.campaigns = campaigns;
        this.rules = rules;
    }

    /** Empty when no campaign has the token. Tokens are case-sensitive (URL-safe Base64). */
    Optional<UrlTokenOffer> resolve(String token) {
        return campaigns.findByUrlToken(token.strip()).map(this::offer);
    }

    private UrlTokenOffer offer(CampaignView campaign) {
        // The rule is another projection: until its row arrives there are no terms to offer.
        DiscountTerms terms = campaign.discountRuleId() == null ? null
                : rules.find(campaign.discountRuleId()).map(DiscountRuleView::terms).orElse(null);
        boolean available = campaign.status() == CampaignStatus.ACTIVE && terms != null;
        if (terms == null) {
            return new UrlTokenOffer(campaign.urlToken(), campaign.id(), campaign.code(), campaign.status(), false,
                    null, null, null, false, null, null, null);
        }
        return new UrlTokenOffer(campaign.urlToken(), campaign.id(), campaign.code(), campaign.status(), available,
                terms.percentOff(), terms.discountLimit(), terms.flatAmountOff(), terms.freeGroundShipping(),
                terms.currency(), terms.orderMinimum(), terms.displayMessage());
    }
}
