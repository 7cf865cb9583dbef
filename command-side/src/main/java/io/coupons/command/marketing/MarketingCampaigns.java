package io.coupons.command.marketing;

/**
 * Whether a marketing campaign of this exact name is defined, as committed. Discount rules ask it
 * for {@code terms.marketingCampaign}; {@link MarketingCampaignNames} answers from its table.
 */
@FunctionalInterface
public interface MarketingCampaigns {

    boolean isDefined(String name);
}
