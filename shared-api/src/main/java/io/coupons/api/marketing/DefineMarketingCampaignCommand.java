package io.coupons.api.marketing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * Define a marketing campaign that rules can name in {@code terms.marketingCampaign}, or change its
 * description. Answers {@code CommandAccepted}; defining it again as it is records nothing.
 *
 * @param marketingCampaignId {@link MarketingCampaignId#of(String)} of the name
 * @param name                1-120 characters, exact (case-sensitive), no control characters, no
 *                            white space at either end
 * @param description         for the admins' picker, at most 500 characters (null: none)
 */
public record DefineMarketingCampaignCommand(@TargetAggregateIdentifier MarketingCampaignId marketingCampaignId,
                                             String name, @Nullable String description) {
}
